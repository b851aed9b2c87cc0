package io.streamgate.testing.kafka;

import io.streamgate.testing.tls.TestCertificates;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a node's {@code server.properties}: a combined broker and controller in a static quorum, with
 * PLAINTEXT for clients and between brokers, CONTROLLER for the quorum, and optionally SSL and SASL_PLAINTEXT
 * client listeners.
 */
final class ServerPropertiesWriter {

    private static final String HOST = "127.0.0.1";

    private ServerPropertiesWriter() {
    }

    /**
     * The properties of {@code node}; the cluster's extra broker properties come last and override.
     *
     * @param tls the certificates of the SSL listener, {@code null} without one
     */
    static SortedMap<String, String> properties(ClusterSpec spec, NodeConfig node, List<NodeConfig> allNodes,
                                                TestCertificates tls) {
        SortedMap<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node.nodeId()));
        // A static voter set: every node knows the whole quorum up front, so all nodes format alike
        // (no --standalone) and start together.
        p.put("controller.quorum.voters", allNodes.stream()
                .map(n -> n.nodeId() + "@" + HOST + ":" + n.controllerPort())
                .collect(Collectors.joining(",")));
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");

        List<String> listeners = new ArrayList<>();
        List<String> advertised = new ArrayList<>();
        List<String> protocols = new ArrayList<>(List.of("PLAINTEXT:PLAINTEXT", "CONTROLLER:PLAINTEXT"));
        listeners.add("PLAINTEXT://" + HOST + ":" + node.clientPort());
        advertised.add("PLAINTEXT://" + HOST + ":" + node.clientPort());
        listeners.add("CONTROLLER://" + HOST + ":" + node.controllerPort());
        node.sslPort().ifPresent(port -> {
            listeners.add("SSL://" + HOST + ":" + port);
            advertised.add("SSL://" + HOST + ":" + port);
            protocols.add("SSL:SSL");
        });
        node.saslPort().ifPresent(port -> {
            listeners.add("SASL_PLAINTEXT://" + HOST + ":" + port);
            advertised.add("SASL_PLAINTEXT://" + HOST + ":" + port);
            protocols.add("SASL_PLAINTEXT:SASL_PLAINTEXT");
        });
        p.put("listeners", String.join(",", listeners));
        p.put("advertised.listeners", String.join(",", advertised));
        p.put("listener.security.protocol.map", String.join(",", protocols));

        p.put("log.dirs", node.dataDirectory().toAbsolutePath().toString());

        String replication = Integer.toString(spec.replicationFactor());
        String minIsr = Integer.toString(spec.internalTopicMinIsr());
        p.put("offsets.topic.replication.factor", replication);
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", replication);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("default.replication.factor", replication);
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        // Tests join groups constantly; the default 3 s delay would be added to every first join.
        p.put("group.initial.rebalance.delay.ms", "0");

        if (node.sslPort().isPresent()) {
            putSslListener(p, tls);
        }
        if (node.saslPort().isPresent()) {
            putSaslListener(p, spec.saslUsers());
        }
        p.putAll(spec.brokerProperties());
        return p;
    }

    private static void putSslListener(Map<String, String> p, TestCertificates tls) {
        String prefix = "listener.name.ssl.";
        p.put(prefix + "ssl.keystore.type", TestCertificates.STORE_TYPE);
        p.put(prefix + "ssl.keystore.location", tls.serverKeystore().toAbsolutePath().toString());
        p.put(prefix + "ssl.keystore.password", tls.password());
        p.put(prefix + "ssl.key.password", tls.password());
        // Trusting the test CA costs nothing while ssl.client.auth stays "none", and lets a test turn on
        // mutual TLS with one broker property.
        p.put(prefix + "ssl.truststore.type", TestCertificates.STORE_TYPE);
        p.put(prefix + "ssl.truststore.location", tls.truststore().toAbsolutePath().toString());
        p.put(prefix + "ssl.truststore.password", tls.password());
    }

    private static void putSaslListener(Map<String, String> p, Map<String, String> users) {
        String prefix = "listener.name.sasl_plaintext.";
        p.put(prefix + "sasl.enabled.mechanisms", String.join(",", SaslMechanisms.ALL));
        p.put(prefix + "plain.sasl.jaas.config", SaslMechanisms.plainServerJaas(users));
        for (String scram : SaslMechanisms.SCRAM) {
            p.put(prefix + scram.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    SaslMechanisms.scramServerJaas());
        }
    }

    /** Writes {@code properties} sorted, one per line, in the syntax {@link java.util.Properties#load} reads. */
    static void write(Path file, SortedMap<String, String> properties) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Written by io.streamgate.testing.kafka.KafkaCluster\n");
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                out.write(entry.getKey() + "=" + escape(entry.getValue()) + "\n");
            }
        }
    }

    /** Backslashes are escapes for Properties.load (Windows-style paths, regexes in values). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
