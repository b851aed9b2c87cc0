package io.streamgate.core.protocol;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.requests.AbstractRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Error answers the gateway gives in a broker's place. For a refused request, kafka-clients' own
 * {@code getErrorResponse} builds the answer a broker would give, with the error on every topic and
 * partition. For a response that an interceptor failed to process, every error code in it is set and every
 * record dropped: half-processed data (say, a value a masking interceptor did not get to mask) must never
 * reach the client.
 */
public final class ErrorResponses {

    private static final Map<Class<?>, MessageAccessors> ACCESSORS = new ConcurrentHashMap<>();

    private ErrorResponses() {
    }

    /**
     * The response a broker would give to {@code request} failing with {@code error}. Where kafka-clients builds it
     * without {@code message} (DeleteTopics, Produce and the group heartbeats, for instance), the message is put in
     * every error message field of an entry with that error, when the version has such fields.
     */
    public static ApiMessage forRequest(ApiKeys apiKey, short version, ApiMessage request, Errors error,
                                        String message) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(request.size(cache, version));
        request.write(new ByteBufferAccessor(buffer), cache, version);
        buffer.flip();
        AbstractRequest parsed = AbstractRequest.parseRequest(apiKey, version, new ByteBufferAccessor(buffer)).request;
        ApiMessage response = parsed.getErrorResponse(0, error.exception(message)).data();
        if (message == null || error == Errors.NONE) {
            return response;
        }
        ApiMessage withMessages = (ApiMessage) response.duplicate();
        ACCESSORS.computeIfAbsent(withMessages.getClass(), MessageAccessors::of)
                .fillMessages(withMessages, error.code(), message);
        try {
            MessageUtil.toByteBufferAccessor(withMessages, version); // a field this version lacks must stay unset
            return withMessages;
        } catch (UnsupportedVersionException noSuchField) {
            return response;
        }
    }

    /** Turns {@code response}, in place, into an error response: every error code set, every record dropped. */
    public static void poison(Message response, Errors error, String message) {
        ACCESSORS.computeIfAbsent(response.getClass(), MessageAccessors::of).poison(response, error, message);
    }

    /** The setters and nested messages of one generated message class. */
    private record MessageAccessors(Method setErrorCode, Method setErrorMessage, Method setRecords,
                                    List<Method> children, Method errorCode, Method errorMessage) {

        static MessageAccessors of(Class<?> type) {
            Method errorCode = null;
            Method errorMessage = null;
            Method records = null;
            Method errorCodeGetter = null;
            Method errorMessageGetter = null;
            List<Method> children = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 1 && method.getName().equals("setErrorCode")
                        && method.getParameterTypes()[0] == short.class) {
                    errorCode = method;
                } else if (method.getParameterCount() == 1 && method.getName().equals("setErrorMessage")
                        && method.getParameterTypes()[0] == String.class) {
                    errorMessage = method;
                } else if (method.getParameterCount() == 0 && method.getName().equals("errorCode")
                        && method.getReturnType() == short.class) {
                    errorCodeGetter = method;
                } else if (method.getParameterCount() == 0 && method.getName().equals("errorMessage")
                        && method.getReturnType() == String.class) {
                    errorMessageGetter = method;
                } else if (method.getParameterCount() == 1 && method.getName().equals("setRecords")
                        && method.getParameterTypes()[0] == BaseRecords.class) {
                    records = method;
                } else if (method.getParameterCount() == 0 && !method.getName().startsWith("set")
                        && !method.getName().equals("duplicate") && !method.getName().equals("unknownTaggedFields")
                        && (Message.class.isAssignableFrom(method.getReturnType())
                        || Collection.class.isAssignableFrom(method.getReturnType()))
                        && method.getDeclaringClass() == type) {
                    children.add(method);
                }
            }
            return new MessageAccessors(errorCode, errorMessage, records, children, errorCodeGetter,
                    errorMessageGetter);
        }

        /** Sets {@code text} as the error message of every entry with error {@code code} and no message. */
        void fillMessages(Object message, short code, String text) {
            try {
                if (setErrorMessage != null && errorCode != null && errorMessage != null
                        && (short) errorCode.invoke(message) == code && errorMessage.invoke(message) == null) {
                    setErrorMessage.invoke(message, text);
                }
                for (Method child : children) {
                    Object value = child.invoke(message);
                    if (value instanceof Message nested) {
                        ACCESSORS.computeIfAbsent(nested.getClass(), MessageAccessors::of).fillMessages(nested, code,
                                text);
                    } else if (value instanceof Collection<?> collection) {
                        for (Object element : collection) {
                            if (element instanceof Message nested) {
                                ACCESSORS.computeIfAbsent(nested.getClass(), MessageAccessors::of)
                                        .fillMessages(nested, code, text);
                            }
                        }
                    }
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot set the error message of "
                        + message.getClass().getSimpleName(), e);
            }
        }

        void poison(Object message, Errors error, String text) {
            try {
                if (setErrorCode != null) {
                    setErrorCode.invoke(message, error.code());
                }
                if (setErrorMessage != null) {
                    setErrorMessage.invoke(message, text);
                }
                if (setRecords != null) {
                    setRecords.invoke(message, MemoryRecords.EMPTY);
                }
                for (Method child : children) {
                    Object value = child.invoke(message);
                    if (value instanceof Message nested) {
                        poison(nested, error, text);
                    } else if (value instanceof Collection<?> collection) {
                        for (Object element : collection) {
                            if (element instanceof Message nested) {
                                ErrorResponses.poison(nested, error, text);
                            }
                        }
                    }
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot set the error of " + message.getClass().getSimpleName(), e);
            }
        }

        private void poison(Message nested, Errors error, String text) {
            ErrorResponses.poison(nested, error, text);
        }
    }
}
