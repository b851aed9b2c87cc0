package io.streamgate.app;

import io.streamgate.app.config.StreamgateConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Streamgate in the foreground as a process: a shutdown hook (SIGTERM, Ctrl-C) stops it cleanly; a failed
 * startup is one logged line and exit code 1.
 */
public final class ProcessLifecycle {

    /** Exit code when startup fails. */
    public static final int EXIT_STARTUP_FAILED = 1;

    private static final Logger log = LoggerFactory.getLogger(ProcessLifecycle.class);

    private ProcessLifecycle() {
    }

    /**
     * Starts Streamgate and blocks until a signal has stopped it. Returns the exit code: 1 if startup failed, else 0,
     * though after a signal the JVM is already exiting with its own code.
     */
    public static int run(StreamgateConfig config) {
        StreamgateApplication application = new StreamgateApplication(config);
        // Installed before startup, so a Ctrl-C while the embedded Kafka starts still shuts it down cleanly.
        Thread hook = new Thread(application::close, "streamgate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            application.start();
        } catch (StartupException e) {
            log.error("Streamgate failed to start: {}", e.getMessage());
            log.debug("startup failure", e);
            removeQuietly(hook);
            return EXIT_STARTUP_FAILED;
        }
        try {
            application.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            application.close();
        }
        return 0;
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, and the hook is running or has run
        }
    }
}
