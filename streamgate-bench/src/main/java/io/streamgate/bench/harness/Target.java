package io.streamgate.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * One side of a comparison: where the clients connect, and the server processes to watch while they run.
 *
 * @param bootstrapServers the clients' {@code bootstrap.servers}
 * @param processes pids by group ({@code gateway}, {@code broker}), for {@link ProcessWatch}
 */
public record Target(TargetRole role, String bootstrapServers, Map<String, List<Long>> processes) {

    public Target {
        processes = Map.copyOf(processes);
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
