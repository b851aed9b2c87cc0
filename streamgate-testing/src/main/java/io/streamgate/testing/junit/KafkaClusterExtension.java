package io.streamgate.testing.junit;

import io.streamgate.testing.kafka.KafkaCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A real Kafka cluster for a test class, started before its first test. Clusters are shared by name: every
 * test class that registers a cluster of the same name in one test run gets the same cluster, started once
 * and stopped when the run ends. Tests sharing a cluster use their own topics and groups.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared("three-brokers", b -> b.brokers(3));
 * }</pre>
 */
public final class KafkaClusterExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaClusterExtension.class);

    private final String name;
    private final UnaryOperator<KafkaCluster.Builder> spec;
    private volatile KafkaCluster cluster;

    private KafkaClusterExtension(String name, UnaryOperator<KafkaCluster.Builder> spec) {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** A cluster shared by every test class that asks for {@code name}; the first one's spec builds it. */
    public static KafkaClusterExtension shared(String name, UnaryOperator<KafkaCluster.Builder> spec) {
        return new KafkaClusterExtension(name, spec);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        cluster = store.getOrComputeIfAbsent(name, key -> {
            KafkaCluster started = spec.apply(KafkaCluster.builder()).build();
            started.start();
            return new SharedCluster(started);
        }, SharedCluster.class).cluster;
    }

    /** The running cluster; available from {@code @BeforeAll} on. */
    public KafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the Kafka cluster '" + name + "' is not started: register the extension "
                    + "on a static field with @RegisterExtension");
        }
        return cluster;
    }

    /** Closes the cluster when the test run ends: JUnit closes AutoCloseable values of the root store. */
    private record SharedCluster(KafkaCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
