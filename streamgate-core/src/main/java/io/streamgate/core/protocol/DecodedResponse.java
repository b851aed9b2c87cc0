package io.streamgate.core.protocol;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * A response decoded with kafka-clients' generated classes. The body may share memory with the frame it
 * was decoded from (records, byte fields), so that frame must stay alive while the body is used.
 *
 * @param apiKey the API of the request this answers
 * @param apiVersion the version of the request, which is the version of the response
 * @param correlationId the correlation id from the response header
 * @param body the response body, mutable
 */
public record DecodedResponse(ApiKeys apiKey, short apiVersion, int correlationId, ApiMessage body) {
}
