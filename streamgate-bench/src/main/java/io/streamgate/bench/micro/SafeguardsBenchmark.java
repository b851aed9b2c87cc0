package io.streamgate.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.netty.buffer.ByteBuf;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.Scope;
import io.streamgate.bench.harness.SafeguardsSeed;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.core.frame.ResponseFrames;
import io.streamgate.core.proxy.ProxyConnection;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * What the five most common safeguard policies cost the gateway per Produce request, with the rules the end-to-end
 * benchmark's {@code safeguards} gateway runs ({@link SafeguardsSeed}), against a chain without interceptor.
 *
 * <p>The request is what the end-to-end benchmark's producer sends: Produce v13 by topic id, {@code acks=-1}, six
 * partitions with one idempotent batch of 64 records of 1 KiB each (about 400 KiB), from a client whose id follows
 * the client-id rule; it breaks no rule. Through the real {@link ProxyConnection} (see {@link EmbeddedProxy}), a full
 * exchange: the request to the broker and the broker's response back. With the policies, the request is decoded and
 * checked (the produce policy's hook; the client-id policy decided once, on the connection's first request), then
 * sent as the client's bytes; the response is not decoded. The topic's name is learnt first from a Metadata exchange,
 * as a client's first requests teach it to the gateway.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class SafeguardsBenchmark {

    private static final int CLIENT_CORRELATION_ID = 7;
    private static final String CLIENT_ID = "bench-producer";
    private static final int PARTITIONS = 6;
    private static final int RECORDS_PER_BATCH = 64;
    private static final int VALUE_BYTES = 1024;

    /** {@code none}: no interceptor; {@code safeguards}: the five policies. */
    @Param({"none", "safeguards"})
    public String chain;

    private EmbeddedProxy proxy;
    private ByteBuf produce;
    private ByteBuf produceResponse;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        ProduceRequestData request = produceRequest(random);
        Uuid topicId = request.topicData().iterator().next().topicId();
        proxy = new EmbeddedProxy(allPlugins(), chain.equals("safeguards") ? safeguards() : List.of());
        learnTopicName(topicId, random);
        produce = RealisticMessages.requestFrame(request, RealisticMessages.PRODUCE_VERSION, CLIENT_CORRELATION_ID,
                CLIENT_ID);
        produceResponse = RealisticMessages.responseFrame(ApiKeys.PRODUCE, RealisticMessages.produceResponse(request),
                RealisticMessages.PRODUCE_VERSION, 0);
        if (produceRoundTrip() != CLIENT_CORRELATION_ID) {
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

    private void learnTopicName(Uuid topicId, Random random) {
        MetadataResponseData metadata = RealisticMessages.metadataResponse(1, 0, 0, random);
        MetadataResponseData.MetadataResponseTopic topic = new MetadataResponseData.MetadataResponseTopic()
                .setName("orders").setTopicId(topicId).setTopicAuthorizedOperations(Integer.MIN_VALUE);
        for (int p = 0; p < PARTITIONS; p++) {
            topic.partitions().add(new MetadataResponseData.MetadataResponsePartition().setPartitionIndex(p)
                    .setLeaderId(1).setReplicaNodes(List.of(1)).setIsrNodes(List.of(1)).setOfflineReplicas(List.of()));
        }
        metadata.topics().add(topic);
        ByteBuf request = RealisticMessages.requestFrame(RealisticMessages.allTopicsMetadataRequest(),
                RealisticMessages.METADATA_VERSION, 1, CLIENT_ID);
        ByteBuf response = RealisticMessages.responseFrame(ApiKeys.METADATA, metadata,
                RealisticMessages.METADATA_VERSION, 0);
        try {
            proxy.roundTrip(request, response).release();
        } finally {
            request.release();
            response.release();
        }
    }

    private static ProduceRequestData produceRequest(Random random) {
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData()
                .setName("orders").setTopicId(new Uuid(random.nextLong(), random.nextLong()));
        for (int p = 0; p < PARTITIONS; p++) {
            SimpleRecord[] records = new SimpleRecord[RECORDS_PER_BATCH];
            for (int r = 0; r < records.length; r++) {
                byte[] value = new byte[VALUE_BYTES];
                random.nextBytes(value);
                records[r] = new SimpleRecord(1_764_000_000_000L + r, null, value);
            }
            topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(p)
                    .setRecords(MemoryRecords.withIdempotentRecords(Compression.NONE, 4242L, (short) 0, p * 1000,
                            records)));
        }
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(30_000);
        request.topicData().add(topic);
        return request;
    }

    private static PluginCatalog allPlugins() {
        List<InterceptorPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(InterceptorPlugin.class).forEach(plugins::add);
        return PluginCatalog.of(plugins.toArray(InterceptorPlugin[]::new));
    }

    /** The interceptors of {@link SafeguardsSeed}'s resource files. */
    private static List<InterceptorDefinition> safeguards() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<InterceptorDefinition> definitions = new ArrayList<>();
        for (String file : SafeguardsSeed.files().values()) {
            try {
                JsonNode resource = yaml.readTree(file);
                JsonNode spec = resource.get("spec");
                @SuppressWarnings("unchecked")
                Map<String, Object> config = yaml.convertValue(spec.get("config"), Map.class);
                definitions.add(new InterceptorDefinition(resource.at("/metadata/name").asText(),
                        spec.get("plugin").asText(), spec.get("priority").asInt(), Scope.GLOBAL, config, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return definitions;
    }
}
