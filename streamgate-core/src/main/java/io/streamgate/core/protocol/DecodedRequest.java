package io.streamgate.core.protocol;

import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * A request decoded with kafka-clients' generated classes. The body may share memory with the frame it was
 * decoded from (records, byte fields), so that frame must stay alive while the body is used.
 *
 * @param header the request header, mutable
 * @param body the request body, mutable
 */
public record DecodedRequest(RequestHeaderData header, ApiMessage body) {
}
