package io.streamgate.testing.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the node processes that are still running when this JVM exits. A test JVM that dies or is stopped
 * without closing its clusters would otherwise leave brokers running, holding ports and memory, until
 * someone notices. Only {@code kill -9} of this JVM escapes it.
 */
final class ChildProcessReaper {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcessReaper::killAll, "kafka-node-reaper"));
    }

    private ChildProcessReaper() {
    }

    static void register(Process process) {
        RUNNING.add(process);
    }

    static void unregister(Process process) {
        RUNNING.remove(process);
    }

    private static void killAll() {
        for (Process process : RUNNING) {
            process.destroyForcibly();
        }
    }
}
