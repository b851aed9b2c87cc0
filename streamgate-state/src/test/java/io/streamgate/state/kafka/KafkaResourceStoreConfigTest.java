package io.streamgate.state.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaResourceStoreConfigTest {

    @Test
    void defaultsToTheStreamgateResourcesTopicATenSecondWriteTimeoutAndAMinuteToStart() {
        KafkaResourceStoreConfig config = KafkaResourceStoreConfig.of(Map.of("bootstrap.servers", "k:9092"));

        assertThat(config.topic()).isEqualTo("_streamgate_resources");
        assertThat(config.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void needsBootstrapServers() {
        assertThatThrownBy(() -> KafkaResourceStoreConfig.of(Map.of("security.protocol", "SSL")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Kafka client properties need bootstrap.servers");
    }

    @Test
    void refusesATimeoutThatIsNotPositive() {
        KafkaResourceStoreConfig config = KafkaResourceStoreConfig.of(Map.of("bootstrap.servers", "k:9092"));

        assertThatThrownBy(() -> config.withWriteTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsOwnCopyOfTheClientProperties() {
        Map<String, Object> properties = new HashMap<>(Map.of("bootstrap.servers", "k:9092"));
        KafkaResourceStoreConfig config = KafkaResourceStoreConfig.of(properties, "t");

        properties.put("bootstrap.servers", "other:9092");

        assertThat(config.clientProperties()).containsEntry("bootstrap.servers", "k:9092");
    }
}
