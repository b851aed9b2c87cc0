package io.streamgate.it.policy;

import io.micrometer.core.instrument.Counter;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidRequiredAcksException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.UnsupportedCompressionTypeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducePolicyIT {

    private static final ViolationRecorder AUDITED = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDITED.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private String topic;

    @BeforeEach
    void createTopic() {
        topic = unique("produce-policy");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        AUDITED.clear();
    }

    @AfterEach
    void removeInterceptors() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
    }

    @Test
    void refusesAcksOneWithInvalidRequiredAcksAndAcceptsAcksAll() throws Exception {
        install(Map.of("acks", Map.of("allowed", List.of(-1))));

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.CLIENT_ID_CONFIG, "acks-one")))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(InvalidRequiredAcksException.class)
                .hasMessage("acks 1 is not allowed, allowed are -1 (rule acks, interceptor produce-guard)");
        assertThat(send(Map.of(ProducerConfig.ACKS_CONFIG, "all")).offset()).isZero();

        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.interceptor()).isEqualTo("produce-guard");
            assertThat(event.plugin()).isEqualTo("produce-policy");
            assertThat(event.clientId()).isEqualTo("acks-one");
            assertThat(event.api()).isEqualToIgnoringCase("produce");
            assertThat(event.violation().rule()).isEqualTo("acks");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().topic()).isEqualTo(topic);
            assertThat(event.violation().value()).isEqualTo("1");
        });
        assertThat(violations("acks", "BLOCK")).isEqualTo(1.0);
    }

    @Test
    void refusesGzipWhenOnlyLz4AndZstdAreAllowed() throws Exception {
        install(Map.of("compression", Map.of("allowed", List.of("lz4", "zstd"))));

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip")))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(UnsupportedCompressionTypeException.class)
                .hasMessage("compression gzip is not allowed, allowed are lz4, zstd "
                        + "(rule compression, interceptor produce-guard)");
        assertThat(send(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")).offset()).isZero();
        assertThat(AUDITED.events()).extracting(event -> event.violation().value()).containsExactly("gzip");
    }

    @Test
    void refusesANonIdempotentProducerWhenIdempotenceIsRequired() throws Exception {
        install(Map.of("idempotence", Map.of()));

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false)))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("producer id -1: records must come from an idempotent producer (enable.idempotence=true) "
                        + "(rule idempotence, interceptor produce-guard)");
        assertThat(send(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)).offset()).isZero();
    }

    @Test
    void infoLetsTheProducerThroughAndReportsIt() throws Exception {
        install(Map.of("acks", Map.of("allowed", List.of(-1), "action", "INFO")));

        assertThat(send(Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false))
                .offset()).isZero();

        assertThat(AUDITED.events()).extracting(event -> event.violation().action()).containsExactly(PolicyAction.INFO);
        assertThat(violations("acks", "INFO")).isEqualTo(1.0);
    }

    private static void install(Map<String, Object> config) {
        Map<String, Object> scoped = new HashMap<>(config);
        scoped.put("topics", "produce-policy.*");
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("produce-guard", "produce-policy", 100,
                Scope.GLOBAL, scoped, null));
    }

    private RecordMetadata send(Map<String, Object> settings) throws Exception {
        try (KafkaProducer<String, String> producer = GATEWAY.clients().producer(settings)) {
            return producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
        }
    }

    private static double violations(String rule, String action) {
        Counter counter = GATEWAY.meters().find("streamgate.policy.violations").tag("interceptor", "produce-guard")
                .tag("rule", rule).tag("action", action).counter();
        return counter == null ? 0 : counter.count();
    }
}
