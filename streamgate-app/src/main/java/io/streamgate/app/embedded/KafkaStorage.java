package io.streamgate.app.embedded;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Formats the embedded broker's log directory, once: formatting again would erase nothing but is refused. */
final class KafkaStorage {

    private KafkaStorage() {
    }

    /** A log directory is formatted once {@code meta.properties} exists in it; Kafka writes that file last. */
    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /**
     * Formats {@code logDir} for a new single-node cluster with a random cluster id, at the latest production
     * metadata version, which also sets every feature to its default level for that version (in Kafka 4.4 that
     * includes {@code share.version=2}: share groups need no extra flag).
     *
     * @param propertiesFile the broker's server properties, as {@code StorageTool} reads them
     */
    static void format(Path propertiesFile) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // No --standalone: the voter set is static (controller.quorum.voters), see BrokerProperties.
            exitCode = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", propertiesFile.toString()}, printStream);
        } catch (RuntimeException e) {
            throw new EmbeddedKafkaException("cannot format the embedded Kafka storage: " + e.getMessage()
                    + outputSuffix(output), e);
        }
        if (exitCode != 0) {
            throw new EmbeddedKafkaException("cannot format the embedded Kafka storage (exit code " + exitCode + ")"
                    + outputSuffix(output));
        }
    }

    private static String outputSuffix(ByteArrayOutputStream output) {
        String text = output.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + text;
    }
}
