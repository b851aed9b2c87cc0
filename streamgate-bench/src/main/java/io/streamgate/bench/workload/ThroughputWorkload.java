package io.streamgate.bench.workload;

import io.streamgate.bench.harness.ProcessWatch;
import io.streamgate.bench.harness.Target;
import io.streamgate.bench.harness.TargetRole;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Produce throughput, unthrottled, then consume throughput of the topic just filled. One run: a fresh topic, a
 * warm-up of 5 % of the records (untimed: connections, metadata, JIT), then the timed send of all records, then
 * {@value #CONSUME_PASSES} fresh consumers one after the other, each reading every record from the beginning
 * (reading is several times faster than writing: one pass alone would be over too soon to time well). The
 * gateway's and brokers' CPU and memory are watched separately for the timed send and for the reads. Between the
 * two, the records sent are counted on Kafka, under the topic's physical name; each consumer reads that many.
 */
public final class ThroughputWorkload implements Workload {

    static final int CONSUME_PASSES = 3;

    private final String name;
    private final ResultEntry produce;
    private final ResultEntry consume;
    private final RecordValues values;
    private final int records;
    private final List<TargetRole> roles;
    private final Consumer<ConsumerRecord<byte[], byte[]>> chainCheck;

    /**
     * @param roles the targets, the direct one first
     * @param chainCheck checks the first record read through the chain gateway
     */
    ThroughputWorkload(String name, ResultEntry produce, ResultEntry consume, RecordValues values, int records,
                       List<TargetRole> roles, Consumer<ConsumerRecord<byte[], byte[]>> chainCheck) {
        this.name = name;
        this.produce = produce;
        this.consume = consume;
        this.values = values;
        this.records = records;
        this.roles = List.copyOf(roles);
        this.chainCheck = chainCheck;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ResultEntry> entries() {
        return List.of(produce, consume);
    }

    @Override
    public List<TargetRole> roles() {
        return roles;
    }

    @Override
    public RunFigures run(RunContext context) throws Exception {
        Target target = context.target();
        String topic = context.createTopic(name);
        try {
            int warmup = Math.max(1, records / 20);
            Map<String, Double> produced = new LinkedHashMap<>();
            try (ThroughputProducer producer = new ThroughputProducer(target.bootstrapServers(), topic, values)) {
                producer.send(warmup);
                ProcessWatch watch = target.watch();
                ThroughputProducer.ProduceOutcome outcome = producer.send(records);
                produced.putAll(outcome.figures());
                produced.putAll(watch.finish(outcome.bytes()));
            }
            checkLanded(context, topic, warmup + records);
            ProcessWatch watch = target.watch();
            Consumer<ConsumerRecord<byte[], byte[]>> check = target.role() == TargetRole.CHAIN ? chainCheck : r -> { };
            ThroughputConsumer.ConsumeOutcome outcome = null;
            for (int pass = 0; pass < CONSUME_PASSES; pass++) {
                ThroughputConsumer.ConsumeOutcome read = ThroughputConsumer.consume(target.bootstrapServers(), topic,
                        BenchTopics.PARTITIONS, warmup + records, check);
                outcome = outcome == null ? read : outcome.plus(read);
            }
            Map<String, Double> consumed = new LinkedHashMap<>(outcome.figures());
            consumed.putAll(watch.finish(outcome.totalBytes()));
            return RunFigures.of(produce.name(), produced, consume.name(), consumed);
        } finally {
            context.deleteTopic(topic);
        }
    }

    /**
     * Every record sent must be on Kafka, under the name Kafka knows the topic by for this target. Through a
     * virtual cluster this is what proves the mapping: a gateway that forwarded the logical name unmapped would have
     * the broker auto-create that topic, and the consumers would read the records back from there all the same.
     */
    private static void checkLanded(RunContext context, String topic, long sent) throws Exception {
        long landed = context.recordsOnKafka(topic);
        if (landed != sent) {
            throw new IllegalStateException(sent + " records were produced to " + topic + " through "
                    + context.target().role().label() + ", but Kafka's " + context.target().physicalName(topic)
                    + " holds " + landed);
        }
    }
}
