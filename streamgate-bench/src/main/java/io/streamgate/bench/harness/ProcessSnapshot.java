package io.streamgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time and resident memory of one process, read from Linux's {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status}. Empty where {@code /proc} is missing or the process is gone.
 *
 * @param cpuTicks user plus system time, in clock ticks (see {@link ClockTicks})
 * @param rssBytes resident set size
 */
public record ProcessSnapshot(long cpuTicks, long rssBytes) {

    /** The process's figures now. */
    public static Optional<ProcessSnapshot> of(long pid) {
        try {
            return Optional.of(new ProcessSnapshot(cpuTicks(pid), rssBytes(pid)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Resident set size alone: cheaper than a whole snapshot, for sampling. */
    static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                // "VmRSS:\t  123456 kB"
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime (field 15) fields[12].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
