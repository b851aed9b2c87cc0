package io.streamgate.bench.report;

import io.streamgate.bench.harness.BuildVersions;
import io.streamgate.bench.harness.Machine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a benchmark run was set up: mode, rounds, brokers, versions, machine, and the JVM options that the brokers
 * and the gateway actually ran with (the same heap and collector on both sides).
 *
 * @param benchJvmOptions the options of the JVM that ran the clients
 */
public record RunDescription(String started, double durationSeconds, String mode, int rounds, int brokers,
                             List<String> workloads, BuildVersions versions, Machine machine,
                             List<String> brokerJvmOptions, List<String> gatewayJvmOptions,
                             List<String> gatewayArguments, List<String> benchJvmOptions) {

    /** As JSON-shaped maps, for {@code run.json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started);
        json.put("durationSeconds", Math.round(durationSeconds));
        json.put("mode", mode);
        json.put("rounds", rounds);
        json.put("brokers", brokers);
        json.put("workloads", workloads);
        json.put("streamgateVersion", versions.streamgate());
        json.put("gitCommit", versions.gitCommit());
        json.put("kafkaVersion", versions.kafka());
        json.put("java", machine.java());
        json.put("cpus", machine.cpus());
        json.put("cpuModel", machine.cpuModel());
        json.put("memoryMiB", machine.memoryMiB());
        json.put("kernel", machine.kernel());
        json.put("os", machine.os());
        json.put("brokerJvmOptions", brokerJvmOptions);
        json.put("gatewayJvmOptions", gatewayJvmOptions);
        json.put("gatewayArguments", gatewayArguments);
        json.put("benchJvmOptions", benchJvmOptions);
        return json;
    }
}
