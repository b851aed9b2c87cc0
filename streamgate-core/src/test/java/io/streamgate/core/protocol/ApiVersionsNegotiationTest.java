package io.streamgate.core.protocol;

import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVersionsNegotiationTest {

    @Test
    void offersTheIntersectionOfBrokerAndGatewayRanges() {
        ApiVersionsResponseData broker = new ApiVersionsResponseData();
        broker.apiKeys().add(api(ApiKeys.PRODUCE.id, 0, 99));      // broker newer than the gateway
        broker.apiKeys().add(api(ApiKeys.FETCH.id, 4, 12));        // broker older than the gateway

        ApiVersionsResponseData offered = ApiVersionsNegotiation.intersect(broker, true);

        assertThat(offered.apiKeys().find(ApiKeys.PRODUCE.id).maxVersion()).isEqualTo(ApiKeys.PRODUCE.latestVersion());
        assertThat(offered.apiKeys().find(ApiKeys.PRODUCE.id).minVersion()).isEqualTo(ApiKeys.PRODUCE.oldestVersion());
        assertThat(offered.apiKeys().find(ApiKeys.FETCH.id).maxVersion()).isEqualTo((short) 12);
    }

    @Test
    void keepsSaslHandshakeVersionZeroListedForLibrdkafkaWhileRefusingIt() {
        ApiVersionsResponseData broker = new ApiVersionsResponseData();
        broker.apiKeys().add(api(ApiKeys.SASL_HANDSHAKE.id, 0, 1));

        ApiVersionsResponseData offered = ApiVersionsNegotiation.intersect(broker, true);

        assertThat(offered.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id).minVersion()).isZero();
        assertThat(offered.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id).maxVersion()).isEqualTo((short) 1);
        assertThat(GatewayApiSupport.supports(ApiKeys.SASL_HANDSHAKE.id, (short) 0)).isFalse();
    }

    @Test
    void removesApisTheGatewayDoesNotKnowOrDoesNotOffer() {
        ApiVersionsResponseData broker = new ApiVersionsResponseData();
        broker.apiKeys().add(api((short) 900, 0, 3));                      // unknown to kafka-clients
        broker.apiKeys().add(api(ApiKeys.WRITE_TXN_MARKERS.id, 0, 2));     // inter-broker
        broker.apiKeys().add(api(ApiKeys.METADATA.id, 0, 13));

        ApiVersionsResponseData offered = ApiVersionsNegotiation.intersect(broker, true);

        assertThat(offered.apiKeys()).extracting(ApiVersion::apiKey).containsExactly(ApiKeys.METADATA.id);
    }

    @Test
    void dropsAnApiWhoseRangesDoNotOverlap() {
        ApiVersionsResponseData broker = new ApiVersionsResponseData();
        broker.apiKeys().add(api(ApiKeys.SASL_HANDSHAKE.id, 0, 0));

        assertThat(ApiVersionsNegotiation.intersect(broker, true).apiKeys()).isEmpty();
    }

    @Test
    void keepsTheBrokersFeaturesAndThrottle() {
        ApiVersionsResponseData broker = new ApiVersionsResponseData().setThrottleTimeMs(7).setFinalizedFeaturesEpoch(3);
        broker.finalizedFeatures().add(new ApiVersionsResponseData.FinalizedFeatureKey().setName("share.version")
                .setMaxVersionLevel((short) 2).setMinVersionLevel((short) 2));

        ApiVersionsResponseData offered = ApiVersionsNegotiation.intersect(broker, true);

        assertThat(offered.throttleTimeMs()).isEqualTo(7);
        assertThat(offered.finalizedFeatures().find("share.version")).isNotNull();
    }

    @Test
    void offersFetchUpToV15WhenFetchResponsesAreStreamedAndUpToTheBrokersVersionOtherwise() {
        ApiVersionsResponseData streamed = new ApiVersionsResponseData();
        streamed.apiKeys().add(api(ApiKeys.FETCH.id, 4, 18));
        ApiVersionsResponseData whole = new ApiVersionsResponseData();
        whole.apiKeys().add(api(ApiKeys.FETCH.id, 4, 18));

        assertThat(ApiVersionsNegotiation.intersect(streamed, true).apiKeys().find(ApiKeys.FETCH.id).maxVersion())
                .isEqualTo((short) 15);
        assertThat(ApiVersionsNegotiation.intersect(whole, false).apiKeys().find(ApiKeys.FETCH.id).maxVersion())
                .isEqualTo((short) 18);
    }

    @Test
    void answersAnUnknownApiVersionsVersionWithTheRangeToRetryWith() {
        ApiVersionsResponseData answer = ApiVersionsNegotiation.unsupportedVersion();

        assertThat(answer.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
        assertThat(answer.apiKeys().find(ApiKeys.API_VERSIONS.id).maxVersion())
                .isEqualTo(ApiKeys.API_VERSIONS.latestVersion());
    }

    private static ApiVersion api(short apiKey, int min, int max) {
        return new ApiVersion().setApiKey(apiKey).setMinVersion((short) min).setMaxVersion((short) max);
    }
}
