package io.streamgate.bench.workload;

import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.RequestHeader;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain TCP connections that each do what a Kafka client does first, one ApiVersions exchange (v3, in Kafka's
 * framing), and then stay open without a word, as the idle clients of a real deployment do. Opened one after the
 * other, each response read before the next connection opens.
 */
final class IdleConnections implements AutoCloseable {

    private static final short API_VERSIONS_VERSION = 3;

    private final List<SocketChannel> channels;

    private IdleConnections(List<SocketChannel> channels) {
        this.channels = channels;
    }

    /**
     * Opens {@code count} connections to {@code hostAndPort}.
     *
     * @throws IOException if a connection fails or an ApiVersions response carries an error; connections opened so
     *         far are closed
     */
    static IdleConnections open(String hostAndPort, int count) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
        List<SocketChannel> channels = new ArrayList<>(count);
        IdleConnections connections = new IdleConnections(channels);
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channels.add(channel);
                exchangeApiVersions(channel, i);
            }
            return connections;
        } catch (IOException | RuntimeException e) {
            connections.close();
            throw new IOException("opened " + channels.size() + " of " + count + " idle connections to " + hostAndPort
                    + ", then: " + e.getMessage(), e);
        }
    }

    int count() {
        return channels.size();
    }

    @Override
    public void close() {
        for (SocketChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a socket we only read from does not fail in a way that matters here
            }
        }
        channels.clear();
    }

    private static void exchangeApiVersions(SocketChannel channel, int correlationId) throws IOException {
        ApiVersionsRequestData data = new ApiVersionsRequestData()
                .setClientSoftwareName("streamgate-bench").setClientSoftwareVersion("1.0");
        ByteBuffer body = new ApiVersionsRequest.Builder(data, API_VERSIONS_VERSION, API_VERSIONS_VERSION)
                .build(API_VERSIONS_VERSION)
                .serializeWithHeader(new RequestHeader(ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, "bench-idle",
                        correlationId));
        ByteBuffer frame = ByteBuffer.allocate(4 + body.remaining()).putInt(body.remaining()).put(body).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
        ByteBuffer size = readFully(channel, 4);
        ByteBuffer response = readFully(channel, size.getInt());
        // ApiVersions responses always have header v0 (just the correlation id); the body starts with error_code.
        int answered = response.getInt();
        short error = response.getShort();
        if (answered != correlationId || error != Errors.NONE.code()) {
            throw new IOException("ApiVersions answered correlation id " + answered + " (sent " + correlationId
                    + ") with " + Errors.forCode(error));
        }
    }

    private static ByteBuffer readFully(SocketChannel channel, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the connection closed during the ApiVersions exchange");
            }
        }
        return buffer.flip();
    }
}
