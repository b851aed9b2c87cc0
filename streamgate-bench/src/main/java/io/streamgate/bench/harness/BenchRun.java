package io.streamgate.bench.harness;

import io.streamgate.bench.report.GatewayResources;
import io.streamgate.bench.report.PassthroughTargets;
import io.streamgate.bench.report.ResultsJson;
import io.streamgate.bench.report.ResultsMarkdown;
import io.streamgate.bench.report.RunDescription;
import io.streamgate.bench.report.TargetCheck;
import io.streamgate.bench.report.WorkloadResult;
import io.streamgate.bench.workload.BenchTopics;
import io.streamgate.bench.workload.RunContext;
import io.streamgate.bench.workload.Workload;
import io.streamgate.bench.workload.Workloads;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One benchmark run from start to report: starts the testbed, runs each selected workload for the planned rounds,
 * stops the gateways and reads their logs, and writes {@code results.json}, {@code results.md} and
 * {@code run.json} to the output directory ({@code results.json} also after each workload, so that an interrupted
 * run leaves what it measured).
 */
public final class BenchRun {

    private final BenchPlan plan;
    private final PrintStream progress;

    public BenchRun(BenchPlan plan, PrintStream progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * Runs the plan.
     *
     * @return the results; {@link Outcome#complete()} is false if a workload stopped early
     * @throws IOException if the output directory cannot be written
     */
    public Outcome execute() throws IOException {
        long startNanos = System.nanoTime();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Workload> workloads = Workloads.select(Workloads.all(plan.sizes()), plan.workloads());
        Set<TargetRole> roles = EnumSet.noneOf(TargetRole.class);
        workloads.forEach(workload -> roles.addAll(workload.roles()));
        Path outDir = plan.outDir();
        Files.createDirectories(outDir);
        progress.printf("streamgate-bench: %s run, %d round(s), %d broker(s), workloads %s; results in %s%n",
                plan.mode(), plan.rounds(), plan.brokers(), workloads.stream().map(Workload::name).toList(),
                outDir.toAbsolutePath());

        List<WorkloadResult> results = new ArrayList<>();
        List<GatewayLog> logs;
        List<String> brokerJvmOptions;
        List<String> gatewayJvmOptions = List.of();
        List<String> gatewayArguments = List.of();
        try (Testbed testbed = Testbed.start(plan.brokers(), plan.jvm(), plan.gatewayArguments(), outDir, roles,
                progress);
             BenchTopics topics = new BenchTopics(testbed.kafkaBootstrapServers(), plan.brokers())) {
            brokerJvmOptions = testbed.brokerJvmOptions();
            GatewayProcess gateway = testbed.gateways().get(TargetRole.GATEWAY);
            gatewayJvmOptions = gateway.jvmOptions();
            gatewayArguments = gateway.arguments();
            warmUp(testbed, topics, startNanos);
            for (Workload workload : workloads) {
                results.addAll(Rounds.run(workload, plan.rounds(), testbed, topics, progress, startNanos));
                ResultsJson.write(outDir.resolve("results.json"), results);
            }
            progress.println("stopping the gateways and reading their logs");
            logs = testbed.stopGateways();
        }

        RunDescription description = new RunDescription(started.toString(), (System.nanoTime() - startNanos) / 1e9,
                plan.mode(), plan.rounds(), plan.brokers(), workloads.stream().map(Workload::name).toList(),
                BuildVersions.read(), Machine.describe(), brokerJvmOptions, gatewayJvmOptions, gatewayArguments,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<TargetCheck> targets = PassthroughTargets.check(results, logs);
        ResultsJson.write(outDir.resolve("results.json"), results);
        ResultsMarkdown.write(outDir.resolve("results.md"), description, results, logs, targets,
                seededGateways());
        ResultsJson.writeValue(outDir.resolve("run.json"), runJson(description, logs, targets));

        progress.printf("done in %d s: %s, %s%n", Math.round(description.durationSeconds()),
                outDir.resolve("results.md"), outDir.resolve("results.json"));
        for (TargetCheck check : targets) {
            progress.printf("  %-75s %-12s %s%n", check.target(), check.measured(), check.verdict().label());
        }
        boolean complete = results.stream().allMatch(r -> r.failure().isEmpty());
        return new Outcome(results, logs, targets, complete);
    }

    /** Runs the warm-up once against every target the testbed has; a failure here is a failure of the run. */
    private void warmUp(Testbed testbed, BenchTopics topics, long startNanos) {
        for (Workload warmup : Workloads.warmups(plan.sizes())) {
            for (TargetRole role : warmup.roles()) {
                if (!testbed.has(role)) {
                    continue;
                }
                try {
                    warmup.run(new RunContext(testbed.target(role), 0, topics));
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("the warm-up through " + role.label() + " failed: " + e, e);
                }
            }
        }
        progress.printf("[%s] warmed up: %d records through each target, then %d s of the latency probe%n",
                Rounds.elapsed(startNanos), plan.sizes().warmupRecords(), plan.sizes().warmupLatency().toSeconds());
    }

    /** What the gateways of the chain and virtual-cluster workloads were seeded with, for the report. */
    private static List<GatewayResources> seededGateways() {
        return List.of(
                new GatewayResources("interceptor-chain", "The chain gateway's interceptors (its `resourcesDir`)",
                        InterceptorChainSeed.files()),
                new GatewayResources("virtual-cluster", "The virtual-cluster gateway's resources (its `resourcesDir`);"
                        + " its default listener lands every connection in `" + VirtualClusterSeed.NAME
                        + "` (`STREAMGATE_VIRTUAL_CLUSTER`)", VirtualClusterSeed.files()),
                new GatewayResources("safeguards", "The safeguards gateway's policies (its `resourcesDir`)",
                        SafeguardsSeed.files()));
    }

    private static Map<String, Object> runJson(RunDescription description, List<GatewayLog> logs,
                                               List<TargetCheck> targets) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", description.toJson());
        json.put("gateways", logs.stream().map(log -> {
            Map<String, Object> gateway = new LinkedHashMap<>();
            gateway.put("gateway", log.gateway());
            gateway.put("log", log.logFile().getFileName().toString());
            gateway.put("errorLines", log.errorLines());
            gateway.put("leakLines", log.leakLines());
            gateway.put("bufferLeaks", log.bufferLeaks().isPresent() ? log.bufferLeaks().getAsDouble() : null);
            gateway.put("warnLines", log.warnLines());
            return gateway;
        }).toList());
        json.put("passthroughTargets", targets.stream().map(check -> {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("target", check.target());
            target.put("measured", check.measured());
            target.put("verdict", check.verdict().label());
            return target;
        }).toList());
        return json;
    }

    /**
     * What a run produced.
     *
     * @param complete whether every workload completed every round
     */
    public record Outcome(List<WorkloadResult> results, List<GatewayLog> logs, List<TargetCheck> targets,
                          boolean complete) {
    }
}
