package io.streamgate.bench.workload;

import java.time.Duration;

/**
 * How much each workload does in one run: record counts of the throughput workloads, rate and duration of the
 * latency workloads. {@link #quick()} keeps a whole run near 4 minutes on a 2-core machine, {@link #standard()}
 * under 15.
 *
 * @param warmupRecords records (1 KiB JSON) produced and consumed once through every target before the first round,
 *        unrecorded: they warm the JIT of every JVM and the brokers' and gateways' heaps. A gateway that decodes
 *        Produce requests sees one per ~400 records: 60,000 left its decoding interpreted well into the rounds
 * @param warmupLatency how long the latency probe runs through the plain gateway and directly before the first round,
 *        unrecorded: a steady stream of small requests warms other paths than bulk throughput does
 * @param records1KiB records of the throughput workload (1 KiB each)
 * @param records100B records of the small-records workload
 * @param records100KiB records of the large-records workload
 * @param chainRecords records (1 KiB JSON) of the interceptor-chain workload
 * @param latencyRate records per second of the latency workload: a moderate, steady load
 * @param latencyDuration how long it sends, warm-up included
 * @param latencyWarmup the first part of it, not recorded
 * @param idleConnections connections held open by the idle-connections workload
 * @param idleLoadRate records per second of its light load
 * @param idleDuration how long its light load runs, warm-up included
 */
public record WorkloadSizes(
        int warmupRecords,
        Duration warmupLatency,
        int records1KiB,
        int records100B,
        int records100KiB,
        int chainRecords,
        int latencyRate,
        Duration latencyDuration,
        Duration latencyWarmup,
        int idleConnections,
        int idleLoadRate,
        Duration idleDuration) {

    /** For routine use: {@code --quick}. */
    public static WorkloadSizes quick() {
        return new WorkloadSizes(300_000, Duration.ofSeconds(10), 100_000, 400_000, 1_000, 50_000,
                1_000, Duration.ofSeconds(6), Duration.ofSeconds(1),
                1_000, 200, Duration.ofSeconds(5));
    }

    /** The default run. */
    public static WorkloadSizes standard() {
        return new WorkloadSizes(1_000_000, Duration.ofSeconds(12), 400_000, 1_500_000, 4_000, 150_000,
                1_000, Duration.ofSeconds(15), Duration.ofSeconds(3),
                1_000, 200, Duration.ofSeconds(10));
    }

    /**
     * These sizes times {@code factor}, for a tiny run that only proves the harness works: counts and durations
     * shrink, rates and the number of idle connections stay (floors keep every figure measurable).
     */
    public WorkloadSizes scaled(double factor) {
        return new WorkloadSizes(scale(warmupRecords, factor, 1_000), scale(warmupLatency, factor, Duration.ofSeconds(1)),
                scale(records1KiB, factor, 2_000), scale(records100B, factor, 2_000), scale(records100KiB, factor, 50),
                scale(chainRecords, factor, 2_000), latencyRate, scale(latencyDuration, factor, Duration.ofSeconds(2)),
                scale(latencyWarmup, factor, Duration.ofMillis(200)), idleConnections, idleLoadRate,
                scale(idleDuration, factor, Duration.ofSeconds(2)));
    }

    private static int scale(int count, double factor, int floor) {
        return Math.max(floor, (int) Math.round(count * factor));
    }

    private static Duration scale(Duration duration, double factor, Duration floor) {
        Duration scaled = Duration.ofMillis(Math.round(duration.toMillis() * factor));
        return scaled.compareTo(floor) < 0 ? floor : scaled;
    }
}
