package io.streamgate.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * One side of a comparison: where the clients connect, and the server processes to watch while they run.
 *
 * @param bootstrapServers the clients' {@code bootstrap.servers}
 * @param processes pids by group ({@code gateway}, {@code broker}), for {@link ProcessWatch}
 * @param topicPrefix what the names of this target's topics start with on Kafka: the virtual cluster's prefix for
 *        {@link TargetRole#VIRTUAL_CLUSTER}, else nothing
 */
public record Target(TargetRole role, String bootstrapServers, Map<String, List<Long>> processes,
                     String topicPrefix) {

    public Target {
        processes = Map.copyOf(processes);
    }

    /** The name on Kafka of the topic this target's clients call {@code topic}. */
    public String physicalName(String topic) {
        return topicPrefix + topic;
    }

    /** Starts watching this target's processes for one measured phase. */
    public ProcessWatch watch() {
        return ProcessWatch.start(processes);
    }

    /** The first bootstrap address, for clients that take one host and port. */
    public String firstAddress() {
        return bootstrapServers.split(",")[0];
    }
}
