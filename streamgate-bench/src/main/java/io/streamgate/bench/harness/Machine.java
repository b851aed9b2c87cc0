package io.streamgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine and Java runtime the benchmark ran on, for the report: figures mean little without them.
 *
 * @param cpus processors available to the JVM
 * @param memoryMiB total memory, 0 if unknown
 */
public record Machine(String java, int cpus, String cpuModel, long memoryMiB, String kernel, String os) {

    /** This machine, from system properties and {@code /proc}. */
    public static Machine describe() {
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        return new Machine(java, Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMiB(),
                firstLine(Path.of("/proc/sys/kernel/osrelease")),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static String readCpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    private static long readMemoryMiB() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> line.replaceAll("\\D", ""))
                .mapToLong(kib -> Long.parseLong(kib) / 1024)
                .findFirst().orElse(0);
    }

    private static String firstLine(Path file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? "unknown" : lines.get(0).trim();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
