package io.streamgate.core.diagnostics;

import io.netty.util.ResourceLeakDetector;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Netty's leak detector, plus a count of the leaks it reports, so that a leak shows up in metrics and can
 * fail a test instead of scrolling past in a log. Installed with the system property
 * {@code io.netty.customResourceLeakDetector=io.streamgate.core.diagnostics.CountingLeakDetector}, which
 * must be set before Netty's buffer classes load; the {@code streamgate} command does so.
 *
 * @param <T> the tracked resource type
 */
public class CountingLeakDetector<T> extends ResourceLeakDetector<T> {

    private static final AtomicLong LEAKS = new AtomicLong();

    public CountingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    public CountingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval);
    }

    /** Leaks reported since the process started. Netty reports a leak when the leaked object is collected. */
    public static long leaks() {
        return LEAKS.get();
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.incrementAndGet();
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.incrementAndGet();
        super.reportUntracedLeak(resourceType);
    }
}
