package io.streamgate.app.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** The server properties of the embedded single-node KRaft broker. */
final class BrokerProperties {

    static final int NODE_ID = 1;
    private static final String LOOPBACK = "127.0.0.1";

    private BrokerProperties() {
    }

    /**
     * @param logDir where Kafka keeps its metadata log, topics and records
     * @param ports the persisted client and controller ports
     */
    static Properties of(Path logDir, EmbeddedKafkaPorts ports) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // A static voter set (controller.quorum.voters, kraft.version 0, formatted without --standalone) rather
        // than a dynamic one (controller.quorum.bootstrap.servers + --standalone): with a static set the quorum
        // is defined by this configuration on every start, not by a voter record written into the log at format
        // time. A single node never changes membership, so a dynamic quorum buys nothing, and the static one
        // keeps working even if the persisted ports are deleted and new ones are chosen.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + ports.controller());
        p.setProperty("listeners",
                "PLAINTEXT://" + LOOPBACK + ":" + ports.broker() + ",CONTROLLER://" + LOOPBACK + ":" + ports.controller());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + ports.broker());
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());

        // One node: every internal topic must accept a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // Internal topics default to 50 partitions each, which makes the first consumer group, transaction or
        // share group wait while 50 partitions are created and loaded on one node; a development broker needs few.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.num.partitions", "5");

        // Convenience for a development broker: topics appear on first use, groups form without waiting.
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");

        // The heap is shared with the gateway: the log cleaner would otherwise allocate its 128 MiB dedupe
        // buffer up front. Compacted topics here are small (consumer offsets, Streamgate's own resources).
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return p;
    }
}
