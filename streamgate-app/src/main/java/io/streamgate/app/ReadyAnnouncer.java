package io.streamgate.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Watches the gateway become ready and then logs the one line a user needs: how to connect, and how long it took
 * from JVM launch. If the upstream cluster does not answer within the connect timeout, it says so once and keeps
 * watching, since a cluster that is still starting is normal.
 */
final class ReadyAnnouncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncer.class);

    private final BooleanSupplier ready;
    private final String bootstrapServers;
    private final String upstream;
    private final Duration patience;
    private final Thread thread;

    private ReadyAnnouncer(BooleanSupplier ready, String bootstrapServers, String upstream, Duration patience) {
        this.ready = ready;
        this.bootstrapServers = bootstrapServers;
        this.upstream = upstream;
        this.patience = patience;
        this.thread = new Thread(this::watch, "streamgate-ready-announcer");
        this.thread.setDaemon(true);
    }

    /**
     * @param ready whether the gateway is ready now
     * @param bootstrapServers what clients put in {@code bootstrap.servers}
     * @param upstream the upstream cluster, as the user knows it, for the not-ready warning
     * @param patience how long to wait before warning that the upstream cluster does not answer
     */
    static ReadyAnnouncer start(BooleanSupplier ready, String bootstrapServers, String upstream, Duration patience) {
        ReadyAnnouncer announcer = new ReadyAnnouncer(ready, bootstrapServers, upstream, patience);
        announcer.thread.start();
        return announcer;
    }

    /** The line logged when the gateway is ready. */
    static String readyLine(String bootstrapServers, long launchToReadyMillis) {
        return "Streamgate is ready in " + launchToReadyMillis + " ms: bootstrap.servers=" + bootstrapServers
                + "  (try: kcat -b " + bootstrapServers + " -L   or   kafka-console-producer.sh --bootstrap-server "
                + bootstrapServers + " --topic demo)";
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    private void watch() {
        long started = System.nanoTime();
        boolean warned = false;
        try {
            while (!isReady()) {
                long waited = System.nanoTime() - started;
                if (!warned && waited > patience.toNanos()) {
                    log.warn("not ready yet: the upstream Kafka cluster ({}) has not answered for {} s; still trying"
                            + " (GET /health/ready says DOWN meanwhile)", upstream, patience.toSeconds());
                    warned = true;
                }
                // Poll often at first so the measured launch-to-ready time is accurate, then back off.
                Thread.sleep(waited < 2_000_000_000L ? 10 : 250);
            }
            long launchToReady = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            log.info(readyLine(bootstrapServers, launchToReady));
        } catch (InterruptedException e) {
            // closed before the gateway became ready: nothing to announce
        }
    }

    private boolean isReady() {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException e) {
            log.debug("readiness check failed", e);
            return false;
        }
    }
}
