package io.streamgate.bench.workload;

import io.streamgate.bench.harness.TargetRole;

import java.util.List;

/**
 * Something measured the same way directly against Kafka and through the gateway. The harness runs it once per
 * target and round, alternating the order of targets from round to round, each run on fresh topics.
 */
public interface Workload {

    /** The name that {@code --workloads} selects it by. */
    String name();

    /** The entries of {@code results.json} that each run reports figures for. */
    List<ResultEntry> entries();

    /** The targets it runs against, the baseline ({@link TargetRole#DIRECT}) first. */
    default List<TargetRole> roles() {
        return List.of(TargetRole.DIRECT, TargetRole.GATEWAY);
    }

    /** Runs once against {@code context.target()} and returns what it measured. */
    RunFigures run(RunContext context) throws Exception;
}
