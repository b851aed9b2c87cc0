package io.streamgate.core.upstream;

import io.streamgate.core.address.BrokerPorts;
import io.streamgate.core.address.ClusterTopology;
import io.streamgate.core.address.HostPort;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The gateway's own view of the upstream cluster, refreshed on a schedule with a Kafka Admin client that
 * uses the same client properties as the data path. It decides readiness (the cluster answered the last
 * refresh), teaches the {@link ClusterTopology} where brokers are, and drops brokers that have been gone
 * longer than the removal delay. Between successes it retries every second, so a gateway started before
 * its cluster becomes ready soon after the cluster does.
 */
public final class UpstreamClusterWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamClusterWatcher.class);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final ClusterTopology topology;
    private final BrokerPorts ports;
    private final IntConsumer brokerRemoved;
    private final Duration refreshInterval;
    private final Duration removalDelay;
    private final Admin admin;
    private final ScheduledExecutorService scheduler;
    private final Map<Integer, Long> lastSeenNanos = new HashMap<>();
    private volatile boolean ready;
    private volatile String notReadyReason = "upstream cluster not contacted yet";
    private volatile CompletableFuture<Void> nextRefresh = new CompletableFuture<>();
    private boolean everReady;
    private ScheduledFuture<?> scheduled; // the one pending refresh; touched only by the scheduler thread

    public UpstreamClusterWatcher(UpstreamClientConfig clientConfig, ClusterTopology topology, BrokerPorts ports,
                                  IntConsumer brokerRemoved, Duration refreshInterval, Duration removalDelay,
                                  Duration requestTimeout) {
        this.topology = topology;
        this.ports = ports;
        this.brokerRemoved = brokerRemoved;
        this.refreshInterval = refreshInterval;
        this.removalDelay = removalDelay;
        Map<String, Object> properties = new HashMap<>(clientConfig.clientProperties());
        properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "streamgate-cluster-watcher");
        properties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
        properties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
        properties.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(properties);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "streamgate-cluster-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        scheduler.execute(this::refresh);
    }

    public boolean isReady() {
        return ready;
    }

    /** Why the gateway is not ready, or null when it is. */
    public String notReadyReason() {
        return ready ? null : notReadyReason;
    }

    /** Asks for a refresh as soon as possible; the future completes when it has finished, well or not. */
    public CompletableFuture<Void> refreshSoon() {
        CompletableFuture<Void> done = nextRefresh;
        scheduler.execute(() -> {
            if (scheduled != null && scheduled.cancel(false)) {
                refresh();
            }
        });
        return done;
    }

    private void refresh() {
        CompletableFuture<Void> finished = nextRefresh;
        nextRefresh = new CompletableFuture<>();
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions()).nodes().get();
            learn(nodes);
            if (!ready) {
                LOG.info("Upstream Kafka cluster reachable: {} broker(s) {}", nodes.size(),
                        nodes.stream().map(n -> n.id() + "@" + n.host() + ":" + n.port()).toList());
            }
            ready = true;
            everReady = true;
            schedule(refreshInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String reason = "upstream Kafka cluster unreachable: " + rootMessage(e);
            if (ready || !everReady && !reason.equals(notReadyReason)) {
                LOG.warn("{}; the gateway reports not-ready and keeps retrying", reason);
            }
            notReadyReason = reason;
            ready = false;
            schedule(RETRY_INTERVAL);
        } finally {
            finished.complete(null);
        }
    }

    private void learn(Collection<Node> nodes) {
        ports.anchor(nodes.stream().map(Node::id).toList());
        long now = System.nanoTime();
        for (Node node : nodes) {
            topology.learn(node.id(), new HostPort(node.host(), node.port()));
            lastSeenNanos.put(node.id(), now);
        }
        for (int nodeId : List.copyOf(lastSeenNanos.keySet())) {
            if (now - lastSeenNanos.get(nodeId) > removalDelay.toNanos()) {
                LOG.info("Broker {} has left the cluster; closing its gateway port", nodeId);
                lastSeenNanos.remove(nodeId);
                topology.forget(nodeId);
                brokerRemoved.accept(nodeId);
            }
        }
    }

    private void schedule(Duration delay) {
        if (!scheduler.isShutdown()) {
            scheduled = scheduler.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
