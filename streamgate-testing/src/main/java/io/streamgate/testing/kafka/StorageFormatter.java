package io.streamgate.testing.kafka;

import kafka.tools.StorageTool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Formats a node's storage with Kafka's own {@code StorageTool}, in this JVM: it is a static call that only
 * writes files, and in-process it costs a few hundred milliseconds instead of another JVM start.
 */
final class StorageFormatter {

    private StorageFormatter() {
    }

    /** Kafka writes {@code meta.properties} last when formatting, so its presence means a complete format. */
    static boolean isFormatted(NodeConfig node) {
        return Files.exists(node.dataDirectory().resolve("meta.properties"));
    }

    /**
     * Formats {@code node} as a member of cluster {@code clusterId} at the latest production metadata
     * version.
     *
     * @param features feature levels that override that version's defaults
     * @param scramUsers users whose SCRAM-SHA-256 and SCRAM-SHA-512 credentials go into the bootstrap
     *        metadata, so that SCRAM works from the first start without an Admin call
     */
    static void format(NodeConfig node, String clusterId, Map<String, Short> features,
                       Map<String, String> scramUsers) {
        List<String> args = new ArrayList<>(List.of(
                "format", "-t", clusterId, "-c", node.propertiesFile().toAbsolutePath().toString()));
        new TreeMap<>(features).forEach((name, level) -> {
            args.add("--feature");
            args.add(name + "=" + level);
        });
        new TreeMap<>(scramUsers).forEach((user, password) -> {
            for (String mechanism : SaslMechanisms.SCRAM) {
                args.add("--add-scram");
                args.add(SaslMechanisms.scramFormatArgument(mechanism, user, password));
            }
        });

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args.toArray(String[]::new), printStream);
        } catch (RuntimeException e) {
            // StorageTool reports bad arguments and refused formats by throwing, not by its exit code.
            throw new KafkaClusterException("cannot format the storage of node " + node.nodeId() + ": "
                    + e.getMessage() + outputSuffix(output), e);
        }
        if (exitCode != 0) {
            throw new KafkaClusterException("cannot format the storage of node " + node.nodeId()
                    + " (StorageTool exit code " + exitCode + ")" + outputSuffix(output));
        }
    }

    private static String outputSuffix(ByteArrayOutputStream output) {
        String text = output.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : "\n" + text;
    }
}
