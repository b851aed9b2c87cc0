package io.streamgate.bench.micro;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.protocol.NodeEndpointsProbe;
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
 * The question the proxy asks of every Fetch response (v16+) it would otherwise forward undecoded: does it carry
 * node endpoints ({@link NodeEndpointsProbe#carriesEndpoints})? The probe steps over the response with the protocol
 * schemas to the top-level tagged fields at its end, skipping record sets by their length, so its cost should grow
 * with the number of partitions, not with the bytes, and it should allocate nothing. It runs on every passthrough
 * Fetch response, so it is part of the price of passthrough.
 *
 * <ul>
 *   <li>{@code 16x64KiB}: 1 MiB over 16 partitions (a consumer of a few busy partitions);</li>
 *   <li>{@code 1000x1KiB}: 10 topics x 100 partitions with one small batch each (a consumer of many quiet
 *       partitions), where stepping over partitions dominates.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class NodeEndpointsProbeBenchmark {

    @Param({"16x64KiB", "1000x1KiB"})
    public String fetch;

    private ByteBuf frame;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        frame = RealisticMessages.responseFrame(ApiKeys.FETCH, switch (fetch) {
            case "16x64KiB" -> RealisticMessages.fetchResponse(1, 16, 4, 16, 1000, random);
            case "1000x1KiB" -> RealisticMessages.fetchResponse(10, 100, 1, 1, 1000, random);
            default -> throw new IllegalArgumentException(fetch);
        }, RealisticMessages.FETCH_VERSION, 7);
        if (probeFetch()) {
            throw new IllegalStateException("the probe found node endpoints in a response without any");
        }
    }

    @TearDown
    public void tearDown() {
        frame.release();
    }

    @Benchmark
    public boolean probeFetch() {
        return NodeEndpointsProbe.carriesEndpoints(frame, ApiKeys.FETCH, RealisticMessages.FETCH_VERSION);
    }
}
