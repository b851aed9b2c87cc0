package io.streamgate.bench.workload;

/**
 * The names of the figures that workloads report, as they appear in {@code results.json}. Process figures are
 * named by group: {@code gatewayCpuSecondsPerGb}, {@code gatewayPeakRssMiB}, {@code brokerCpuSecondsPerGb},
 * {@code brokerPeakRssMiB} (see {@link io.streamgate.bench.harness.ProcessWatch}).
 */
public final class Figures {

    /** Records per second. */
    public static final String RECORDS_PER_SEC = "recordsPerSec";
    /** Record data (keys and values) in 10^6 bytes per second. */
    public static final String MB_PER_SEC = "mbPerSec";
    /** End-to-end latency percentiles, from the producer's {@code send} to the consumer's {@code poll}. */
    public static final String P50_MS = "p50Ms";
    public static final String P99_MS = "p99Ms";
    public static final String P99_9_MS = "p99_9Ms";
    /** Records whose latency was measured (after the warm-up). */
    public static final String LATENCY_SAMPLES = "latencySamples";
    /** Connections held open, each having done one ApiVersions exchange. */
    public static final String IDLE_CONNECTIONS = "idleConnections";
    public static final String GATEWAY_CPU_SECONDS_PER_GB = "gatewayCpuSecondsPerGb";
    public static final String GATEWAY_PEAK_RSS_MIB = "gatewayPeakRssMiB";
    public static final String BROKER_CPU_SECONDS_PER_GB = "brokerCpuSecondsPerGb";
    public static final String BROKER_PEAK_RSS_MIB = "brokerPeakRssMiB";

    private Figures() {
    }
}
