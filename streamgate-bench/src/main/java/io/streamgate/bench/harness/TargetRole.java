package io.streamgate.bench.harness;

/** What a workload's clients connect to in one run. */
public enum TargetRole {
    /** Kafka itself: the baseline. */
    DIRECT("direct"),
    /** The gateway with no interceptor: passthrough. */
    GATEWAY("gateway"),
    /** A second gateway running the chain of five built-in interceptors. */
    CHAIN("chain"),
    /**
     * A third gateway whose default listener lands every connection in a virtual cluster, so that it decodes every
     * request to map names (see {@link VirtualClusterSeed}).
     */
    VIRTUAL_CLUSTER("vcluster"),
    /** A fourth gateway running the five most common safeguard policies (see {@link SafeguardsSeed}). */
    SAFEGUARDS("safeguards");

    private final String label;

    TargetRole(String label) {
        this.label = label;
    }

    /** The name used in progress lines and the report. */
    public String label() {
        return label;
    }
}
