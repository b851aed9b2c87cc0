package io.streamgate.bench;

import io.streamgate.app.cli.VersionProvider;
import io.streamgate.bench.harness.BenchPlan;
import io.streamgate.bench.harness.BenchRun;
import io.streamgate.bench.harness.JvmSettings;
import io.streamgate.bench.workload.WorkloadSizes;
import io.streamgate.bench.workload.Workloads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/streamgate-bench}: the end-to-end benchmark of the gateway against direct Kafka, or with
 * {@code micro} the JMH micro-benchmarks. Exit codes: 0 when every workload completed (whether or not the targets
 * were met), 1 when a workload stopped early, 2 for invalid usage.
 */
@Command(name = "streamgate-bench", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class, subcommands = MicroCommand.class,
        description = {
                "Starts a real Kafka broker (or cluster) and the gateway, each in its own JVM with the same heap and GC "
                        + "settings, runs each workload directly against Kafka and through the gateway, alternating, "
                        + "for several rounds, and writes results.json and results.md to the output directory.",
                "Workloads: throughput (entries produce, consume), latency, small-records, large-records, "
                        + "idle-connections, interceptor-chain, virtual-cluster, safeguards.",
                "",
                "The default run takes about 13 minutes on a 2-core machine; --quick about 4."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", order = 1, description = "A short run for routine use: 2 rounds, small counts, about 4 minutes.")
    boolean quick;

    @Option(names = "--rounds", paramLabel = "N", order = 2,
            description = "Rounds of each workload on each side. Default: 5, or 2 with --quick.")
    Integer rounds;

    @Option(names = "--brokers", paramLabel = "N", order = 3, defaultValue = "1",
            description = "Kafka brokers; 3 for a cluster (replication factor min(3, N)). Default: ${DEFAULT-VALUE}.")
    int brokers;

    @Option(names = "--heap", paramLabel = "SIZE", order = 4, defaultValue = "1g",
            description = "Heap (-Xms and -Xmx) of each broker JVM and of the gateway JVM; both run G1. "
                    + "Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--workloads", paramLabel = "NAME", split = ",", order = 5,
            description = "Run only these workloads (or the workloads of these result entries, e.g. consume). "
                    + "Default: all.")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--gateway-arg", paramLabel = "ARG", order = 7,
            description = "An extra argument for the gateways' run command, repeatable, e.g. "
                    + "--gateway-arg=--config=/tmp/gateway.yaml to compare a setting.")
    List<String> gatewayArguments = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", order = 6, defaultValue = "bench-results",
            description = "Where results.json, results.md, run.json and the gateway logs go. Default: ${DEFAULT-VALUE}.")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WorkloadSizes sizes = quick ? WorkloadSizes.quick() : WorkloadSizes.standard();
        int planned = rounds != null ? rounds : quick ? 2 : 5;
        BenchPlan plan;
        try {
            Workloads.select(Workloads.all(sizes), workloads);
            plan = new BenchPlan(quick ? "quick" : "default", sizes, planned, brokers, new JvmSettings(heap), out,
                    workloads, gatewayArguments);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return new BenchRun(plan, System.out).execute().complete() ? 0 : 1;
    }
}
