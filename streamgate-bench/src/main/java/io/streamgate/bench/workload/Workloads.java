package io.streamgate.bench.workload;

import io.streamgate.bench.harness.TargetRole;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The workloads of the end-to-end benchmark, in the order they run, and their selection by name. */
public final class Workloads {

    private Workloads() {
    }

    /** Every workload, sized by {@code sizes}. */
    public static List<Workload> all(WorkloadSizes sizes) {
        return List.of(
                new ThroughputWorkload("throughput",
                        ResultEntry.throughput("produce", "Produce throughput, unthrottled: " + sizes.records1KiB()
                                + " records of 1 KiB, one producer, acks=all, linger.ms=5, batch.size=64 KiB"),
                        ResultEntry.throughput("consume", "Consume throughput of the topic just filled: one consumer"
                                + " reading every partition from the beginning, three times over, one after the other"),
                        RecordValues.random(1024), sizes.records1KiB(), directAndGateway(), r -> { }),
                new LatencyWorkload(sizes.latencyRate(), sizes.latencyDuration(), sizes.latencyWarmup()),
                new ThroughputWorkload("small-records",
                        ResultEntry.throughput("produce-100B", "Produce throughput of many small records: "
                                + sizes.records100B() + " records of 100 B"),
                        ResultEntry.throughput("consume-100B", "Consume throughput of those 100 B records"),
                        RecordValues.random(100), sizes.records100B(), directAndGateway(), r -> { }),
                new ThroughputWorkload("large-records",
                        ResultEntry.throughput("produce-100KiB", "Produce throughput of few large records: "
                                + sizes.records100KiB() + " records of 100 KiB"),
                        ResultEntry.throughput("consume-100KiB", "Consume throughput of those 100 KiB records"),
                        RecordValues.random(100 * 1024), sizes.records100KiB(), directAndGateway(), r -> { }),
                new IdleConnectionsWorkload(sizes.idleConnections(), sizes.idleLoadRate(), sizes.idleDuration()),
                new ThroughputWorkload("interceptor-chain",
                        ResultEntry.throughput("chain-produce", "Produce throughput through a chain of five built-in "
                                + "interceptors (audit of Produce to a file, two inject-headers): " + sizes.chainRecords()
                                + " JSON records of 1 KiB; gateway = the chain gateway, passthrough = the plain one"),
                        ResultEntry.throughput("chain-consume", "Consume throughput through the same chain "
                                + "(remove-headers, mask-fields on two JSON fields)"),
                        RecordValues.json(1024), sizes.chainRecords(),
                        List.of(TargetRole.DIRECT, TargetRole.GATEWAY, TargetRole.CHAIN), Workloads::checkChainApplied),
                new ThroughputWorkload("virtual-cluster",
                        ResultEntry.throughput("vcluster-produce", "Produce throughput inside a virtual cluster, "
                                + "whose gateway decodes, maps and re-encodes every request: " + sizes.records1KiB()
                                + " records of 1 KiB, as in produce; gateway = the virtual-cluster gateway, "
                                + "passthrough = the plain one"),
                        ResultEntry.throughput("vcluster-consume", "Consume throughput inside the same virtual "
                                + "cluster, as in consume (Fetch responses by topic id are forwarded undecoded)"),
                        RecordValues.random(1024), sizes.records1KiB(),
                        List.of(TargetRole.DIRECT, TargetRole.GATEWAY, TargetRole.VIRTUAL_CLUSTER), r -> { }),
                new ThroughputWorkload("safeguards",
                        ResultEntry.throughput("safeguards-produce", "Produce throughput through the five most common "
                                + "safeguard policies (create-topic, alter-topic-config, produce, consumer-group, "
                                + "client-id; every Produce decoded and checked): " + sizes.records1KiB()
                                + " records of 1 KiB, as in produce; gateway = the safeguards gateway, "
                                + "passthrough = the plain one"),
                        ResultEntry.throughput("safeguards-consume", "Consume throughput through the same policies, "
                                + "as in consume (no fetch-side policy: Fetch is forwarded undecoded)"),
                        RecordValues.random(1024), sizes.records1KiB(),
                        List.of(TargetRole.DIRECT, TargetRole.GATEWAY, TargetRole.SAFEGUARDS), r -> { }));
    }

    /**
     * The warm-up, run once against each of its targets before the first round, its figures thrown away: JSON
     * records (which the chain's interceptors work on) produced and consumed through every target, then the latency
     * probe directly and through the plain gateway.
     */
    public static List<Workload> warmups(WorkloadSizes sizes) {
        return List.of(
                new ThroughputWorkload("warm-up",
                        ResultEntry.throughput("warm-up-produce", "warm-up, not reported"),
                        ResultEntry.throughput("warm-up-consume", "warm-up, not reported"),
                        RecordValues.json(1024), sizes.warmupRecords(), List.of(TargetRole.DIRECT, TargetRole.GATEWAY,
                                TargetRole.CHAIN, TargetRole.VIRTUAL_CLUSTER, TargetRole.SAFEGUARDS),
                        Workloads::checkChainApplied),
                new LatencyWorkload(sizes.latencyRate(), sizes.warmupLatency(), Duration.ZERO));
    }

    /**
     * The workloads named, by workload name ({@code throughput}) or by entry name ({@code consume}), in running
     * order; all of them when {@code names} is empty.
     *
     * @throws IllegalArgumentException for a name that is neither
     */
    public static List<Workload> select(List<Workload> all, Collection<String> names) {
        if (names.isEmpty()) {
            return all;
        }
        Set<Workload> selected = new LinkedHashSet<>();
        for (String name : names) {
            Workload match = all.stream()
                    .filter(w -> w.name().equals(name) || w.entries().stream().anyMatch(e -> e.name().equals(name)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no workload " + name + "; workloads are "
                            + all.stream().map(Workload::name).toList()));
            selected.add(match);
        }
        List<Workload> ordered = new ArrayList<>(all);
        ordered.retainAll(selected);
        return ordered;
    }

    private static List<TargetRole> directAndGateway() {
        return List.of(TargetRole.DIRECT, TargetRole.GATEWAY);
    }

    /** The chain must really run: a record read through it lost one injected header, kept the other, and is masked. */
    private static void checkChainApplied(ConsumerRecord<byte[], byte[]> record) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        boolean injected = record.headers().lastHeader("x-bench-received-at") != null;
        boolean removed = record.headers().lastHeader("x-bench-client") == null;
        boolean masked = value.contains("\"ssn\":\"***********\"") && value.contains("\"card\":\"************1111\"");
        if (!injected || !removed || !masked) {
            throw new IllegalStateException("the interceptor chain did not apply (header injected: " + injected
                    + ", header removed: " + removed + ", fields masked: " + masked + "): " + value.substring(0,
                    Math.min(120, value.length())));
        }
    }
}
