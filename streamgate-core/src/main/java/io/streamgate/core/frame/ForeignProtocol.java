package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Recognises the first bytes of protocols that clients commonly send to a Kafka port by mistake, so that
 * the log says "TLS handshake on a plaintext port" rather than "frame of 369295616 bytes".
 */
final class ForeignProtocol {

    private static final byte TLS_HANDSHAKE_RECORD = 0x16;
    private static final byte TLS_MAJOR_VERSION = 0x03;
    private static final String[] HTTP_METHODS = {"GET ", "POST", "PUT ", "HEAD", "DELE", "OPTI", "PATC", "PRI "};

    private ForeignProtocol() {
    }

    /** A description of the foreign protocol that {@code in} starts with, or null if it may be Kafka. */
    static String recognise(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() >= 3 && in.getByte(start) == TLS_HANDSHAKE_RECORD
                && in.getByte(start + 1) == TLS_MAJOR_VERSION && in.getByte(start + 2) <= 0x04) {
            return "TLS handshake (ClientHello) received on a plaintext Kafka port: the client uses SSL/SASL_SSL "
                    + "but this listener is PLAINTEXT";
        }
        if (in.readableBytes() >= 4) {
            String first = in.toString(start, 4, StandardCharsets.US_ASCII);
            for (String method : HTTP_METHODS) {
                if (method.equals(first)) {
                    return "HTTP request received on a Kafka port (did you mean the admin port?)";
                }
            }
        }
        return null;
    }
}
