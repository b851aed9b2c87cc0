package io.streamgate.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five most common safeguard policies, which the {@link TargetRole#SAFEGUARDS} gateway runs, written as resource
 * files for its {@code resourcesDir}: {@code create-topic-policy}, {@code alter-topic-config-policy},
 * {@code produce-policy}, {@code consumer-group-policy} and {@code client-id-policy}, each with the rules a platform
 * team typically sets. The benchmark's clients comply with all of them (acks=all, idempotent, client ids
 * {@code bench-*}), so every request is checked and none refused: what is measured is the price of the checks.
 */
public final class SafeguardsSeed {

    /** The number of interceptors. */
    public static final int SIZE = 5;

    private SafeguardsSeed() {
    }

    /** Writes the resource files into {@code directory} and returns it. */
    public static Path write(Path directory) throws IOException {
        return SeedFiles.write(directory, files());
    }

    /** The resource files, by file name, for the report. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("1-create-topic.yaml", """
                kind: Interceptor
                metadata: {name: bench-create-topic}
                spec:
                  plugin: create-topic-policy
                  priority: 10
                  config:
                    name: {pattern: "[a-z0-9._-]+"}
                    partitions: {min: 1, max: 48}
                    replicationFactor: {min: 1, max: 3}
                    configs:
                      retention.ms: {min: 60000, max: 604800000}
                      cleanup.policy: {allowed: [delete, compact]}
                """);
        files.put("2-alter-topic-config.yaml", """
                kind: Interceptor
                metadata: {name: bench-alter-topic-config}
                spec:
                  plugin: alter-topic-config-policy
                  priority: 20
                  config:
                    denied: [min.insync.replicas, unclean.leader.election.enable]
                    configs:
                      retention.ms: {min: 60000, max: 604800000}
                """);
        files.put("3-produce.yaml", """
                kind: Interceptor
                metadata: {name: bench-produce}
                spec:
                  plugin: produce-policy
                  priority: 30
                  config:
                    acks: {allowed: [-1]}
                    idempotence: {action: BLOCK}
                    recordBatchSize: {max: 1048576}
                """);
        files.put("4-consumer-group.yaml", """
                kind: Interceptor
                metadata: {name: bench-consumer-group}
                spec:
                  plugin: consumer-group-policy
                  priority: 40
                  config:
                    groupId: {pattern: "bench-.*"}
                    sessionTimeoutMs: {min: 6000, max: 60000, action: OVERRIDE}
                """);
        files.put("5-client-id.yaml", """
                kind: Interceptor
                metadata: {name: bench-client-id}
                spec:
                  plugin: client-id-policy
                  priority: 50
                  config:
                    pattern: "bench-[a-z-]+"
                """);
        return Collections.unmodifiableMap(files);
    }
}
