package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs requests through the registered mappers as the gateway does, and unwraps the outcomes, for tests. */
final class Mappings {

    private Mappings() {
    }

    static Mapping map(ApiMessage request, int version, TenantContext tenant) {
        ApiMapper mapper = ApiMappers.mapper(ApiKeys.forId(request.apiKey()));
        assertThat(mapper).as("mapper of %s", ApiKeys.forId(request.apiKey())).isNotNull();
        return mapper.map(request, (short) version, tenant);
    }

    static Mapping.Forward forwarded(ApiMessage request, int version, TenantContext tenant) {
        Mapping mapping = map(request, version, tenant);
        assertThat(mapping).isInstanceOf(Mapping.Forward.class);
        return (Mapping.Forward) mapping;
    }

    /** The gateway's own answer to the request, which must not go to the broker. */
    @SuppressWarnings("unchecked")
    static <T extends ApiMessage> T answered(ApiMessage request, int version, TenantContext tenant) {
        Mapping mapping = map(request, version, tenant);
        assertThat(mapping).isInstanceOf(Mapping.Answer.class);
        return (T) ((Mapping.Answer) mapping).response().toCompletableFuture().join();
    }

    /** The broker's response as the tenant sees it. */
    @SuppressWarnings("unchecked")
    static <T extends ApiMessage> T response(Mapping.Forward forward, ApiMessage brokerResponse, int version) {
        return (T) forward.response().map(brokerResponse, (short) version);
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
