package io.streamgate.testing.leak;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.streamgate.core.diagnostics.CountingLeakDetector;

/**
 * Surfaces buffer leaks in the test JVM. Netty reports a leak only after the leaked buffer has been garbage
 * collected, and only when a later buffer is allocated; {@link #collect()} provokes both, so that a leak made
 * by a test is counted before the test class ends.
 *
 * <p>Counting needs the JVM to run with {@code -Dio.netty.customResourceLeakDetector=}{@link
 * CountingLeakDetector}; the build's test configuration sets it, with {@code -Dio.netty.leakDetection.level=paranoid}.
 */
public final class NettyLeaks {

    private NettyLeaks() {
    }

    /** Leaks counted so far in this JVM, after provoking the report of any pending one. */
    public static long collect() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            for (int i = 0; i < 8; i++) {
                release(ByteBufAllocator.DEFAULT.directBuffer(64));
                release(ByteBufAllocator.DEFAULT.heapBuffer(64));
                release(PooledByteBufAllocator.DEFAULT.directBuffer(64));
                release(UnpooledByteBufAllocator.DEFAULT.buffer(64));
            }
        }
        return CountingLeakDetector.leaks();
    }

    /** Whether leaks are being counted at all in this JVM. */
    public static boolean counting() {
        return CountingLeakDetector.class.getName().equals(System.getProperty("io.netty.customResourceLeakDetector"));
    }

    private static void release(ByteBuf buf) {
        buf.release();
    }
}
