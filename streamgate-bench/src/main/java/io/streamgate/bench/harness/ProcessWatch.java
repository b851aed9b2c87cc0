package io.streamgate.bench.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches the server processes of a target while one measured phase runs: their CPU time from start to finish, and
 * their resident memory sampled every 100 ms, of which the peak is kept. Processes come in groups
 * ({@code gateway}, {@code broker}); a group's CPU time is the sum over its processes and its peak RSS the largest
 * peak of any one of them.
 *
 * <p>Reading {@code /proc} costs the bench JVM a few microseconds per sample; the watched processes pay nothing.
 */
public final class ProcessWatch {

    private static final long SAMPLE_INTERVAL_MILLIS = 100;
    private static final double BYTES_PER_GB = 1e9;
    private static final double BYTES_PER_MIB = 1024 * 1024;

    private final Map<String, List<Long>> groups;
    private final Map<Long, Long> startTicks = new LinkedHashMap<>();
    private final Map<Long, Long> peakRss = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ProcessWatch(Map<String, List<Long>> groups) {
        this.groups = groups;
        groups.values().forEach(pids -> pids.forEach(pid ->
                ProcessSnapshot.of(pid).ifPresent(s -> {
                    startTicks.put(pid, s.cpuTicks());
                    peakRss.merge(pid, s.rssBytes(), Math::max);
                })));
        this.sampler = new Thread(this::sample, "bench-process-watch");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** Starts watching these process groups, by group name. */
    public static ProcessWatch start(Map<String, List<Long>> groups) {
        return new ProcessWatch(Map.copyOf(groups));
    }

    /**
     * Stops watching and returns, for each group, {@code <group>CpuSecondsPerGb} (CPU seconds spent during the phase
     * per 10^9 bytes of record data the clients moved) and {@code <group>PeakRssMiB}.
     *
     * @param bytesMoved the bytes of record keys and values produced plus consumed during the phase
     */
    public Map<String, Double> finish(long bytesMoved) {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        groups.forEach((group, pids) -> {
            long ticks = 0;
            long peak = 0;
            boolean seen = false;
            for (long pid : pids) {
                Optional<ProcessSnapshot> end = ProcessSnapshot.of(pid);
                Long start = startTicks.get(pid);
                if (end.isEmpty() || start == null) {
                    continue;
                }
                seen = true;
                ticks += end.get().cpuTicks() - start;
                peak = Math.max(peak, Math.max(end.get().rssBytes(), peakRss.getOrDefault(pid, 0L)));
            }
            if (seen) {
                double cpuSeconds = (double) ticks / ClockTicks.PER_SECOND;
                if (bytesMoved > 0) {
                    figures.put(group + "CpuSecondsPerGb", cpuSeconds / (bytesMoved / BYTES_PER_GB));
                }
                figures.put(group + "PeakRssMiB", peak / BYTES_PER_MIB);
            }
        });
        return figures;
    }

    private void sample() {
        while (running) {
            for (List<Long> pids : groups.values()) {
                for (long pid : pids) {
                    try {
                        peakRss.merge(pid, ProcessSnapshot.rssBytes(pid), Math::max);
                    } catch (Exception e) {
                        // the process is gone or /proc is missing: finish() reports what it can
                    }
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(SAMPLE_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
