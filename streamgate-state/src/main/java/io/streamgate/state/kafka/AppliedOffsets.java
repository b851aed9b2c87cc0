package io.streamgate.state.kafka;

import java.time.Duration;

/**
 * How far this instance has applied the resource topic: the offset of the next record to apply. Writers
 * wait here until the tailer has applied their own record (read-your-writes), and {@code start()} until it
 * has applied everything that was in the topic when it began. Thread-safe.
 */
final class AppliedOffsets {

    private long next;
    private boolean closed;

    /** Called by the tailer after it applied every record before {@code nextOffset}. */
    synchronized void advanceTo(long nextOffset) {
        if (nextOffset > next) {
            next = nextOffset;
            notifyAll();
        }
    }

    synchronized long next() {
        return next;
    }

    /**
     * Waits until every record before {@code offset} is applied.
     *
     * @return whether they were within {@code timeout}
     * @throws ClosedException when the store closes meanwhile
     */
    synchronized boolean awaitAppliedBefore(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (next < offset) {
            if (closed) {
                throw new ClosedException();
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return true;
    }

    /** Wakes every waiter: nothing more will be applied. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** The store closed while a caller waited. */
    static final class ClosedException extends RuntimeException {
        ClosedException() {
            super("the resource store closed", null, false, false);
        }
    }
}
