package io.streamgate.plugins.audit.event;

import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.Message;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the error codes anywhere in a response: every {@code short errorCode()} (and {@code xxxErrorCode()})
 * of the message and of the structures and lists nested in it, whatever the API. Works on kafka-clients'
 * generated message classes through their public getters, found once per class; record data is never read.
 * Thread-safe.
 */
public final class ErrorCounts {

    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> getters = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
                        || method.getDeclaringClass() == Object.class || method.getName().equals("duplicate")) {
                    continue;
                }
                Class<?> returned = method.getReturnType();
                if ((returned == short.class && isErrorCode(method.getName()))
                        || Message.class.isAssignableFrom(returned) || Collection.class.isAssignableFrom(returned)) {
                    getters.add(method);
                }
            }
            return List.copyOf(getters);
        }
    };

    private ErrorCounts() {
    }

    /** Error name to occurrences, for every code other than NONE; empty when the response reports no error. */
    public static Map<String, Integer> of(Message response) {
        Map<String, Integer> counts = new HashMap<>();
        count(response, counts, 0);
        return counts;
    }

    private static boolean isErrorCode(String name) {
        return name.equals("errorCode") || name.endsWith("ErrorCode");
    }

    private static void count(Message message, Map<String, Integer> counts, int depth) {
        if (depth > 16) {
            return;
        }
        for (Method getter : GETTERS.get(message.getClass())) {
            Object value = invoke(getter, message);
            if (value instanceof Short code) {
                if (code != Errors.NONE.code()) {
                    counts.merge(Errors.forCode(code).name(), 1, Integer::sum);
                }
            } else if (value instanceof Message nested) {
                count(nested, counts, depth + 1);
            } else if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    if (item instanceof Message nested) {
                        count(nested, counts, depth + 1);
                    }
                }
            }
        }
    }

    private static Object invoke(Method getter, Message message) {
        try {
            return getter.invoke(message);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
