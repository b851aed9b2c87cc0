package io.streamgate.bench.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.streamgate.core.address.BrokerAddressRewriter;
import io.streamgate.core.address.BrokerPortMapping;
import io.streamgate.core.address.ClusterTopology;
import io.streamgate.core.protocol.DecodedResponse;
import io.streamgate.core.protocol.KafkaMessageCodec;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
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

import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Address rewriting of a Metadata response (v13, the latest the gateway offers) from a cluster of 100 brokers with
 * 1,000 partitions (50 topics x 20, replication factor 3): every Metadata response is decoded, its brokers rewritten
 * to gateway addresses, and encoded again, and clients ask for metadata often (at start, every
 * {@code metadata.max.age.ms}, on every leader change), so this is the gateway's most frequent full decode.
 *
 * <ul>
 *   <li>{@code rewriteDecoded}: {@link BrokerAddressRewriter#rewrite} alone, on a decoded response. The same message
 *       is rewritten on every invocation; the rewriter's work does not depend on the hosts it finds (it learns each
 *       address, looks up each port and sets host and port), so every invocation does the same work.</li>
 *   <li>{@code decode}: decoding alone, to split the codec's share from the rewriter's.</li>
 *   <li>{@code decodeRewriteEncode}: the codec around it, as the proxy's response processing does it.</li>
 *   <li>{@code throughProxy}: the whole exchange through the real {@code ProxyConnection} (see
 *       {@link EmbeddedProxy}): the request forwarded, the response decoded, its topic ids learned, rewritten,
 *       encoded and sent to the client.</li>
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
public class MetadataRewriteBenchmark {

    private static final short VERSION = RealisticMessages.METADATA_VERSION;
    private static final int CORRELATION_ID = 7;

    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    private BrokerAddressRewriter rewriter;
    private ByteBuf response;
    /** The same bytes for the proxy, which moves the reader index and patches the correlation id of what it reads. */
    private ByteBuf proxiedResponse;
    private ByteBuf request;
    private MetadataResponseData decoded;
    private EmbeddedProxy proxy;

    @Setup
    public void setUp() {
        rewriter = new BrokerAddressRewriter("gateway.example.com", new ClusterTopology(),
                new SteadyBrokerPorts(new BrokerPortMapping(19_092, OptionalInt.empty(), 256)));
        MetadataResponseData metadata = RealisticMessages.metadataResponse(100, 50, 20, new Random(42));
        response = RealisticMessages.responseFrame(ApiKeys.METADATA, metadata, VERSION, CORRELATION_ID);
        proxiedResponse = RealisticMessages.responseFrame(ApiKeys.METADATA, metadata, VERSION, CORRELATION_ID);
        request = RealisticMessages.requestFrame(RealisticMessages.allTopicsMetadataRequest(), VERSION,
                CORRELATION_ID);
        decoded = (MetadataResponseData) KafkaMessageCodec.decodeResponse(response, ApiKeys.METADATA, VERSION)
                .body();
        proxy = new EmbeddedProxy(0);

        rewriteDecoded();
        checkRewritten(decoded);
        ByteBuf sent = proxy.roundTrip(request, proxiedResponse);
        try {
            checkRewritten((MetadataResponseData) KafkaMessageCodec.decodeResponse(sent, ApiKeys.METADATA, VERSION)
                    .body());
        } finally {
            sent.release();
        }
        if (decodeRewriteEncode() <= 0) {
            throw new IllegalStateException("nothing encoded");
        }
    }

    private static void checkRewritten(MetadataResponseData metadata) {
        if (metadata.brokers().size() != 100 || metadata.brokers().stream()
                .anyMatch(broker -> !broker.host().equals("gateway.example.com") || broker.port() < 19_092)) {
            throw new IllegalStateException("brokers not rewritten: " + metadata.brokers());
        }
    }

    @TearDown
    public void tearDown() {
        proxy.close();
        response.release();
        proxiedResponse.release();
        request.release();
    }

    @Benchmark
    public CompletionStage<Void> rewriteDecoded() {
        return rewriter.rewrite(decoded, VERSION);
    }

    @Benchmark
    public ApiMessage decode() {
        return KafkaMessageCodec.decodeResponse(response, ApiKeys.METADATA, VERSION).body();
    }

    @Benchmark
    public int decodeRewriteEncode() {
        DecodedResponse decodedResponse = KafkaMessageCodec.decodeResponse(response, ApiKeys.METADATA, VERSION);
        rewriter.rewrite(decodedResponse.body(), VERSION);
        ByteBuf encoded = KafkaMessageCodec.encodeResponse(allocator, ApiKeys.METADATA, VERSION,
                decodedResponse.correlationId(), decodedResponse.body());
        int bytes = encoded.readableBytes();
        encoded.release();
        return bytes;
    }

    @Benchmark
    public int throughProxy() {
        ByteBuf sent = proxy.roundTrip(request, proxiedResponse);
        int bytes = sent.readableBytes();
        sent.release();
        return bytes;
    }
}
