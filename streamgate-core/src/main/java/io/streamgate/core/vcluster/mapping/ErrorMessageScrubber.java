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
 * Removes physical names from every {@code errorMessage} of a response, at any depth: brokers write topic and group
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

    /** The error message getter and setter, and the nested messages, of one generated message class. */
    private record Accessors(Method errorMessage, Method setErrorMessage, List<Method> children) {

        static Accessors of(Class<?> type) {
            Method getter = null;
            Method setter = null;
            List<Method> children = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (method.getName().equals("errorMessage") && method.getParameterCount() == 0
                        && method.getReturnType() == String.class) {
                    getter = method;
                } else if (method.getName().equals("setErrorMessage") && method.getParameterCount() == 1
                        && method.getParameterTypes()[0] == String.class) {
                    setter = method;
                } else if (method.getParameterCount() == 0 && !method.getName().startsWith("set")
                        && !method.getName().equals("duplicate") && !method.getName().equals("unknownTaggedFields")
                        && (Message.class.isAssignableFrom(method.getReturnType())
                        || Collection.class.isAssignableFrom(method.getReturnType()))
                        && method.getDeclaringClass() == type) {
                    children.add(method);
                }
            }
            return new Accessors(setter == null ? null : getter, getter == null ? null : setter, List.copyOf(children));
        }

        void scrub(Object message, TenantNamespace names) {
            try {
                if (errorMessage != null) {
                    String text = (String) errorMessage.invoke(message);
                    String scrubbed = names.scrub(text);
                    if (scrubbed != text) {
                        setErrorMessage.invoke(message, scrubbed);
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
