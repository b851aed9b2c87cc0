package io.streamgate.bench.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.streamgate.core.protocol.DecodedRequest;
import io.streamgate.core.protocol.DecodedResponse;
import io.streamgate.core.protocol.KafkaMessageCodec;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What a Produce request or a Fetch response costs once an interceptor of the connection hooks its API: the frame is
 * decoded with kafka-clients' generated classes through {@link KafkaMessageCodec} and, after the hooks, encoded into
 * a new frame from Netty's default allocator (what the proxy does with {@code client.alloc()}).
 *
 * <p>Decoding keeps record sets as views of the frame (no copy, batches not parsed); encoding copies them into the new
 * frame. So the cost is the message structure plus one copy of the records; what an interceptor then does with the
 * records (iterating, decompressing) is not measured here.
 *
 * <ul>
 *   <li>{@code PRODUCE_1x100x1KiB}: Produce v13, one partition, one batch of 100 records of 1 KiB (~100 KiB);</li>
 *   <li>{@code PRODUCE_6x16KiB}: Produce v13, six partitions with one 16 KiB batch each (~100 KiB);</li>
 *   <li>{@code FETCH_6x64KiB}: Fetch response v18, six partitions with four 16 KiB batches each (~390 KiB).</li>
 * </ul>
 *
 * <p>{@code gc.alloc.rate.norm} counts heap only: the pooled direct memory of the encoded frame is not in it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ProduceFetchCodecBenchmark {

    private static final int CORRELATION_ID = 7;

    @Param({"PRODUCE_1x100x1KiB", "PRODUCE_6x16KiB", "FETCH_6x64KiB"})
    public String message;

    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    private ByteBuf frame;
    private boolean request;
    private ApiKeys apiKey;
    private short version;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        switch (message) {
            case "PRODUCE_1x100x1KiB" -> produce(RealisticMessages.produceRequest(1, 1, 100, 1024, (short) -1, random));
            case "PRODUCE_6x16KiB" -> produce(RealisticMessages.produceRequest(6, 1, 16, 1000, (short) -1, random));
            case "FETCH_6x64KiB" -> {
                request = false;
                apiKey = ApiKeys.FETCH;
                version = RealisticMessages.FETCH_VERSION;
                frame = RealisticMessages.responseFrame(apiKey,
                        RealisticMessages.fetchResponse(1, 6, 4, 16, 1000, random), version, CORRELATION_ID);
            }
            default -> throw new IllegalArgumentException(message);
        }
        int encoded = decodeAndEncode();
        if (encoded != frame.readableBytes()) {
            throw new IllegalStateException("re-encoded " + encoded + " bytes from a frame of " + frame.readableBytes());
        }
    }

    private void produce(ApiMessage body) {
        request = true;
        apiKey = ApiKeys.PRODUCE;
        version = RealisticMessages.PRODUCE_VERSION;
        frame = RealisticMessages.requestFrame(body, version, CORRELATION_ID);
    }

    @TearDown
    public void tearDown() {
        frame.release();
    }

    @Benchmark
    public ApiMessage decode() {
        return request
                ? KafkaMessageCodec.decodeRequest(frame, apiKey, version).body()
                : KafkaMessageCodec.decodeResponse(frame, apiKey, version).body();
    }

    @Benchmark
    public int decodeAndEncode() {
        ByteBuf encoded;
        if (request) {
            DecodedRequest decoded = KafkaMessageCodec.decodeRequest(frame, apiKey, version);
            encoded = KafkaMessageCodec.encodeRequest(allocator, decoded.header(), decoded.body());
        } else {
            DecodedResponse decoded = KafkaMessageCodec.decodeResponse(frame, apiKey, version);
            encoded = KafkaMessageCodec.encodeResponse(allocator, apiKey, version, decoded.correlationId(),
                    decoded.body());
        }
        int bytes = encoded.readableBytes();
        encoded.release();
        return bytes;
    }
}
