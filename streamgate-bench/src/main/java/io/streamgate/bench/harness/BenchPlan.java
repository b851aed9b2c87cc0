package io.streamgate.bench.harness;

import io.streamgate.bench.workload.WorkloadSizes;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run: the workloads' sizes, how many rounds, against how many brokers, with which heap, where to write.
 *
 * @param mode {@code quick} or {@code default}, for the report
 * @param workloads workload or entry names to run; empty for all
 */
public record BenchPlan(String mode, WorkloadSizes sizes, int rounds, int brokers, JvmSettings jvm, Path outDir,
                        List<String> workloads, List<String> gatewayArguments) {

    public BenchPlan {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be at least 1: " + brokers);
        }
        workloads = List.copyOf(workloads);
        gatewayArguments = List.copyOf(gatewayArguments);
    }
}
