package io.streamgate.plugins.policy.readonly;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.Collection;
import java.util.Optional;

/**
 * One API that writes to topics, as the read-only rule needs it: the request's entries, each naming one topic to
 * write to, and how the response answers for an entry the gateway took out of the request.
 *
 * @param <Q> the request message
 * @param <R> the response message
 * @param <E> an entry of the request
 */
interface TopicWrites<Q extends ApiMessage, R extends ApiMessage, E> {

    /** The request's entries, as its own live collection: removing from it removes from the request. */
    Collection<E> entries(Q request);

    /** The topic the entry writes to, or null when it names it by id only, or is not about a topic. */
    String name(E entry);

    /** The id of the topic the entry writes to, when the API names topics by id (else the zero id). */
    default Uuid topicId(E entry) {
        return Uuid.ZERO_UUID;
    }

    /**
     * A response without entries, for the gateway to answer a request it refuses as a whole with the refused entries'
     * own answers (which carry the message, unlike kafka-clients' error responses); empty to fail the request instead.
     */
    Optional<R> emptyResponse();

    /** Adds to {@code response} the answer for {@code entry}, refused with {@code error} and {@code message}. */
    void answer(R response, E entry, String topic, Errors error, String message);
}
