package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** The two outcomes of a mapping, unwrapped for assertions. */
final class Mappings {

    private Mappings() {
    }

    static Mapping.Forward forwarded(Mapping mapping) {
        assertThat(mapping).isInstanceOf(Mapping.Forward.class);
        return (Mapping.Forward) mapping;
    }

    @SuppressWarnings("unchecked")
    static <T extends ApiMessage> T answered(Mapping mapping) {
        assertThat(mapping).isInstanceOf(Mapping.Answer.class);
        return (T) ((Mapping.Answer) mapping).response().toCompletableFuture().join();
    }

    /** The tenant's view of a broker's response, as a client reads it at {@code version}. */
    @SuppressWarnings("unchecked")
    static <T extends ApiMessage> T mapped(Mapping mapping, T brokerResponse, short version) {
        return WireForm.roundTrip((T) forwarded(mapping).response().map(brokerResponse, version), version);
    }
}
