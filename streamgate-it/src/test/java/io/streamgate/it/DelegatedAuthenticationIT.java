package io.streamgate.it;

import io.streamgate.api.Scope;
import io.streamgate.core.auth.AuthenticationMode;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.chain.TestPlugins;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.ClientAuthenticationIT.count;
import static io.streamgate.it.ClientAuthenticationIT.roundTrip;
import static io.streamgate.it.ClientAuthenticationIT.sasl;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delegated authentication: the client's SASL exchange is relayed to the broker's SASL listener on the client's own
 * upstream connection, the broker decides, and the gateway learns who the client is from the exchange.
 */
class DelegatedAuthenticationIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    static final RecordingAudit AUDIT = new RecordingAudit();

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA)
            .upstreamListener(cluster -> cluster.saslBootstrapServers(),
                    cluster -> cluster.saslClientProperties("PLAIN", "gateway"))
            .configure(c -> c.withListener(c.listener().withSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .withAuthentication(c.listener().authentication().withMode(AuthenticationMode.DELEGATED))))
            .security(() -> new GatewaySecurity(new TestIdentities(Map.of(), Map.of(),
                    Map.of("admin", Set.of("operators"))), AUDIT));

    static final String ADMIN_PASSWORD = ItCluster.SASL_USERS.get("admin");

    @BeforeEach
    void installRecorder() {
        TestPlugins.RECORDED.clear();
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("who", "test-principal-recorder", 100,
                Scope.GLOBAL, Map.of("label", "delegated"), null));
    }

    @AfterEach
    void removeRecorder() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
    }

    @Test
    void relaysPlainToTheBrokerAndLearnsThePrincipal() throws Exception {
        try (KafkaClients admin = new KafkaClients(GATEWAY.bootstrapServers(), sasl("PLAIN", "admin",
                ADMIN_PASSWORD))) {
            roundTrip(admin, unique("delegated-plain"), 3);
        }
        assertThat(TestPlugins.RECORDED).hasSize(3).containsOnly("delegated:admin:-:operators");
        assertThat(AUDIT.events()).anySatisfy(event -> {
            assertThat(event.mechanism()).isEqualTo("PLAIN");
            assertThat(event.principal()).isEqualTo("admin");
            assertThat(event.succeeded()).isTrue();
        });
    }

    @Test
    void relaysScramToTheBrokerAndLearnsThePrincipal() throws Exception {
        try (KafkaClients admin = new KafkaClients(GATEWAY.bootstrapServers(), sasl("SCRAM-SHA-512", "admin",
                ADMIN_PASSWORD))) {
            admin.producer().send(new ProducerRecord<>(unique("delegated-scram"), "k", "v")).get(30, TimeUnit.SECONDS);
        }
        assertThat(TestPlugins.RECORDED).containsOnly("delegated:admin:-:operators");
        assertThat(AUDIT.events()).anySatisfy(event -> {
            assertThat(event.mechanism()).isEqualTo("SCRAM-SHA-512");
            assertThat(event.principal()).isEqualTo("admin");
            assertThat(event.succeeded()).isTrue();
        });
    }

    @Test
    void passesTheBrokersRefusalOfAWrongPlainPasswordOnToTheClientWithoutLoggingIt() {
        double before = count(GATEWAY.meters(), "streamgate.authentications", "outcome", "failure", "reason",
                "broker_refused");
        List<String> logged;
        try (LogCapture logs = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME);
             KafkaClients wrong = new KafkaClients(GATEWAY.bootstrapServers(), sasl("PLAIN", "admin",
                     "wrong-Admin-Password"))) {
            assertThatThrownBy(() -> wrong.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SaslAuthenticationException.class);
            logged = logs.messagesWithThrowables();
        }
        assertThat(logged).noneMatch(line -> line.contains("wrong-Admin-Password"));
        assertThat(count(GATEWAY.meters(), "streamgate.authentications", "outcome", "failure", "reason",
                "broker_refused")).isGreaterThan(before);
        assertThat(AUDIT.events()).anySatisfy(event -> {
            assertThat(event.principal()).isEqualTo("admin");
            assertThat(event.succeeded()).isFalse();
            assertThat(event.reason()).contains("refused by the broker");
            assertThat(event.toString()).doesNotContain("wrong-Admin-Password");
        });
    }

    @Test
    void refusesAWrongScramPasswordAsTheBrokerDoes() {
        try (KafkaClients wrong = new KafkaClients(GATEWAY.bootstrapServers(), sasl("SCRAM-SHA-512", "admin",
                "wrong-Admin-Password"))) {
            assertThatThrownBy(() -> wrong.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SaslAuthenticationException.class);
        }
        assertThat(AUDIT.events()).anySatisfy(event -> {
            assertThat(event.mechanism()).isEqualTo("SCRAM-SHA-512");
            assertThat(event.succeeded()).isFalse();
        });
    }

    @Test
    void slowsDownTheBrokersRefusalsOfRepeatedFailuresFromOneAddress() throws Exception {
        List<Long> answeredAfterMillis = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                SaslRawClient client = new SaslRawClient(raw);
                assertThat(client.handshake("PLAIN").errorCode()).isZero();
                long started = System.nanoTime();
                SaslAuthenticateResponseData refused = client.authenticate(
                        SaslRawClient.plainMessage("admin", "wrong-Admin-Password"));
                answeredAfterMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                assertThat(Errors.forCode(refused.errorCode())).isEqualTo(Errors.SASL_AUTHENTICATION_FAILED);
                assertThat(raw.closedByPeer()).isTrue();
            }
        }
        // the broker's own delay, plus the gateway's, which doubles with each failure (compared from the second
        // attempt on: the first one also pays for a cold connection, seconds on a loaded machine)
        assertThat(answeredAfterMillis.get(3)).isGreaterThanOrEqualTo(800L)
                .isGreaterThan(answeredAfterMillis.get(1) + 400);
    }

    @Test
    void closesTheConnectionOnAnyOtherRequestBeforeAuthentication() throws Exception {
        try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            raw.send(new MetadataRequestData().setTopics(null), (short) 12, 1);
            assertThat(raw.closedByPeer()).isTrue();
        }
    }
}
