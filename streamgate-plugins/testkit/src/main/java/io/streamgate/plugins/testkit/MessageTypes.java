package io.streamgate.plugins.testkit;

import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which API a generated request or response message class belongs to. The gateway keeps its own copy of this
 * table in its core, which plugins cannot depend on.
 */
final class MessageTypes {

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

    private MessageTypes() {
    }

    static Optional<ApiKeys> ofRequest(Class<? extends ApiMessage> type) {
        return Optional.ofNullable(REQUESTS.get(type));
    }

    static Optional<ApiKeys> ofResponse(Class<? extends ApiMessage> type) {
        return Optional.ofNullable(RESPONSES.get(type));
    }
}
