package io.streamgate.api;

import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which API a generated request or response message class of kafka-clients belongs to, e.g.
 * {@code ProduceRequestData} to {@link ApiKeys#PRODUCE}: how {@link Hooks#onRequest} knows the API of a typed hook.
 * Stateless and thread-safe.
 */
public final class ApiMessageTypes {

    private static final Map<Class<?>, ApiKeys> REQUESTS = new HashMap<>();
    private static final Map<Class<?>, ApiKeys> RESPONSES = new HashMap<>();

    static {
        for (ApiKeys apiKey : ApiKeys.values()) {
            ApiMessageType type = apiKey.messageType;
            try {
                REQUESTS.put(type.newRequest().getClass(), apiKey);
                RESPONSES.put(type.newResponse().getClass(), apiKey);
            } catch (UnsupportedVersionException retired) {
                // An API whose messages kafka-clients no longer carries (e.g. the ZooKeeper-era LeaderAndIsr).
            }
        }
    }

    private ApiMessageTypes() {
    }

    /** The API whose requests are of {@code type}; empty for a class that is no request message. */
    public static Optional<ApiKeys> ofRequest(Class<? extends ApiMessage> type) {
        return Optional.ofNullable(REQUESTS.get(type));
    }

    /** The API whose responses are of {@code type}; empty for a class that is no response message. */
    public static Optional<ApiKeys> ofResponse(Class<? extends ApiMessage> type) {
        return Optional.ofNullable(RESPONSES.get(type));
    }
}
