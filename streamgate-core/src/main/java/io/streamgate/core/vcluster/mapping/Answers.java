package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiMessage;

import java.util.concurrent.CompletableFuture;

/** Local answers of mappers that held back everything a request asked for. */
final class Answers {

    private Answers() {
    }

    static Mapping.Answer of(ApiMessage response) {
        return new Mapping.Answer(CompletableFuture.completedFuture(response));
    }
}
