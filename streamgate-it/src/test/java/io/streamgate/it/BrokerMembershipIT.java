package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker that leaves the cluster loses its gateway port after the removal delay; when it comes back, its
 * port (the same number, by the deterministic mapping) opens again.
 */
class BrokerMembershipIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA).configure(config -> config.withUpstream(
            config.upstream().withMetadataRefreshInterval(Duration.ofSeconds(1))
                    .withBrokerRemovalDelay(Duration.ofSeconds(2))));

    @Test
    void closesTheBrokersPortWhileItIsGoneAndReopensItWhenItReturns() {
        int port = GATEWAY.gateway().brokerPorts().get(3);

        KAFKA.cluster().stopNode(3);
        try {
            await("port closed").atMost(Duration.ofSeconds(60)).until(() -> !GATEWAY.gateway().brokerPorts()
                    .containsKey(3) && !accepts(port));
        } finally {
            KAFKA.cluster().startNode(3);
        }

        await("port reopened").atMost(Duration.ofSeconds(60)).until(() -> accepts(port));
        assertThat(GATEWAY.gateway().brokerPorts()).containsEntry(3, port);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
