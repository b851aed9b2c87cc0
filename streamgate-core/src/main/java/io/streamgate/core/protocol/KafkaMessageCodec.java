package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

import java.nio.ByteBuffer;

/**
 * Decodes and encodes whole frames (length prefix included) with kafka-clients' generated message classes.
 * Used only for the frames someone needs to look into; everything else is forwarded undecoded.
 */
public final class KafkaMessageCodec {

    private static final int LENGTH_PREFIX_BYTES = 4;

    private KafkaMessageCodec() {
    }

    /** Decodes a response frame, given the api key and version of the request it answers. */
    public static DecodedResponse decodeResponse(ByteBuf frame, ApiKeys apiKey, short apiVersion) {
        ByteBufferAccessor accessor = new ByteBufferAccessor(body(frame));
        ResponseHeaderData header = new ResponseHeaderData(accessor, apiKey.responseHeaderVersion(apiVersion));
        ApiMessage body = apiKey.messageType.newResponse();
        body.read(accessor, apiVersion);
        return new DecodedResponse(apiKey, apiVersion, header.correlationId(), body);
    }

    /** Decodes a request frame whose API and version the gateway supports. */
    public static DecodedRequest decodeRequest(ByteBuf frame, ApiKeys apiKey, short apiVersion) {
        ByteBufferAccessor accessor = new ByteBufferAccessor(body(frame));
        RequestHeaderData header = new RequestHeaderData(accessor, apiKey.requestHeaderVersion(apiVersion));
        ApiMessage body = apiKey.messageType.newRequest();
        body.read(accessor, apiVersion);
        return new DecodedRequest(header, body);
    }

    /** Encodes a response into a new frame. */
    public static ByteBuf encodeResponse(ByteBufAllocator allocator, ApiKeys apiKey, short apiVersion,
                                         int correlationId, ApiMessage body) {
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        return encode(allocator, header, apiKey.responseHeaderVersion(apiVersion), body, apiVersion);
    }

    /** Encodes a request into a new frame. */
    public static ByteBuf encodeRequest(ByteBufAllocator allocator, RequestHeaderData header, ApiMessage body) {
        ApiKeys apiKey = ApiKeys.forId(header.requestApiKey());
        short version = header.requestApiVersion();
        return encode(allocator, header, apiKey.requestHeaderVersion(version), body, version);
    }

    private static ByteBuf encode(ByteBufAllocator allocator, Message header, short headerVersion,
                                  ApiMessage body, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = header.size(cache, headerVersion) + body.size(cache, version);
        ByteBuf frame = allocator.buffer(LENGTH_PREFIX_BYTES + size);
        try {
            frame.writeInt(size);
            ByteBufWritable writable = new ByteBufWritable(frame);
            header.write(writable, cache, headerVersion);
            body.write(writable, cache, version);
            return frame;
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }

    private static ByteBuffer body(ByteBuf frame) {
        return frame.nioBuffer(frame.readerIndex() + LENGTH_PREFIX_BYTES, frame.readableBytes() - LENGTH_PREFIX_BYTES);
    }
}
