package io.streamgate.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chain of five built-in interceptors that the {@link TargetRole#CHAIN} gateway runs, written as resource files
 * for its {@code resourcesDir}. It exercises both directions and the plugins that decode records: two
 * {@code inject-headers} on Produce, {@code audit} of every Produce to a file, and on Fetch {@code remove-headers}
 * (of one injected header) and {@code mask-fields} (of the JSON values that the chain workload produces).
 */
public final class InterceptorChainSeed {

    /** The number of interceptors in the chain. */
    public static final int SIZE = 5;

    private InterceptorChainSeed() {
    }

    /** Writes the resource files into {@code directory} and returns it. */
    public static Path write(Path directory) throws IOException {
        return SeedFiles.write(directory, files());
    }

    /** The resource files, by file name, for the report. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("1-audit-produce.yaml", """
                kind: Interceptor
                metadata: {name: bench-audit-produce}
                spec:
                  plugin: audit
                  priority: 10
                  config:
                    apis: [Produce]
                    file: bench-audit.jsonl
                """);
        files.put("2-inject-client.yaml", """
                kind: Interceptor
                metadata: {name: bench-inject-client}
                spec:
                  plugin: inject-headers
                  priority: 20
                  config:
                    headers:
                      x-bench-client: "{{clientId}}@{{clientIp}}"
                """);
        files.put("3-inject-received-at.yaml", """
                kind: Interceptor
                metadata: {name: bench-inject-received-at}
                spec:
                  plugin: inject-headers
                  priority: 30
                  config:
                    headers:
                      x-bench-received-at: "{{timestamp}}"
                """);
        files.put("4-remove-client.yaml", """
                kind: Interceptor
                metadata: {name: bench-remove-client}
                spec:
                  plugin: remove-headers
                  priority: 40
                  config:
                    headerPattern: "x-bench-client"
                """);
        files.put("5-mask-ssn.yaml", """
                kind: Interceptor
                metadata: {name: bench-mask-ssn}
                spec:
                  plugin: mask-fields
                  priority: 50
                  config:
                    onNonJson: keep
                    rules:
                      - {path: customer.ssn}
                      - {path: customer.card, mode: keepLast, count: 4}
                """);
        return Collections.unmodifiableMap(files);
    }
}
