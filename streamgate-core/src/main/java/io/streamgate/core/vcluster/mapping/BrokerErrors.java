package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.requests.AbstractRequest;

import java.util.concurrent.CompletableFuture;

/**
 * The response a broker gives when a whole request fails with one error, built by kafka-clients' own
 * {@code getErrorResponse}, so that every group, topic and partition of the request carries the error in the shape the
 * client expects for that version.
 */
final class BrokerErrors {

    private BrokerErrors() {
    }

    /** The gateway answers the whole request with {@code error}; nothing goes to the broker. */
    static Mapping answer(ApiMessage request, short version, Errors error) {
        return new Mapping.Answer(CompletableFuture.completedFuture(response(request, version, error)));
    }

    static Mapping answer(ApiMessage response) {
        return new Mapping.Answer(CompletableFuture.completedFuture(response));
    }

    static ApiMessage response(ApiMessage request, short version, Errors error) {
        // The request classes are built from their serialized form: not every one has a public constructor from data.
        AbstractRequest parsed = AbstractRequest.parseRequest(ApiKeys.forId(request.apiKey()), version,
                MessageUtil.toByteBufferAccessor(request, version)).request;
        return parsed.getErrorResponse(0, error.exception()).data();
    }
}
