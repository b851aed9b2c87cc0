package io.streamgate.bench.micro;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.streamgate.core.frame.KafkaFrameDecoder;
import org.apache.kafka.common.protocol.ApiKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The cost of forwarding a frame undecoded: {@link KafkaFrameDecoder} splitting the bytes read from a socket into
 * frames, each emitted as a retained slice (length prefix included) that the proxy writes on as is. This is the path
 * of almost every Produce request and Fetch response, so it should cost next to nothing whatever the frame size, and
 * allocate nothing but the slice.
 *
 * <p>The decoder runs in an {@link EmbeddedChannel}, the only way to drive a Netty decoder outside a socket, with a
 * sink after it that releases each frame. The bytes are handed to the pipeline the way a transport does
 * ({@code fireChannelRead} then {@code fireChannelReadComplete}), from a buffer of Netty's default allocator:
 *
 * <ul>
 *   <li>{@code *WholeRead}: the whole frame arrives in one read, the best case;</li>
 *   <li>{@code fetch1MiBIn64KiBReads}: a 1 MiB Fetch response arrives in 16 reads of 64 KiB (the largest read Netty's
 *       adaptive receive buffer makes), which is how a large response actually arrives. The decoder then has to
 *       gather the frame into one cumulation buffer before it can slice it, so this measures that copy. The reads are
 *       slices of one buffer, so the decoder cannot grow the first read's buffer in place as it would a real read
 *       buffer; that costs a copy of at most 256 KiB more than production.</li>
 * </ul>
 *
 * <p>{@code gc.alloc.rate.norm} counts heap only: the pooled direct memory of a cumulation buffer is not in it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class PassthroughFramingBenchmark {

    private static final int READ_BYTES = 64 * 1024;

    private ByteBuf produce16KiB;
    private ByteBuf fetch1MiB;
    private ByteBuf[] fetch1MiBReads;
    private FrameSink requestSink;
    private FrameSink responseSink;
    private EmbeddedChannel requests;
    private EmbeddedChannel responses;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        // 1 partition, 1 batch of 16 records of ~1 KiB: one full batch of a producer with the default batch.size.
        produce16KiB = RealisticMessages.requestFrame(
                RealisticMessages.produceRequest(1, 1, 16, 1000, (short) -1, random), RealisticMessages.PRODUCE_VERSION,
                7);
        // 16 partitions of 4 batches of 16 records of ~1 KiB: a consumer's full 1 MiB fetch.
        fetch1MiB = RealisticMessages.responseFrame(ApiKeys.FETCH,
                RealisticMessages.fetchResponse(1, 16, 4, 16, 1000, random), RealisticMessages.FETCH_VERSION, 7);
        int reads = (fetch1MiB.readableBytes() + READ_BYTES - 1) / READ_BYTES;
        fetch1MiBReads = new ByteBuf[reads];
        for (int i = 0; i < reads; i++) {
            int offset = i * READ_BYTES;
            fetch1MiBReads[i] = fetch1MiB.slice(offset, Math.min(READ_BYTES, fetch1MiB.readableBytes() - offset));
        }
        requestSink = new FrameSink();
        responseSink = new FrameSink();
        requests = new EmbeddedChannel(KafkaFrameDecoder.forRequests(100 * 1024 * 1024), requestSink);
        responses = new EmbeddedChannel(KafkaFrameDecoder.forResponses(), responseSink);
        check(produce16KiBWholeRead(), produce16KiB, requestSink);
        check(fetch1MiBWholeRead(), fetch1MiB, responseSink);
        check(fetch1MiBIn64KiBReads(), fetch1MiB, responseSink);
    }

    @TearDown
    public void tearDown() {
        requests.finishAndReleaseAll();
        responses.finishAndReleaseAll();
        produce16KiB.release();
        fetch1MiB.release();
    }

    @Benchmark
    public long produce16KiBWholeRead() {
        return read(requests.pipeline(), produce16KiB, requestSink);
    }

    @Benchmark
    public long fetch1MiBWholeRead() {
        return read(responses.pipeline(), fetch1MiB, responseSink);
    }

    @Benchmark
    public long fetch1MiBIn64KiBReads() {
        ChannelPipeline pipeline = responses.pipeline();
        for (ByteBuf read : fetch1MiBReads) {
            // A socket read hands over a buffer the decoder then owns: retain ours, rewind it, and let it go.
            pipeline.fireChannelRead(read.retain().readerIndex(0));
        }
        pipeline.fireChannelReadComplete();
        return responseSink.lastFrameBytes;
    }

    private static long read(ChannelPipeline pipeline, ByteBuf frame, FrameSink sink) {
        pipeline.fireChannelRead(frame.retain().readerIndex(0));
        pipeline.fireChannelReadComplete();
        return sink.lastFrameBytes;
    }

    private static void check(long emittedBytes, ByteBuf frame, FrameSink sink) {
        if (emittedBytes != frame.writerIndex() || sink.frames == 0) {
            throw new IllegalStateException("the decoder emitted " + emittedBytes + " bytes, expected a frame of "
                    + frame.writerIndex());
        }
        sink.lastFrameBytes = 0;
    }

    /** Stands for the proxy: takes each frame and releases it, as writing it on to the other side would. */
    static final class FrameSink extends ChannelInboundHandlerAdapter {
        long frames;
        long lastFrameBytes;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            frames++;
            lastFrameBytes = frame.readableBytes();
            frame.release();
        }
    }
}
