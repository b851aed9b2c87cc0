package io.streamgate.core.proxy;

import io.streamgate.core.protocol.NodeEndpointsProbe;
import org.apache.kafka.common.protocol.ApiKeys;

/** What the gateway must do with the response to a request, decided when the request passes. */
enum ResponseHandling {
    /** Forward the broker's bytes as they are. */
    PASSTHROUGH,
    /** Decode, narrow to the versions the gateway handles, re-encode. */
    NEGOTIATE_API_VERSIONS,
    /** Decode, rewrite broker addresses, re-encode. */
    REWRITE_ADDRESSES,
    /** Check without decoding for node endpoints; rewrite only if there are some. */
    PROBE_NODE_ENDPOINTS;

    static ResponseHandling of(ApiKeys apiKey, short version) {
        return switch (apiKey) {
            case API_VERSIONS -> NEGOTIATE_API_VERSIONS;
            case METADATA, FIND_COORDINATOR, DESCRIBE_CLUSTER -> REWRITE_ADDRESSES;
            default -> NodeEndpointsProbe.applies(apiKey, version) ? PROBE_NODE_ENDPOINTS : PASSTHROUGH;
        };
    }
}
