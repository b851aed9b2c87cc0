package io.streamgate.core.protocol;

import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersionCollection;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

import java.util.Optional;

/**
 * What a client is told in ApiVersions: for each API, the intersection of the broker's range and the
 * gateway's ({@link GatewayApiSupport}). APIs either side lacks are left out.
 */
public final class ApiVersionsNegotiation {

    private ApiVersionsNegotiation() {
    }

    /**
     * The highest Fetch version offered when Fetch responses are streamed: from v16 a Fetch response may carry broker
     * addresses (KIP-951 node endpoints) at its very end, after the records, so it could only be forwarded once whole
     * and checked. Up to v15 it carries none, and a consumer that learns of a new leader through an error refreshes
     * its metadata, which the gateway rewrites.
     */
    public static final short STREAMED_FETCH_MAX_VERSION = 15;

    /**
     * Narrows the broker's ApiVersions response, in place, to what the gateway handles too.
     *
     * @param streamFetchResponses whether to offer Fetch up to {@link #STREAMED_FETCH_MAX_VERSION} only
     */
    public static ApiVersionsResponseData intersect(ApiVersionsResponseData brokerResponse,
                                                    boolean streamFetchResponses) {
        ApiVersionCollection offered = new ApiVersionCollection();
        for (ApiVersion broker : brokerResponse.apiKeys()) {
            Optional<GatewayApiSupport.VersionRange> ours = GatewayApiSupport.range(broker.apiKey());
            if (ours.isEmpty()) {
                continue;
            }
            short min = (short) Math.max(broker.minVersion(), ours.get().min());
            short max = (short) Math.min(broker.maxVersion(), ours.get().max());
            if (streamFetchResponses && broker.apiKey() == ApiKeys.FETCH.id) {
                max = (short) Math.min(max, STREAMED_FETCH_MAX_VERSION);
            }
            if (broker.apiKey() == ApiKeys.SASL_HANDSHAKE.id && min <= max) {
                // librdkafka turns SASL on only if SaslHandshake v0 is listed (then sends v1 with SaslAuthenticate);
                // the range keeps the broker's v0 for it, and a v0 request is still refused as unsupported.
                min = broker.minVersion();
            }
            if (min <= max) {
                offered.add(new ApiVersion().setApiKey(broker.apiKey()).setMinVersion(min).setMaxVersion(max));
            }
        }
        return brokerResponse.setApiKeys(offered);
    }

    /**
     * The answer to an ApiVersions request whose version the gateway does not know: UNSUPPORTED_VERSION with
     * the ApiVersions range, to be encoded at version 0, as a broker does, so the client retries lower.
     */
    public static ApiVersionsResponseData unsupportedVersion() {
        GatewayApiSupport.VersionRange range = GatewayApiSupport.all().get(ApiKeys.API_VERSIONS);
        ApiVersionCollection keys = new ApiVersionCollection();
        keys.add(new ApiVersion().setApiKey(ApiKeys.API_VERSIONS.id)
                .setMinVersion(range.min()).setMaxVersion(range.max()));
        return new ApiVersionsResponseData().setErrorCode(Errors.UNSUPPORTED_VERSION.code()).setApiKeys(keys);
    }
}
