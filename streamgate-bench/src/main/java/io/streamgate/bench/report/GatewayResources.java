package io.streamgate.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resource files a workload's own gateway was seeded with, quoted in {@code results.md} so that a report says
 * what that gateway ran.
 *
 * @param workload the workload that needs the gateway, e.g. {@code interceptor-chain}; quoted only if it ran
 * @param heading what the files are, e.g. "The chain gateway's interceptors (its `resourcesDir`)"
 * @param files the files' contents by file name, in the order they are applied
 */
public record GatewayResources(String workload, String heading, Map<String, String> files) {

    public GatewayResources {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }
}
