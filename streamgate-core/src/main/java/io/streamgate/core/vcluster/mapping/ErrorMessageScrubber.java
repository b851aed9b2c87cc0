package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.protocol.Message;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes physical names from every error message of a response ({@code errorMessage}, and the like of Produce's
 * {@code batchIndexErrorMessage}), at any depth: brokers write topic and group
 * names into their messages ("Topic 'a.orders' already exists"), and a tenant must learn neither its prefix nor the
 * names of aliased topics. Works on any generated response class, so that a new API or version cannot slip through.
 * Thread-safe.
 */
public final class ErrorMessageScrubber {

    private static final Map<Class<?>, Accessors> ACCESSORS = new ConcurrentHashMap<>();

    private ErrorMessageScrubber() {
    }

    /** Rewrites, in place, every error message of {@code response} with the tenant's names. */
    public static void scrub(Message response, TenantNamespace names) {
        ACCESSORS.computeIfAbsent(response.getClass(), Accessors::of).scrub(response, names);
    }

    /** The error message fields (getter and setter) and the nested messages of one generated message class. */
    private record Accessors(List<Method[]> messages, List<Method> children) {

        static Accessors of(Class<?> type) {
            List<Method[]> messages = new ArrayList<>();
            List<Method> children = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0 && method.getReturnType() == String.class
                        && (method.getName().equals("errorMessage") || method.getName().endsWith("ErrorMessage"))) {
                    Method setter = setter(type, method.getName());
                    if (setter != null) {
                        messages.add(new Method[] {method, setter});
                    }
                } else if (method.getParameterCount() == 0 && !method.getName().startsWith("set")
                        && !method.getName().equals("duplicate") && !method.getName().equals("unknownTaggedFields")
                        && (Message.class.isAssignableFrom(method.getReturnType())
                        || Collection.class.isAssignableFrom(method.getReturnType()))
                        && method.getDeclaringClass() == type) {
                    children.add(method);
                }
            }
            return new Accessors(List.copyOf(messages), List.copyOf(children));
        }

        private static Method setter(Class<?> type, String field) {
            try {
                return type.getMethod("set" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
                        String.class);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        void scrub(Object message, TenantNamespace names) {
            try {
                for (Method[] field : messages) {
                    String text = (String) field[0].invoke(message);
                    String scrubbed = names.scrub(text);
                    if (scrubbed != text) {
                        field[1].invoke(message, scrubbed);
                    }
                }
                for (Method child : children) {
                    Object value = child.invoke(message);
                    if (value instanceof Message nested) {
                        ErrorMessageScrubber.scrub(nested, names);
                    } else if (value instanceof Collection<?> collection) {
                        for (Object element : collection) {
                            if (element instanceof Message nested) {
                                ErrorMessageScrubber.scrub(nested, names);
                            } else {
                                break; // a collection of values, not of messages
                            }
                        }
                    }
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot scrub " + message.getClass().getSimpleName(), e);
            }
        }
    }
}
