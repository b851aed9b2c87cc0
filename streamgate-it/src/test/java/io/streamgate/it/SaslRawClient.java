package io.streamgate.it;

import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** SASL by hand over a {@link RawConnection}, to test what the Java client never sends. */
final class SaslRawClient {

    private final RawConnection connection;
    private int correlationId;

    SaslRawClient(RawConnection connection) {
        this.connection = connection;
    }

    SaslHandshakeResponseData handshake(String mechanism) throws IOException {
        return (SaslHandshakeResponseData) exchange(new SaslHandshakeRequestData().setMechanism(mechanism), (short) 1);
    }

    SaslAuthenticateResponseData authenticate(byte[] message) throws IOException {
        return authenticate(message, (short) 2);
    }

    SaslAuthenticateResponseData authenticate(byte[] message, short version) throws IOException {
        return (SaslAuthenticateResponseData) exchange(new SaslAuthenticateRequestData().setAuthBytes(message),
                version);
    }

    /** A PLAIN handshake and message; returns the SaslAuthenticate response. */
    SaslAuthenticateResponseData plain(String user, String password) throws IOException {
        handshake("PLAIN");
        return authenticate(plainMessage(user, password));
    }

    static byte[] plainMessage(String user, String password) {
        return ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends {@code request} and reads its response. */
    ApiMessage exchange(ApiMessage request, short version) throws IOException {
        int sent = correlationId++;
        connection.send(request, version, sent);
        return read(ApiKeys.forId(request.apiKey()), version, sent);
    }

    private ApiMessage read(ApiKeys apiKey, short version, int expectedCorrelationId) throws IOException {
        ByteBuffer frame = connection.receive();
        ByteBufferAccessor accessor = new ByteBufferAccessor(frame);
        ResponseHeaderData header = new ResponseHeaderData(accessor, apiKey.responseHeaderVersion(version));
        if (header.correlationId() != expectedCorrelationId) {
            throw new IOException("correlation id " + header.correlationId() + ", expected " + expectedCorrelationId);
        }
        ApiMessage body = apiKey.messageType.newResponse();
        body.read(accessor, version);
        return body;
    }
}
