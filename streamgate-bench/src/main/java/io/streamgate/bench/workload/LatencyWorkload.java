package io.streamgate.bench.workload;

import io.streamgate.bench.harness.ProcessWatch;
import io.streamgate.bench.harness.Target;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end latency of 1 KiB records at a fixed moderate rate (see {@link LatencyProbe}); compared with direct
 * Kafka, the gateway's added latency.
 */
public final class LatencyWorkload implements Workload {

    static final int VALUE_SIZE = 1024;

    private final ResultEntry entry;
    private final int rate;
    private final Duration duration;
    private final Duration warmup;

    LatencyWorkload(int rate, Duration duration, Duration warmup) {
        this.entry = ResultEntry.latency("latency", "End-to-end latency (producer send to consumer poll) of 1 KiB "
                + "records at " + rate + " records/s for " + duration.toSeconds() + " s, the first "
                + warmup.toMillis() + " ms not recorded; acks=all, linger.ms=0");
        this.rate = rate;
        this.duration = duration;
        this.warmup = warmup;
    }

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public List<ResultEntry> entries() {
        return List.of(entry);
    }

    @Override
    public RunFigures run(RunContext context) throws Exception {
        Target target = context.target();
        String topic = context.createTopic(name());
        try {
            ProcessWatch watch = target.watch();
            LatencyProbe.LatencyOutcome outcome = LatencyProbe.run(target.bootstrapServers(), topic,
                    BenchTopics.PARTITIONS, rate, duration, warmup, VALUE_SIZE);
            Map<String, Double> figures = new LinkedHashMap<>(outcome.figures());
            figures.putAll(watch.finish(outcome.bytes()));
            return RunFigures.of(entry.name(), figures);
        } finally {
            context.deleteTopic(topic);
        }
    }
}
