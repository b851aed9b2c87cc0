package io.streamgate.it;

import io.streamgate.core.protocol.GatewayApiSupport;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** What clients are told about API versions, checked on the wire. */
class ApiVersionsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void offersOnlyWhatBothTheBrokerAndTheGatewayHandle() throws Exception {
        short version = ApiKeys.API_VERSIONS.latestVersion();
        ApiVersionsResponseData response = apiVersions(version, version);

        assertThat(response.errorCode()).isZero();
        assertThat(response.apiKeys()).isNotEmpty().allSatisfy(api -> {
            GatewayApiSupport.VersionRange ours = GatewayApiSupport.range(api.apiKey()).orElseThrow();
            if (api.apiKey() != ApiKeys.SASL_HANDSHAKE.id) {
                assertThat(api.minVersion()).isGreaterThanOrEqualTo(ours.min());
            }
            assertThat(api.maxVersion()).isLessThanOrEqualTo(ours.max());
        });
        assertThat(response.apiKeys().find(ApiKeys.WRITE_TXN_MARKERS.id)).as("inter-broker API").isNull();
        // v0 stays listed, as librdkafka needs to see it to use SASL at all; a v0 request is still refused.
        assertThat(response.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id).minVersion()).isZero();
        assertThat(response.apiKeys().find(ApiKeys.PRODUCE.id)).isNotNull();
        assertThat(response.finalizedFeatures()).as("the broker's features pass through").isNotEmpty();
    }

    @Test
    void answersAVersionFromTheFutureWithUnsupportedVersionAtVersionZero() throws Exception {
        ApiVersionsResponseData response = apiVersions((short) 99, (short) 0);

        assertThat(response.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
        assertThat(response.apiKeys().find(ApiKeys.API_VERSIONS.id).maxVersion())
                .isEqualTo(ApiKeys.API_VERSIONS.latestVersion());
    }

    @Test
    void servesOldClientsThatAskWithVersionZero() throws Exception {
        ApiVersionsResponseData response = apiVersions((short) 0, (short) 0);

        assertThat(response.errorCode()).isZero();
        assertThat(response.apiKeys().find(ApiKeys.METADATA.id)).isNotNull();
    }

    private static ApiVersionsResponseData apiVersions(short requestVersion, short responseVersion) throws Exception {
        try (RawConnection connection = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            ApiVersionsRequestData request = new ApiVersionsRequestData().setClientSoftwareName("raw-test")
                    .setClientSoftwareVersion("1.0");
            if (requestVersion > ApiKeys.API_VERSIONS.latestVersion()) {
                // A future version: encode as the latest, then claim the higher version in the header.
                connection.send(patchVersion(request, requestVersion));
            } else {
                connection.send(request, requestVersion, 11);
            }
            ByteBuffer body = connection.receive();
            ByteBufferAccessor accessor = new ByteBufferAccessor(body);
            ResponseHeaderData header = new ResponseHeaderData(accessor, (short) 0);
            assertThat(header.correlationId()).isEqualTo(11);
            return new ApiVersionsResponseData(accessor, responseVersion);
        }
    }

    private static byte[] patchVersion(ApiVersionsRequestData request, short version) {
        io.netty.buffer.ByteBuf frame = io.streamgate.core.protocol.KafkaMessageCodec.encodeRequest(
                io.netty.buffer.UnpooledByteBufAllocator.DEFAULT,
                new org.apache.kafka.common.message.RequestHeaderData().setRequestApiKey(ApiKeys.API_VERSIONS.id)
                        .setRequestApiVersion(ApiKeys.API_VERSIONS.latestVersion()).setCorrelationId(11)
                        .setClientId("raw-test"), request);
        frame.setShort(6, version);
        byte[] bytes = new byte[frame.readableBytes()];
        frame.readBytes(bytes);
        frame.release();
        return bytes;
    }
}
