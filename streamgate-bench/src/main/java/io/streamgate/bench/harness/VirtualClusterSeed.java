package io.streamgate.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The virtual cluster that the {@link TargetRole#VIRTUAL_CLUSTER} gateway lands every connection of its default
 * listener in: a {@code VirtualCluster} resource file for its {@code resourcesDir}, and the setting that binds the
 * listener to it. With the default prefix, the topic {@code t} its clients use is {@code bench.t} on Kafka: the
 * harness creates and deletes topics under that physical name, and checks that the records produced landed there.
 */
public final class VirtualClusterSeed {

    /** The virtual cluster's name. */
    public static final String NAME = "bench";

    /** Its prefix on the physical cluster, the default: the name followed by a dot. */
    public static final String PREFIX = NAME + ".";

    private VirtualClusterSeed() {
    }

    /**
     * Writes the resource files into {@code directory} and returns the gateway's environment: that directory as its
     * resources, and the virtual cluster of its default listener.
     */
    public static Map<String, String> write(Path directory) throws IOException {
        SeedFiles.write(directory, files());
        return Map.of("STREAMGATE_RESOURCES_DIR", directory.toAbsolutePath().toString(),
                "STREAMGATE_VIRTUAL_CLUSTER", NAME);
    }

    /** The resource files, by file name, for the report. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("1-virtual-cluster.yaml", """
                kind: VirtualCluster
                metadata: {name: %s}
                spec: {}
                """.formatted(NAME));
        return Collections.unmodifiableMap(files);
    }
}
