package io.streamgate.plugins.policy.readonly;

import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.List;

/**
 * The entries the gateway took out of a request because they write to read-only topics, kept in the request's
 * scratch space until the broker's response comes back and gets their answers.
 *
 * @param topics the topic of each entry, in the same order
 * @param messages the message of each entry, in the same order
 */
record RefusedEntries<R extends ApiMessage, E>(TopicWrites<?, R, E> writes, List<E> entries, List<String> topics,
                                               List<String> messages) {

    /** Adds the answers of the refused entries to the broker's response. */
    void answerIn(R response) {
        for (int i = 0; i < entries.size(); i++) {
            writes.answer(response, entries.get(i), topics.get(i), Errors.TOPIC_AUTHORIZATION_FAILED,
                    messages.get(i));
        }
    }
}
