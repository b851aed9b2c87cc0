package io.streamgate.plugins.headers;

import io.streamgate.api.InterceptorContext;
import org.apache.kafka.common.Uuid;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Names for topics that recent Produce, Fetch and ShareFetch versions identify by id only. Asks the gateway
 * only when there is an id to resolve, so older versions cost nothing.
 */
public final class TopicNames {

    private static final CompletionStage<Map<Uuid, String>> NONE = CompletableFuture.completedFuture(Map.of());

    private TopicNames() {
    }

    /** The names of {@code ids}; unknown ids are absent. */
    public static CompletionStage<Map<Uuid, String>> of(InterceptorContext context, Collection<Uuid> ids) {
        return ids.isEmpty() ? NONE : context.topicNames(ids);
    }

    /** A topic's name: {@code name} when the message carries one, else the resolved name of {@code id}, or null. */
    public static String nameOf(String name, Uuid id, Map<Uuid, String> resolved) {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        return id == null || Uuid.ZERO_UUID.equals(id) ? null : resolved.get(id);
    }

    /** Whether a topic needs its id resolved to be named. */
    public static boolean needsLookup(String name, Uuid id) {
        return (name == null || name.isEmpty()) && id != null && !Uuid.ZERO_UUID.equals(id);
    }
}
