package io.streamgate.bench.harness;

import io.streamgate.testing.kafka.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Everything a benchmark runs against: a real Kafka cluster (each broker its own JVM), the passthrough gateway and,
 * when asked for, the chain, the virtual-cluster and the safeguards gateways (each its own JVM), all with the same
 * {@link JvmSettings}. Gateway logs go to the output directory; gateway data directories to a temporary directory
 * removed on {@link #close()}.
 */
public final class Testbed implements AutoCloseable {

    private static final Duration GATEWAY_START_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaCluster cluster;
    private final Map<TargetRole, Target> targets = new EnumMap<>(TargetRole.class);
    private final Map<TargetRole, GatewayProcess> gateways = new EnumMap<>(TargetRole.class);
    private final Path scratch;
    private final List<String> brokerJvmOptions;

    private Testbed(KafkaCluster cluster, Path scratch) {
        this.cluster = cluster;
        this.scratch = scratch;
        this.brokerJvmOptions = BrokerProcesses.jvmOptions(cluster);
    }

    /**
     * Starts the cluster, then the gateways, and returns once all are ready.
     *
     * @param roles the targets the workloads need: the passthrough gateway always starts, the chain and the
     *        virtual-cluster and safeguards gateways only if named here
     */
    public static Testbed start(int brokers, JvmSettings jvm, List<String> gatewayArguments, Path outDir,
                                Set<TargetRole> roles, PrintStream progress) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("streamgate-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.printf("starting Kafka: %d broker(s), each its own JVM (%s)%n", brokers, String.join(" ", jvm.options()));
        KafkaCluster cluster = KafkaCluster.builder().brokers(brokers).heap(jvm.heap()).build();
        Testbed testbed = new Testbed(cluster, scratch);
        try {
            cluster.start();
            List<Long> brokerPids = BrokerProcesses.pids(cluster);
            testbed.targets.put(TargetRole.DIRECT,
                    new Target(TargetRole.DIRECT, cluster.bootstrapServers(), Map.of("broker", brokerPids), ""));
            testbed.launch(TargetRole.GATEWAY, jvm, gatewayArguments, outDir, Map.of());
            if (roles.contains(TargetRole.CHAIN)) {
                Path resources = InterceptorChainSeed.write(scratch.resolve("chain-resources"));
                testbed.launch(TargetRole.CHAIN, jvm, gatewayArguments, outDir,
                        Map.of("STREAMGATE_RESOURCES_DIR", resources.toAbsolutePath().toString()));
            }
            if (roles.contains(TargetRole.VIRTUAL_CLUSTER)) {
                testbed.launch(TargetRole.VIRTUAL_CLUSTER, jvm, gatewayArguments, outDir,
                        VirtualClusterSeed.write(scratch.resolve("vcluster-resources")));
            }
            if (roles.contains(TargetRole.SAFEGUARDS)) {
                Path resources = SafeguardsSeed.write(scratch.resolve("safeguards-resources"));
                testbed.launch(TargetRole.SAFEGUARDS, jvm, gatewayArguments, outDir,
                        Map.of("STREAMGATE_RESOURCES_DIR", resources.toAbsolutePath().toString()));
            }
            for (Map.Entry<TargetRole, GatewayProcess> gateway : testbed.gateways.entrySet()) {
                TargetRole role = gateway.getKey();
                int interceptors = switch (role) {
                    case CHAIN -> InterceptorChainSeed.SIZE;
                    case SAFEGUARDS -> SafeguardsSeed.SIZE;
                    default -> 0;
                };
                gateway.getValue().awaitReady(GATEWAY_START_TIMEOUT, interceptors);
                String topicPrefix = role == TargetRole.VIRTUAL_CLUSTER ? VirtualClusterSeed.PREFIX : "";
                testbed.targets.put(role, new Target(role, gateway.getValue().bootstrapServers(),
                        Map.of("gateway", List.of(gateway.getValue().pid()), "broker", brokerPids), topicPrefix));
                progress.printf("gateway %s ready at %s (pid %d, log %s)%n", role.label(),
                        gateway.getValue().bootstrapServers(), gateway.getValue().pid(), gateway.getValue().logFile());
            }
            return testbed;
        } catch (IOException | RuntimeException e) {
            testbed.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The target of this role; the other gateways than the plain one only if the testbed was started with them. */
    public Target target(TargetRole role) {
        Target target = targets.get(role);
        if (target == null) {
            throw new IllegalStateException("no " + role.label() + " target in this testbed");
        }
        return target;
    }

    /** Whether the testbed has a target of this role. */
    public boolean has(TargetRole role) {
        return targets.containsKey(role);
    }

    /** The Kafka cluster's bootstrap servers, for topic administration. */
    public String kafkaBootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The {@code -X} options the brokers run with. */
    public List<String> brokerJvmOptions() {
        return brokerJvmOptions;
    }

    /** The gateways, by role. */
    public Map<TargetRole, GatewayProcess> gateways() {
        return Map.copyOf(gateways);
    }

    /**
     * Stops the gateways and reads their logs. Before stopping each, provokes the report of leaks still pending: a
     * full GC makes leaked buffers collectable, and a burst of requests lets Netty's detector (which checks on
     * allocation) report them.
     */
    public List<GatewayLog> stopGateways() {
        List<GatewayLog> logs = new ArrayList<>();
        for (Map.Entry<TargetRole, GatewayProcess> entry : gateways.entrySet()) {
            GatewayProcess gateway = entry.getValue();
            gateway.collectGarbage();
            requestBurst(gateway.bootstrapServers());
            OptionalDouble leaks = gateway.bufferLeaks();
            gateway.close();
            try {
                logs.add(GatewayLog.read(entry.getKey().label(), gateway.logFile(), leaks));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log of the gateway " + entry.getKey().label(), e);
            }
        }
        gateways.clear();
        return logs;
    }

    /** Stops whatever still runs: gateways, then the cluster; removes the scratch directory. */
    @Override
    public void close() {
        gateways.values().forEach(GatewayProcess::close);
        gateways.clear();
        cluster.close();
        deleteScratch();
    }

    private void launch(TargetRole role, JvmSettings jvm, List<String> gatewayArguments, Path outDir,
                        Map<String, String> settings) {
        String file = role == TargetRole.GATEWAY ? "gateway.log" : role.label() + "-gateway.log";
        gateways.put(role, GatewayProcess.launch(role.label(), cluster.bootstrapServers(), cluster.nodeIds().size(), jvm,
                gatewayArguments, outDir.resolve(file), scratch.resolve(role.label() + "-data"), settings));
    }

    private static void requestBurst(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (int i = 0; i < 200; i++) {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // best effort: the leak count may then miss the last leaks
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deleteScratch() {
        try (Stream<Path> paths = Files.walk(scratch)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
