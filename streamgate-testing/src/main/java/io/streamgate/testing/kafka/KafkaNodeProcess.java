package io.streamgate.testing.kafka;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One node's JVM: {@code kafka.Kafka server.properties} on the given classpath, its standard output and error
 * appended to the node's {@code server.log}. Startable again after it stopped, with the same files and
 * ports. Thread-safe.
 */
final class KafkaNodeProcess {

    private final NodeConfig node;
    private final List<String> command;
    private Process process;

    /**
     * @param clusterName shown on the command line (with the node id), so that {@code ps} tells nodes apart
     */
    KafkaNodeProcess(NodeConfig node, String clusterName, String heap, List<String> jvmOptions, String classpath)
            throws IOException {
        this.node = node;
        List<String> arguments = new ArrayList<>();
        arguments.add("-Xms" + heap);
        arguments.add("-Xmx" + heap);
        arguments.add("-XX:+UseG1GC");
        // A broker out of memory should die visibly rather than limp on and time tests out.
        arguments.add("-XX:+ExitOnOutOfMemoryError");
        arguments.add("-Dlogback.configurationFile=" + node.logbackFile().toAbsolutePath());
        arguments.addAll(jvmOptions);
        arguments.add("-cp");
        arguments.add(classpath);
        arguments.add("kafka.Kafka");
        arguments.add(node.propertiesFile().toAbsolutePath().toString());
        writeArgumentFile(node.javaArgumentsFile(), arguments);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.command = List.of(java,
                "-Dstreamgate.kafka.cluster=" + clusterName,
                "-Dstreamgate.kafka.node=" + node.nodeId(),
                "@" + node.javaArgumentsFile().toAbsolutePath());
    }

    NodeConfig node() {
        return node;
    }

    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException("node " + node.nodeId() + " is already running");
        }
        try {
            // A marker per start keeps the runs of a restarted node apart in its one log file.
            Files.writeString(node.logFile(), "==== streamgate-testing: starting node " + node.nodeId()
                            + " at " + Instant.now() + " ====\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .directory(node.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(node.logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new KafkaClusterException("cannot launch node " + node.nodeId() + ": " + command, e);
        }
        ChildProcessReaper.register(process);
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code of the last run, empty while running or before the first start. */
    synchronized OptionalInt exitCode() {
        return process == null || process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Stops the node gracefully: SIGTERM, which runs Kafka's shutdown hook (controlled shutdown, leadership
     * moved away, logs flushed); SIGKILL if it has not exited within {@code timeout}.
     */
    synchronized void stop(Duration timeout) {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        ChildProcessReaper.unregister(process);
    }

    /** SIGKILL, as a crashed machine would: no shutdown hook, nothing flushed. Returns once the process is gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            // The kernel releases the ports only once the process is reaped; a restart needs them.
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildProcessReaper.unregister(process);
    }

    /** Writes the java launcher's {@code @argfile}: one argument per line, quoted, with the launcher's escapes. */
    private static void writeArgumentFile(Path file, List<String> arguments) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String argument : arguments) {
            text.append('"').append(argument.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
