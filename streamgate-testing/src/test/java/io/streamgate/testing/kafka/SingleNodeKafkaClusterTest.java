package io.streamgate.testing.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SingleNodeKafkaClusterTest {

    private static KafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = KafkaCluster.builder()
                .feature("share.version", (short) 1)
                .build();
        cluster.start();
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void producesTenRecordsWithAcksAllAndConsumesThemBackInAGroup() throws Exception {
        Map<String, String> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
        List<String> values = RecordRoundTrip.values("single", 10);

        RecordRoundTrip.produce(client, "single-node-round-trip", values);

        assertThat(RecordRoundTrip.consumeInGroup(client, "single-node-round-trip", 10))
                .containsExactlyElementsOf(values);
    }

    @Test
    void describesItselfAsOneBrokerOnItsPlaintextPort() {
        assertThat(cluster.nodeIds()).containsExactly(1);
        assertThat(cluster.bootstrapServers()).isEqualTo("127.0.0.1:" + cluster.clientPort(1));
        assertThat(cluster.isRunning(1)).isTrue();
        assertThat(cluster.logFile(1)).exists();
        assertThat(cluster.directory().resolve("node-1/server.properties")).exists();
    }

    @Test
    void formatsStorageWithTheRequestedFeatureLevel() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            FeatureMetadata features = admin.describeFeatures().featureMetadata().get(10, TimeUnit.SECONDS);

            assertThat(features.finalizedFeatures().get("share.version").maxVersionLevel()).isEqualTo((short) 1);
        }
    }

    @Test
    void refusesSslDetailsWhenBuiltWithoutAnSslListener() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(cluster::sslBootstrapServers);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(cluster::tls);
        assertThat(Files.exists(cluster.directory().resolve("tls"))).isFalse();
    }
}
