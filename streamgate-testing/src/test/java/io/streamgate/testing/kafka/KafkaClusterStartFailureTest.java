package io.streamgate.testing.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaClusterStartFailureTest {

    @Test
    void failsWithTheNodeLogWhenTheNodeCannotBindItsFixedClientPort() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             KafkaCluster cluster = KafkaCluster.builder()
                     .clientPort(nodeId -> occupied.getLocalPort())
                     .startTimeout(Duration.ofSeconds(45))
                     .build()) {

            KafkaClusterException failure = catchThrowableOfType(KafkaClusterException.class, cluster::start);

            assertThat(failure.getMessage())
                    .contains("node 1 exited")
                    .contains(cluster.logFile(1).toString())
                    .containsIgnoringCase("address already in use");
            assertThat(cluster.isRunning(1)).isFalse();
        }
    }

    @Test
    void refusesSaslPasswordsThatWouldNeedQuoting() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                KafkaCluster.builder().saslPlainListener(Map.of("alice", "has,comma")));
        assertThatIllegalArgumentException().isThrownBy(() ->
                KafkaCluster.builder().saslPlainListener(Map.of("al ice", "secret")));
    }
}
