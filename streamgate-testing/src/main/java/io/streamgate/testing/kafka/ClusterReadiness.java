package io.streamgate.testing.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Waits until nodes serve clients. Two steps, because each alone can mislead: a node opens its client port
 * only once its broker is serving, but until the controller has registered and unfenced it the other nodes
 * do not route to it; and asking the cluster first would only return connection errors while JVMs start.
 *
 * <p>While waiting it watches the processes, so a node that exits fails the wait at once with its log
 * instead of after the timeout.
 */
final class ClusterReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;

    private ClusterReadiness() {
    }

    /** Returns once every node's PLAINTEXT client port accepts a TCP connection. */
    static void awaitClientPorts(Collection<KafkaNodeProcess> nodes, Instant deadline) {
        List<KafkaNodeProcess> waiting = new ArrayList<>(nodes);
        while (true) {
            waiting.removeIf(node -> {
                failIfExited(node);
                return accepts(node.node().clientPort());
            });
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                KafkaNodeProcess first = waiting.get(0);
                throw new KafkaClusterException("client port " + first.node().clientPort() + " of node "
                        + first.node().nodeId() + " did not accept connections in time (still waiting for nodes "
                        + ids(waiting) + ")" + logTail(first));
            }
            pause();
        }
    }

    /**
     * Returns once the cluster's metadata, as an Admin client on {@code bootstrapServers} sees it, lists every
     * one of {@code expected} as a live broker.
     */
    static void awaitBrokers(String bootstrapServers, Map<Integer, KafkaNodeProcess> expected, Instant deadline) {
        Set<Integer> seen = Set.of();
        String lastError = "none";
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "streamgate-testing-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000"))) {
            while (true) {
                expected.values().forEach(ClusterReadiness::failIfExited);
                try {
                    seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                            .map(Node::id)
                            .collect(Collectors.toCollection(TreeSet::new));
                    if (seen.containsAll(expected.keySet())) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lastError = e.getCause() != null ? e.getCause().toString() : e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaClusterException("interrupted while waiting for brokers " + expected.keySet());
                }
                if (Instant.now().isAfter(deadline)) {
                    Set<Integer> missing = new TreeSet<>(expected.keySet());
                    missing.removeAll(seen);
                    StringBuilder message = new StringBuilder("the cluster did not list brokers " + missing
                            + " in time (it listed " + seen + "; last error: " + lastError + ")");
                    missing.forEach(id -> message.append(logTail(expected.get(id))));
                    throw new KafkaClusterException(message.toString());
                }
                pause();
            }
        }
    }

    private static void failIfExited(KafkaNodeProcess node) {
        node.exitCode().ifPresent(code -> {
            throw new KafkaClusterException("node " + node.node().nodeId() + " exited with code " + code
                    + " while starting" + logTail(node));
        });
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String logTail(KafkaNodeProcess node) {
        return "\n---- last lines of " + node.node().logFile() + " ----\n"
                + LogTail.of(node.node().logFile(), LOG_TAIL_LINES) + "\n---- end of log ----";
    }

    private static List<Integer> ids(Collection<KafkaNodeProcess> nodes) {
        return nodes.stream().map(n -> n.node().nodeId()).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaClusterException("interrupted while waiting for Kafka nodes");
        }
    }
}
