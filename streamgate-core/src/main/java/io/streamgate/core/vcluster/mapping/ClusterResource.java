package io.streamgate.core.vcluster.mapping;

/** The one cluster resource of a virtual cluster, as ACLs name it. */
final class ClusterResource {

    /** Kafka's name for the cluster resource. */
    static final String NAME = "kafka-cluster";

    private ClusterResource() {
    }
}
