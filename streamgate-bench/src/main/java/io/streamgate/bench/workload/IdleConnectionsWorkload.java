package io.streamgate.bench.workload;

import io.streamgate.bench.harness.ProcessWatch;
import io.streamgate.bench.harness.Target;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many idle client connections plus a light load: opens the connections (see {@link IdleConnections}), then runs
 * the end-to-end latency probe at a low rate while they stay open. Reports the latency and the servers' peak
 * memory over the whole run; directly, the broker holds the connections, through the gateway the gateway does.
 */
public final class IdleConnectionsWorkload implements Workload {

    private final ResultEntry entry;
    private final int connections;
    private final int rate;
    private final Duration duration;

    IdleConnectionsWorkload(int connections, int rate, Duration duration) {
        this.entry = ResultEntry.latency("idle-connections", connections + " idle connections (one ApiVersions "
                + "exchange each) held open while 1 KiB records go end to end at " + rate + " records/s for "
                + duration.toSeconds() + " s; peak RSS over the whole run");
        this.connections = connections;
        this.rate = rate;
        this.duration = duration;
    }

    @Override
    public String name() {
        return "idle-connections";
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
            Map<String, Double> figures = new LinkedHashMap<>();
            long bytes;
            try (IdleConnections idle = IdleConnections.open(target.firstAddress(), connections)) {
                Duration warmup = Duration.ofMillis(Math.min(1_000, duration.toMillis() / 5));
                LatencyProbe.LatencyOutcome outcome = LatencyProbe.run(target.bootstrapServers(), topic,
                        BenchTopics.PARTITIONS, rate, duration, warmup, LatencyWorkload.VALUE_SIZE);
                figures.putAll(outcome.figures());
                figures.put(Figures.IDLE_CONNECTIONS, (double) idle.count());
                bytes = outcome.bytes();
            }
            figures.putAll(watch.finish(bytes));
            return RunFigures.of(entry.name(), figures);
        } finally {
            context.deleteTopic(topic);
        }
    }
}
