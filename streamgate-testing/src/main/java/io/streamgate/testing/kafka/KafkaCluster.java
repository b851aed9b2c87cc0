package io.streamgate.testing.kafka;

import io.streamgate.testing.net.FreePorts;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real KRaft Kafka cluster of N nodes, each node a separate JVM running {@code kafka.Kafka}, every node
 * both broker and controller (combined mode) in a static quorum. Node ids are {@code 1..N}.
 *
 * <pre>{@code
 * try (KafkaCluster cluster = KafkaCluster.builder().brokers(3).sslListener(true).build()) {
 *     cluster.start();
 *     producerProps.put("bootstrap.servers", cluster.bootstrapServers());
 *     ...
 *     cluster.restartNode(2);
 * }
 * }</pre>
 *
 * <h2>Why separate processes rather than brokers inside the test JVM</h2>
 * <ul>
 *   <li><b>Real failures.</b> {@link #killNode} is a real {@code kill -9}: no shutdown hook, no flush, sockets
 *       reset by the kernel. {@link #restartNode} starts a fresh JVM on the same data, as an operator's
 *       restart does. In-JVM brokers can only be shut down politely, and leave threads and static state
 *       behind that the next start inherits.</li>
 *   <li><b>Isolation.</b> Each broker has its own heap, GC and threads, so it neither competes with the
 *       test JVM's heap nor skews what the tests (or Netty's leak detector) see there.</li>
 *   <li><b>One launcher for tests and benchmarks.</b> The benchmark must run broker and gateway in separate
 *       JVMs to measure the gateway alone; the same class starts the brokers in both.</li>
 *   <li><b>No classpath entanglement.</b> The broker's logging, Scala runtime and configuration live in its
 *       own JVM and cannot collide with the gateway's (e.g. its logback configuration), whatever the shared
 *       classpath holds.</li>
 * </ul>
 * The cost is a few seconds of JVM start per node, paid once per cluster; a cluster is meant to be shared by
 * all tests of a class (or a suite), each test using its own topics.
 *
 * <h2>Lifecycle and files</h2>
 * {@link Builder#build()} chooses the ports and writes the cluster directory: under {@code target/kafka-clusters}
 * when the working directory has a {@code target} directory, else under the temporary directory. Each node has
 * a sub-directory {@code node-<id>} with {@code server.properties}, {@code logback.xml}, its data directory
 * and {@code server.log}. {@link #start()} formats storage on first use and starts the nodes; {@link #close()}
 * kills every node and deletes the directory, unless the system property
 * {@code streamgate.test.keepKafkaData=true} is set. A JVM shutdown hook kills nodes left running by a test
 * JVM that exits without closing its cluster.
 *
 * <p>Methods are synchronized: a cluster may be driven from several test threads, one operation at a time.
 */
public final class KafkaCluster implements AutoCloseable {

    /** System property that keeps the cluster directory (data and logs) after {@link #close()}. */
    public static final String KEEP_DATA_PROPERTY = "streamgate.test.keepKafkaData";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterSpec spec;
    private final Path directory;
    private final String clusterId;
    private final TestCertificates tls;
    private final Map<Integer, KafkaNodeProcess> nodes;
    private boolean formatted;
    private boolean closed;

    private KafkaCluster(ClusterSpec spec, Path directory, TestCertificates tls, Map<Integer, KafkaNodeProcess> nodes) {
        this.spec = spec;
        this.directory = directory;
        this.clusterId = Uuid.randomUuid().toString();
        this.tls = tls;
        this.nodes = nodes;
    }

    /** A builder for a cluster of one plaintext node. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every node that is not running, formatting storage first if this cluster was never started, and
     * returns once every node's client port accepts connections and the cluster lists all N brokers.
     *
     * @throws KafkaClusterException if a node exits or the cluster is not ready within the start timeout (90
     *         s by default); the message carries the tail of the failing node's log. Nodes started by this
     *         call are killed first, their logs kept.
     */
    public synchronized void start() {
        requireOpen();
        Instant began = Instant.now();
        formatOnce();
        Duration formatting = Duration.between(began, Instant.now());
        List<KafkaNodeProcess> starting = nodes.values().stream().filter(n -> !n.isAlive()).toList();
        Instant deadline = began.plus(spec.startTimeout());
        try {
            starting.forEach(KafkaNodeProcess::start);
            ClusterReadiness.awaitClientPorts(starting, deadline);
            Duration portsOpen = Duration.between(began, Instant.now());
            ClusterReadiness.awaitBrokers(bootstrapServers(), nodes, deadline);
            LOG.info("Kafka cluster of {} node(s) ready in {} ms (storage format {} ms, client ports open after {} ms)"
                            + " at {}, files in {}", nodes.size(), Duration.between(began, Instant.now()).toMillis(),
                    formatting.toMillis(), portsOpen.toMillis(), bootstrapServers(), directory);
        } catch (RuntimeException e) {
            starting.forEach(KafkaNodeProcess::kill);
            throw e;
        }
    }

    /**
     * Starts a stopped node again on its data directory and ports, and returns once its client port accepts
     * connections and the cluster lists it as a broker.
     *
     * @throws IllegalStateException if the node is running or the cluster was never started
     */
    public synchronized void startNode(int nodeId) {
        requireOpen();
        if (!formatted) {
            throw new IllegalStateException("start() the cluster before starting single nodes");
        }
        KafkaNodeProcess node = node(nodeId);
        Instant began = Instant.now();
        node.start();
        Instant deadline = began.plus(spec.startTimeout());
        try {
            ClusterReadiness.awaitClientPorts(List.of(node), deadline);
            ClusterReadiness.awaitBrokers(bootstrapServers(), Map.of(nodeId, node), deadline);
        } catch (RuntimeException e) {
            node.kill();
            throw e;
        }
        LOG.info("Kafka node {} ready in {} ms", nodeId, Duration.between(began, Instant.now()).toMillis());
    }

    /**
     * Stops a node gracefully (SIGTERM: controlled shutdown, leadership handed over) and waits for its JVM to
     * exit; kills it if it takes longer than 60 s. Does nothing if the node is not running.
     */
    public synchronized void stopNode(int nodeId) {
        requireOpen();
        Instant began = Instant.now();
        node(nodeId).stop(STOP_TIMEOUT);
        LOG.info("Kafka node {} stopped in {} ms", nodeId, Duration.between(began, Instant.now()).toMillis());
    }

    /**
     * Kills a node with SIGKILL, as a crash would, and waits for its JVM to be gone. The controller keeps the
     * dead node's broker registration until its session times out ({@code broker.session.timeout.ms}, 9 s by
     * default), so a {@link #startNode} soon after a kill takes that much longer than after {@link #stopNode}.
     */
    public synchronized void killNode(int nodeId) {
        requireOpen();
        node(nodeId).kill();
    }

    /** {@link #stopNode} then {@link #startNode}. */
    public synchronized void restartNode(int nodeId) {
        stopNode(nodeId);
        startNode(nodeId);
    }

    /** True while the node's JVM runs (which does not mean it serves yet). */
    public synchronized boolean isRunning(int nodeId) {
        return node(nodeId).isAlive();
    }

    /** The PLAINTEXT listeners of all nodes, {@code 127.0.0.1:p1,127.0.0.1:p2,...}, in node id order. */
    public String bootstrapServers() {
        return joinPorts(n -> OptionalInt.of(n.clientPort()), "PLAINTEXT");
    }

    /**
     * The SSL listeners of all nodes.
     *
     * @throws IllegalStateException if the cluster was built without {@code sslListener(true)}
     */
    public String sslBootstrapServers() {
        return joinPorts(NodeConfig::sslPort, "SSL");
    }

    /**
     * The SASL_PLAINTEXT listeners of all nodes.
     *
     * @throws IllegalStateException if the cluster was built without {@code saslPlainListener(...)}
     */
    public String saslBootstrapServers() {
        return joinPorts(NodeConfig::saslPort, "SASL_PLAINTEXT");
    }

    /**
     * The client properties that make a Kafka client trust the SSL listener: {@code security.protocol=SSL}
     * and the test CA's truststore. Without {@code bootstrap.servers}, so that they serve any listener whose
     * certificate this cluster's CA signed.
     *
     * @throws IllegalStateException if the cluster has no SSL listener
     */
    public Map<String, String> sslClientProperties() {
        TestCertificates certificates = tls();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", "SSL");
        properties.put("ssl.truststore.type", TestCertificates.STORE_TYPE);
        properties.put("ssl.truststore.location", certificates.truststore().toString());
        properties.put("ssl.truststore.password", certificates.password());
        return Map.copyOf(properties);
    }

    /**
     * The client properties that log {@code user} in on the SASL_PLAINTEXT listener with {@code mechanism}
     * ({@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}): {@code security.protocol},
     * {@code sasl.mechanism} and {@code sasl.jaas.config}. Without {@code bootstrap.servers}.
     *
     * @throws IllegalArgumentException if the user or mechanism is unknown to this cluster
     * @throws IllegalStateException if the cluster has no SASL listener
     */
    public Map<String, String> saslClientProperties(String mechanism, String user) {
        if (!spec.saslListener()) {
            throw new IllegalStateException("this cluster has no SASL listener: build it with saslPlainListener(...)");
        }
        SaslMechanisms.requireKnown(mechanism);
        String password = spec.saslUsers().get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SASL user " + user + " in " + spec.saslUsers().keySet());
        }
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", mechanism,
                "sasl.jaas.config", SaslMechanisms.clientJaas(mechanism, user, password));
    }

    /**
     * The certificates of the SSL listener: CA, server and client certificate as PEM and PKCS12 files.
     *
     * @throws IllegalStateException if the cluster has no SSL listener
     */
    public TestCertificates tls() {
        if (tls == null) {
            throw new IllegalStateException("this cluster has no SSL listener: build it with sslListener(true)");
        }
        return tls;
    }

    /** The node ids, {@code 1..N}. */
    public List<Integer> nodeIds() {
        return List.copyOf(nodes.keySet());
    }

    /** The PLAINTEXT client port of a node. */
    public int clientPort(int nodeId) {
        return node(nodeId).node().clientPort();
    }

    /** The CONTROLLER (KRaft quorum) port of a node. */
    public int controllerPort(int nodeId) {
        return node(nodeId).node().controllerPort();
    }

    /** The node's log: Kafka's log output, JVM errors, and a marker line per start. */
    public Path logFile(int nodeId) {
        return node(nodeId).node().logFile();
    }

    /** The cluster directory holding every node's files and the certificates. */
    public Path directory() {
        return directory;
    }

    /** The KRaft cluster id the storage was formatted with. */
    public String clusterId() {
        return clusterId;
    }

    /**
     * Kills every node (SIGKILL: the data is thrown away, a graceful shutdown would only cost time) and
     * deletes the cluster directory unless {@value #KEEP_DATA_PROPERTY} is {@code true}. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        nodes.values().forEach(KafkaNodeProcess::kill);
        if (Boolean.getBoolean(KEEP_DATA_PROPERTY)) {
            LOG.info("Kafka cluster files kept in {}", directory);
        } else {
            ClusterDirectory.delete(directory);
        }
    }

    private void formatOnce() {
        if (formatted) {
            return;
        }
        for (KafkaNodeProcess node : nodes.values()) {
            if (!StorageFormatter.isFormatted(node.node())) {
                StorageFormatter.format(node.node(), clusterId, spec.features(), spec.saslUsers());
            }
        }
        formatted = true;
    }

    private KafkaNodeProcess node(int nodeId) {
        KafkaNodeProcess node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no node " + nodeId + "; node ids are " + nodes.keySet());
        }
        return node;
    }

    private String joinPorts(Function<NodeConfig, OptionalInt> port, String listener) {
        return nodes.values().stream()
                .map(n -> port.apply(n.node()).orElseThrow(() ->
                        new IllegalStateException("this cluster has no " + listener + " listener")))
                .map(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(","));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
    }

    /**
     * Configures a {@link KafkaCluster}. Defaults: one node, PLAINTEXT only, 384 MB heap per node, free
     * ports, 90 s start timeout, the current JVM's classpath.
     */
    public static final class Builder {

        private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]?");

        private int brokers = 1;
        private boolean sslListener;
        private Map<String, String> saslUsers = Map.of();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private final Map<String, Short> features = new LinkedHashMap<>();
        private String heap = "384m";
        private final List<String> jvmOptions = new ArrayList<>();
        private IntUnaryOperator clientPorts;
        private Duration startTimeout = Duration.ofSeconds(90);
        private String classpath = System.getProperty("java.class.path");

        private Builder() {
        }

        /** The number of nodes, each broker and controller; node ids are {@code 1..count}. Default 1. */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a cluster needs at least one node: " + count);
            }
            this.brokers = count;
            return this;
        }

        /**
         * Adds a client listener named {@code SSL} whose certificate, for {@code localhost} and
         * {@code 127.0.0.1}, a generated test CA signs; see {@link KafkaCluster#tls()} and
         * {@link KafkaCluster#sslClientProperties()}. Default false.
         */
        public Builder sslListener(boolean enabled) {
            this.sslListener = enabled;
            return this;
        }

        /**
         * Adds a client listener named {@code SASL_PLAINTEXT} accepting these users with SASL/PLAIN (users in
         * the listener's JAAS config) and with SCRAM-SHA-256 and SCRAM-SHA-512 (credentials written into the
         * cluster metadata when storage is formatted).
         *
         * @param users user name to password; names from {@code [A-Za-z0-9._-]}, passwords without
         *        whitespace or any of {@code ",;\[]=}
         */
        public Builder saslPlainListener(Map<String, String> users) {
            SaslMechanisms.validate(users);
            this.saslUsers = Map.copyOf(users);
            return this;
        }

        /** An extra {@code server.properties} entry for every node; overrides what the cluster sets itself. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /**
         * A feature level for storage format ({@code --feature name=level}). Without it a feature gets the
         * default of the latest production metadata version; in Kafka 4.4 that already includes
         * {@code share.version=2}.
         */
        public Builder feature(String name, short level) {
            features.put(Objects.requireNonNull(name), level);
            return this;
        }

        /** Initial and maximum heap of each node's JVM, in {@code -Xmx} syntax. Default {@code 384m}. */
        public Builder heap(String size) {
            if (!HEAP_SIZE.matcher(size).matches()) {
                throw new IllegalArgumentException("heap size must look like 384m or 1g: " + size);
            }
            this.heap = size;
            return this;
        }

        /** An extra option for each node's JVM, e.g. {@code -XX:+AlwaysPreTouch}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option));
            return this;
        }

        /**
         * Fixed PLAINTEXT client ports, as a function of the node id. Default: free ports chosen at
         * {@link #build()}. The other listeners always get free ports.
         */
        public Builder clientPort(IntUnaryOperator portOfNode) {
            this.clientPorts = Objects.requireNonNull(portOfNode);
            return this;
        }

        /** How long {@link KafkaCluster#start()} and {@link KafkaCluster#startNode} wait. Default 90 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * The classpath of the node JVMs; it must hold {@code kafka_2.13} and its dependencies and an SLF4J
         * binding. Default: this JVM's {@code java.class.path}.
         */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath);
            return this;
        }

        /**
         * Chooses ports, creates the cluster directory and writes each node's configuration (and the
         * certificates, with an SSL listener). Starts nothing: see {@link KafkaCluster#start()}.
         */
        public KafkaCluster build() {
            ClusterSpec spec = new ClusterSpec(brokers, sslListener, saslUsers, brokerProperties, features, heap,
                    jvmOptions, startTimeout, classpath);
            Path directory = null;
            try {
                directory = ClusterDirectory.create();
                TestCertificates tls = sslListener ? TestCertificates.generate(directory.resolve("tls")) : null;
                List<NodeConfig> nodeConfigs = nodeConfigs(directory);
                Map<Integer, KafkaNodeProcess> processes = new TreeMap<>();
                String clusterName = directory.getFileName().toString();
                for (NodeConfig node : nodeConfigs) {
                    Files.createDirectories(node.dataDirectory());
                    SortedMap<String, String> properties =
                            ServerPropertiesWriter.properties(spec, node, nodeConfigs, tls);
                    ServerPropertiesWriter.write(node.propertiesFile(), properties);
                    NodeLogbackConfig.write(node.logbackFile());
                    processes.put(node.nodeId(), new KafkaNodeProcess(
                            node, clusterName, spec.heap(), spec.jvmOptions(), spec.classpath()));
                }
                return new KafkaCluster(spec, directory, tls, processes);
            } catch (IOException e) {
                if (directory != null) {
                    ClusterDirectory.delete(directory);
                }
                throw new UncheckedIOException("cannot set up the Kafka cluster directory", e);
            }
        }

        private List<NodeConfig> nodeConfigs(Path directory) {
            Set<Integer> fixedClientPorts = new HashSet<>();
            if (clientPorts != null) {
                for (int id = 1; id <= brokers; id++) {
                    int port = clientPorts.applyAsInt(id);
                    if (port < 1 || port > 65_535 || !fixedClientPorts.add(port)) {
                        throw new IllegalArgumentException("client port of node " + id + " is invalid or repeated: " + port);
                    }
                }
            }
            List<NodeConfig> configs = new ArrayList<>();
            for (int id = 1; id <= brokers; id++) {
                int clientPort = clientPorts != null ? clientPorts.applyAsInt(id) : freePort(fixedClientPorts);
                int controllerPort = freePort(fixedClientPorts);
                OptionalInt sslPort = sslListener ? OptionalInt.of(freePort(fixedClientPorts)) : OptionalInt.empty();
                OptionalInt saslPort = saslUsers.isEmpty()
                        ? OptionalInt.empty() : OptionalInt.of(freePort(fixedClientPorts));
                configs.add(new NodeConfig(id, directory.resolve("node-" + id), clientPort, controllerPort,
                        sslPort, saslPort));
            }
            return configs;
        }

        /** A free port that none of the fixed client ports (free or not yet) collides with. */
        private static int freePort(Set<Integer> fixedClientPorts) {
            while (true) {
                int port = FreePorts.allocate(1)[0];
                if (!fixedClientPorts.contains(port)) {
                    return port;
                }
            }
        }
    }
}
