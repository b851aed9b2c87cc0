package io.streamgate.bench.harness;

import io.streamgate.testing.kafka.KafkaCluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the broker JVMs of a {@link KafkaCluster} and the options they run with. The cluster does not hand out its
 * processes, but marks each node's command line with {@code -Dstreamgate.kafka.cluster=<directory name>} and
 * writes each node's JVM options to {@code node-<id>/java.args}.
 */
final class BrokerProcesses {

    private BrokerProcesses() {
    }

    /** The pids of the cluster's running nodes, children of this JVM. */
    static List<Long> pids(KafkaCluster cluster) {
        String marker = "-Dstreamgate.kafka.cluster=" + cluster.directory().getFileName();
        return ProcessHandle.current().children()
                .filter(child -> commandLine(child.pid()).contains(marker))
                .map(ProcessHandle::pid)
                .sorted()
                .toList();
    }

    /** The {@code -X} options (heap, GC, ...) of node 1's JVM, as its launcher wrote them. */
    static List<String> jvmOptions(KafkaCluster cluster) {
        Path arguments = cluster.directory().resolve("node-" + cluster.nodeIds().get(0)).resolve("java.args");
        try {
            return Files.readAllLines(arguments).stream()
                    .map(line -> line.strip().replaceAll("^\"|\"$", ""))
                    .filter(option -> option.startsWith("-X"))
                    .toList();
        } catch (IOException e) {
            return List.of("(unknown: cannot read " + arguments + ")");
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
