package io.streamgate.plugins.policy.schemaid;

import java.nio.ByteBuffer;

/**
 * The schema registry wire format of a record value: the magic byte 0, then the schema id as a 4-byte big-endian
 * integer, then the serialized data. Confluent's, Apicurio's (in its Confluent-compatible mode) and Karapace's
 * serializers all write it.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Whether {@code value} starts with the wire-format header; reads it in place (absolute gets), copies nothing. */
    static boolean hasSchemaId(ByteBuffer value) {
        return value.remaining() >= HEADER_SIZE && value.get(value.position()) == MAGIC_BYTE;
    }
}
