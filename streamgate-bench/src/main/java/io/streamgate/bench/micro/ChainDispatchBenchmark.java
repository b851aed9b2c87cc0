package io.streamgate.bench.micro;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.ResponseFrames;
import io.streamgate.core.proxy.ProxyConnection;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
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
 * The cost of the interceptor chain itself: a Produce request through a connection whose chain holds 0, 1 or 5
 * interceptors, each with a Produce hook that forwards the request unchanged at once.
 *
 * <p>The request runs through the real {@link ProxyConnection} (see {@link EmbeddedProxy}): frame header peek,
 * version check, {@code acks} peek, chain lookup, and then either forwarding the bytes as they are (no interceptor
 * hooks Produce) or decoding the request, running the hook sequence (context per interceptor, outcome handling) and
 * encoding it again. The proxy's chain classes ({@code RequestInterception}, {@code HookSequence}) are
 * package-private, so there is no narrower real entry point from here; the proxy around them is the honest one. So:
 *
 * <ul>
 *   <li>0 to 1 interceptors is the price of selective decoding: decode and re-encode of the request plus one hook;
 *   </li>
 *   <li>1 to 5 is the dispatch overhead of four more hooks.</li>
 * </ul>
 *
 * <p>The request is small (one partition, one batch of 10 records of 100 bytes, ~1.3 KiB) so that the chain, not
 * the copying of records, dominates. {@code produceRoundTrip} is a full exchange with {@code acks=-1}: the request to
 * the broker and the broker's response (probed for node endpoints, forwarded undecoded) back to the client, with
 * metrics recorded as in production. {@code produceAcks0} is the request path alone ({@code acks=0}: no response).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ChainDispatchBenchmark {

    private static final int CLIENT_CORRELATION_ID = 7;

    @Param({"0", "1", "5"})
    public int interceptors;

    private EmbeddedProxy proxy;
    private ByteBuf produce;
    private ByteBuf produceAcks0;
    private ByteBuf produceResponse;

    @Setup
    public void setUp() {
        proxy = new EmbeddedProxy(interceptors);
        ProduceRequestData request = RealisticMessages.produceRequest(1, 1, 10, 100, (short) -1, new Random(42));
        produce = RealisticMessages.requestFrame(request, RealisticMessages.PRODUCE_VERSION, CLIENT_CORRELATION_ID);
        produceResponse = RealisticMessages.responseFrame(ApiKeys.PRODUCE, RealisticMessages.produceResponse(request),
                RealisticMessages.PRODUCE_VERSION, 0);
        produceAcks0 = RealisticMessages.requestFrame(request.duplicate().setAcks((short) 0),
                RealisticMessages.PRODUCE_VERSION, CLIENT_CORRELATION_ID);
        if (produceRoundTrip() != CLIENT_CORRELATION_ID || produceAcks0() <= 0) {
            throw new IllegalStateException("the proxy did not carry the exchange through");
        }
        if (proxy.clientReceives() != null || proxy.brokerReceives() != null) {
            throw new IllegalStateException("the proxy wrote more than one frame per exchange");
        }
    }

    @TearDown
    public void tearDown() {
        proxy.close();
        produce.release();
        produceAcks0.release();
        produceResponse.release();
    }

    /** Returns the correlation id the client got back, which must be the one it sent. */
    @Benchmark
    public int produceRoundTrip() {
        ByteBuf response = proxy.roundTrip(produce, produceResponse);
        int correlationId = ResponseFrames.correlationId(response);
        response.release();
        return correlationId;
    }

    @Benchmark
    public int produceAcks0() {
        proxy.clientSends(produceAcks0);
        ByteBuf forwarded = proxy.brokerReceives();
        int bytes = forwarded.readableBytes();
        forwarded.release();
        return bytes;
    }
}
