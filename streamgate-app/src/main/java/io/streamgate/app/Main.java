package io.streamgate.app;

import io.streamgate.app.cli.StreamgateCommand;

/**
 * The entry point of the {@code streamgate} command ({@code bin/streamgate} runs it). Exit codes: 1 when startup
 * fails, 2 for invalid configuration or usage; after a signal-driven clean stop the JVM's own (143 for SIGTERM,
 * 130 for Ctrl-C), since the shutdown hook runs inside the JVM's exit.
 */
public final class Main {

    static final String LEAK_DETECTOR_PROPERTY = "io.netty.customResourceLeakDetector";
    static final String LEAK_DETECTOR_CLASS = "io.streamgate.core.diagnostics.CountingLeakDetector";

    private Main() {
    }

    public static void main(String[] args) {
        useCountingLeakDetector();
        int exitCode = StreamgateCommand.commandLine(System.getenv(), ProcessLifecycle::run).execute(args);
        // After a clean stop the JVM is already exiting because of the signal; System.exit is for failures only.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Netty reads this property once, when its first leak detector is created, so it must be set before any Netty
     * class is used. The core's detector counts leaks so that they show in metrics and fail tests. Until that class
     * exists, Netty would log an error with a stack trace for the missing class, so the property is only set when
     * the class is on the class path (looked up as a resource, which loads nothing).
     */
    static void useCountingLeakDetector() {
        if (System.getProperty(LEAK_DETECTOR_PROPERTY) != null) {
            return;
        }
        String resource = LEAK_DETECTOR_CLASS.replace('.', '/') + ".class";
        if (Main.class.getClassLoader().getResource(resource) != null) {
            System.setProperty(LEAK_DETECTOR_PROPERTY, LEAK_DETECTOR_CLASS);
        }
    }
}
