package io.streamgate.it;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.api.Scope;
import io.streamgate.core.auth.AuthenticationConfig;
import io.streamgate.core.auth.AuthenticationEvent;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.chain.TestPlugins;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Clients authenticating to the gateway itself (gateway-managed SASL on a SASL_PLAINTEXT listener), with the real
 * Java client and, for what the Java client never sends, hand-made requests: only ApiVersions and SASL before
 * authentication, a small frame limit and a timeout until then, refusals counted, audited and slowed down, sessions
 * that expire and are renewed (KIP-368), and no secret in logs or metrics.
 */
class ClientAuthenticationIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    static final String ALICE_PASSWORD = "alice-Secret-4711";
    static final String BOB_PASSWORD = "bob-Secret-0815";
    static final String WRONG_PASSWORD = "not-Alices-Password-9931";

    static GatewayExtension saslGateway(RecordingAudit audit, UnaryOperator<AuthenticationConfig> authentication) {
        TestIdentities identities = new TestIdentities(
                Map.of("alice", ALICE_PASSWORD, "bob", BOB_PASSWORD, "temp", "temp-Token-77", "old", "old-Token-12"),
                Map.of("temp", Instant.now().plus(Duration.ofMinutes(5)), "old", Instant.now().minusSeconds(60)),
                Map.of("alice", Set.of("payments")));
        return GatewayExtension.inFrontOf(KAFKA)
                .configure(c -> c.withListener(c.listener().withSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .withAuthentication(authentication.apply(c.listener().authentication()))))
                .security(() -> new GatewaySecurity(identities, audit));
    }

    static Map<String, Object> sasl(String mechanism, String user, String password) {
        String module = "PLAIN".equals(mechanism) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", mechanism,
                "sasl.jaas.config", module + " required username=\"" + user + "\" password=\"" + password + "\";");
    }

    static double count(SimpleMeterRegistry meters, String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    static void roundTrip(KafkaClients clients, String topic, int records) throws Exception {
        Records.createTopic(clients.admin(), topic, 1);
        KafkaProducer<String, String> producer = clients.producer();
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
        }
        KafkaConsumer<String, String> consumer = clients.consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        assertThat(consume(consumer, records, Duration.ofSeconds(30))).hasSize(records);
    }

    @Nested
    class GatewayManaged {

        static final RecordingAudit AUDIT = new RecordingAudit();

        @RegisterExtension
        static final GatewayExtension GATEWAY = saslGateway(AUDIT, a -> a
                .withSaslMechanisms(List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"))
                .withAuthenticationTimeout(Duration.ofSeconds(2)));

        @BeforeEach
        void clearRecorded() {
            TestPlugins.RECORDED.clear();
        }

        @AfterEach
        void removeInterceptors() {
            GATEWAY.gateway().interceptors().replaceAll(List.of());
        }

        @Test
        void runsConnectionHooksOnceAuthenticatedAndRenamesTheClientAfterItsPrincipal() throws Exception {
            GATEWAY.gateway().interceptors().put(new InterceptorDefinition("watcher", "test-connection-decider", 100,
                    Scope.GLOBAL, Map.of("label", "watcher"), null));
            GATEWAY.gateway().interceptors().put(new InterceptorDefinition("client-ids", "client-id-policy", 200,
                    Scope.GLOBAL, Map.of("pattern", "app-.+", "action", "OVERRIDE", "override",
                            "{{user}}-{{clientId}}"), null));
            String topic = unique("renamed");
            String group = unique("renamed");
            try (KafkaClients direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
                 KafkaClients alice = new KafkaClients(GATEWAY.bootstrapServers(), sasl("PLAIN", "alice",
                         ALICE_PASSWORD))) {
                Records.createTopic(direct.admin(), topic, 1);
                direct.producer().send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
                KafkaConsumer<String, String> consumer = alice.consumer(group,
                        Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "anything"));
                consumer.subscribe(List.of(topic));
                assertThat(consume(consumer, 1, Duration.ofSeconds(30))).hasSize(1);

                assertThat(direct.admin().describeConsumerGroups(List.of(group)).describedGroups().get(group)
                        .get(30, TimeUnit.SECONDS).members()).singleElement()
                        .extracting(MemberDescription::clientId).isEqualTo("alice-anything");
            }
            // not before authentication (the client's first ApiVersions, its SASL requests), but on the ApiVersions
            // the Java client sends again once authenticated
            assertThat(TestPlugins.RECORDED).isNotEmpty().containsOnly("watcher:anything:ApiVersions:alice");
        }

        @Test
        void producesAndConsumesAfterPlainAuthenticationAsTheProvedPrincipal() throws Exception {
            GATEWAY.gateway().interceptors().put(new InterceptorDefinition("who", "test-principal-recorder", 100,
                    Scope.username("alice"), Map.of("label", "alice-only"), null));
            try (KafkaClients alice = new KafkaClients(GATEWAY.bootstrapServers(), sasl("PLAIN", "alice",
                    ALICE_PASSWORD)); KafkaClients bob = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("PLAIN", "bob", BOB_PASSWORD))) {
                roundTrip(alice, unique("plain"), 5);
                bob.producer().send(new ProducerRecord<>(unique("bob"), "k", "v")).get(30, TimeUnit.SECONDS);
            }

            // the interceptor scoped to alice saw alice's requests only, with her service account and groups
            assertThat(TestPlugins.RECORDED).hasSize(5).containsOnly("alice-only:alice:alice:payments");
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.succeeded()).isTrue();
                assertThat(event.principal()).isEqualTo("alice");
                assertThat(event.mechanism()).isEqualTo("PLAIN");
                assertThat(event.listener()).isEqualTo("default");
            });
            assertThat(count(GATEWAY.meters(), "streamgate.authentications", "mechanism", "PLAIN", "outcome",
                    "success", "reason", "none")).isGreaterThanOrEqualTo(2);
        }

        @Test
        void producesAndConsumesAfterScramSha256Authentication() throws Exception {
            try (KafkaClients bob = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("SCRAM-SHA-256", "bob", BOB_PASSWORD))) {
                roundTrip(bob, unique("scram256"), 3);
            }
            assertThat(count(GATEWAY.meters(), "streamgate.authentications", "mechanism", "SCRAM-SHA-256",
                    "outcome", "success")).isGreaterThanOrEqualTo(1);
        }

        @Test
        void producesAndConsumesAfterScramSha512Authentication() throws Exception {
            try (KafkaClients alice = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("SCRAM-SHA-512", "alice", ALICE_PASSWORD))) {
                roundTrip(alice, unique("scram512"), 3);
            }
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.mechanism()).isEqualTo("SCRAM-SHA-512");
                assertThat(event.principal()).isEqualTo("alice");
                assertThat(event.succeeded()).isTrue();
            });
        }

        @Test
        void refusesAWrongPlainPasswordWithAnAuthenticationErrorCountedAndAudited() {
            double before = count(GATEWAY.meters(), "streamgate.authentications", "mechanism", "PLAIN",
                    "outcome", "failure", "reason", "invalid_credentials");
            try (KafkaClients wrong = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("PLAIN", "alice", WRONG_PASSWORD))) {
                assertThatThrownBy(() -> wrong.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause()
                        .isInstanceOf(SaslAuthenticationException.class)
                        .hasMessageContaining("invalid credentials")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(WRONG_PASSWORD));
            }
            assertThat(count(GATEWAY.meters(), "streamgate.authentications", "mechanism", "PLAIN", "outcome",
                    "failure", "reason", "invalid_credentials")).isGreaterThan(before);
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.succeeded()).isFalse();
                assertThat(event.principal()).isEqualTo("alice");
                assertThat(event.reason()).isEqualTo("wrong password");
            });
        }

        @Test
        void refusesAnExpiredTokenWithTheReasonInTheAudit() {
            try (KafkaClients expired = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("PLAIN", "old", "old-Token-12"))) {
                assertThatThrownBy(() -> expired.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .cause().isInstanceOf(SaslAuthenticationException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("old-Token-12"));
            }
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.principal()).isEqualTo("old");
                assertThat(event.succeeded()).isFalse();
                assertThat(event.reason()).isEqualTo("token expired");
            });
        }

        @Test
        void refusesAWrongScramPassword() {
            try (KafkaClients wrong = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("SCRAM-SHA-512", "bob", WRONG_PASSWORD))) {
                assertThatThrownBy(() -> wrong.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .cause().isInstanceOf(SaslAuthenticationException.class);
            }
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.mechanism()).isEqualTo("SCRAM-SHA-512");
                assertThat(event.succeeded()).isFalse();
                assertThat(event.reason()).isEqualTo("invalid SCRAM proof");
            });
        }

        @Test
        void answersApiVersionsBeforeAuthenticationOfferingTheSaslApis() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                ApiVersionsResponseData versions = (ApiVersionsResponseData) new SaslRawClient(raw).exchange(
                        new ApiVersionsRequestData().setClientSoftwareName("raw").setClientSoftwareVersion("1"),
                        (short) 3);
                assertThat(versions.errorCode()).isZero();
                assertThat(versions.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id)).isNotNull();
                assertThat(versions.apiKeys().find(ApiKeys.SASL_AUTHENTICATE.id).maxVersion()).isEqualTo((short) 2);
            }
        }

        @Test
        void closesTheConnectionOnAnyOtherRequestBeforeAuthentication() throws Exception {
            double before = count(GATEWAY.meters(), "streamgate.authentication.closes", "reason",
                    "unauthenticated_request");
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                raw.send(new MetadataRequestData().setTopics(null), (short) 12, 1);
                assertThat(raw.closedByPeer()).isTrue();
            }
            assertThat(count(GATEWAY.meters(), "streamgate.authentication.closes", "reason",
                    "unauthenticated_request")).isEqualTo(before + 1);
        }

        @Test
        void refusesAnUnsupportedMechanismNamingTheEnabledOnes() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                SaslHandshakeResponseData response = new SaslRawClient(raw).handshake("GSSAPI");
                assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.UNSUPPORTED_SASL_MECHANISM);
                assertThat(response.mechanisms()).containsExactly("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
                assertThat(raw.closedByPeer()).isTrue();
            }
        }

        @Test
        void closesAConnectionSendingALargeFrameBeforeAuthentication() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                ByteBuffer header = ByteBuffer.allocate(12).putInt(AuthenticationConfig
                        .DEFAULT_MAX_UNAUTHENTICATED_FRAME_BYTES + 1).putShort(ApiKeys.PRODUCE.id).putShort((short) 9)
                        .putInt(1);
                raw.send(header.array());
                assertThat(raw.closedByPeer()).isTrue();
            }
        }

        @Test
        void acceptsLargeFramesOnceAuthenticated() throws Exception {
            String topic = unique("large");
            try (KafkaClients alice = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("PLAIN", "alice", ALICE_PASSWORD))) {
                Records.createTopic(alice.admin(), topic, 1);
                String value = "x".repeat(900 * 1024);
                alice.producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024))
                        .send(new ProducerRecord<>(topic, "k", value)).get(30, TimeUnit.SECONDS);
                KafkaConsumer<String, String> consumer = alice.consumer(unique("group"));
                consumer.subscribe(List.of(topic));
                List<ConsumerRecord<String, String>> received = consume(consumer, 1, Duration.ofSeconds(30));
                assertThat(received.get(0).value()).hasSize(900 * 1024);
            }
        }

        @Test
        void closesAConnectionThatDoesNotAuthenticateInTime() throws Exception {
            double before = count(GATEWAY.meters(), "streamgate.authentication.closes", "reason", "timeout");
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                long started = System.nanoTime();
                new SaslRawClient(raw).handshake("PLAIN"); // started, never finished
                assertThat(raw.closedByPeer()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
            }
            assertThat(count(GATEWAY.meters(), "streamgate.authentication.closes", "reason", "timeout"))
                    .isEqualTo(before + 1);
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.succeeded()).isFalse();
                assertThat(event.reason()).startsWith("not authenticated within");
            });
        }

        @Test
        void limitsTheSessionToTheTokensValidityAndLeavesOtherSessionsUnlimited() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                SaslAuthenticateResponseData done = new SaslRawClient(raw).plain("temp", "temp-Token-77");
                assertThat(done.errorCode()).isZero();
                assertThat(done.sessionLifetimeMs()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
            }
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                assertThat(new SaslRawClient(raw).plain("alice", ALICE_PASSWORD).sessionLifetimeMs()).isZero();
            }
        }

        @Test
        void answersAReauthenticationAfterTheResponsesOwedBeforeIt() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                assertThat(new SaslRawClient(raw).plain("alice", ALICE_PASSWORD).errorCode()).isZero();
                // pipelined: the broker answers the Metadata, the gateway the handshake; the order must hold
                raw.send(new MetadataRequestData().setTopics(null), (short) 12, 100);
                raw.send(new SaslHandshakeRequestData().setMechanism("PLAIN"), (short) 1, 101);
                assertThat(raw.receive().getInt()).isEqualTo(100);
                assertThat(raw.receive().getInt()).isEqualTo(101);
            }
        }

        @Test
        void refusesReauthenticationAsAnotherPrincipal() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                SaslRawClient client = new SaslRawClient(raw);
                assertThat(client.plain("alice", ALICE_PASSWORD).errorCode()).isZero();
                MetadataResponseData metadata = (MetadataResponseData) client.exchange(
                        new MetadataRequestData().setTopics(null), (short) 12);
                assertThat(metadata.brokers()).isNotEmpty();

                SaslAuthenticateResponseData again = client.plain("bob", BOB_PASSWORD);
                assertThat(Errors.forCode(again.errorCode())).isEqualTo(Errors.SASL_AUTHENTICATION_FAILED);
                assertThat(raw.closedByPeer()).isTrue();
            }
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.principal()).isEqualTo("bob");
                assertThat(event.succeeded()).isFalse();
                assertThat(event.reason()).contains("another principal");
            });
        }

        @Test
        void neverLogsNorCountsPasswords() throws Exception {
            ch.qos.logback.classic.Logger streamgate = (ch.qos.logback.classic.Logger) LoggerFactory
                    .getLogger("io.streamgate");
            ch.qos.logback.classic.Logger kafkaSecurity = (ch.qos.logback.classic.Logger) LoggerFactory
                    .getLogger("org.apache.kafka.common.security");
            Level streamgateLevel = streamgate.getLevel();
            Level kafkaLevel = kafkaSecurity.getLevel();
            streamgate.setLevel(Level.DEBUG);
            kafkaSecurity.setLevel(Level.DEBUG);
            List<String> logged;
            try (LogCapture logs = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
                try (KafkaClients wrong = new KafkaClients(GATEWAY.bootstrapServers(),
                        sasl("PLAIN", "alice", WRONG_PASSWORD)); KafkaClients wrongScram = new KafkaClients(
                        GATEWAY.bootstrapServers(), sasl("SCRAM-SHA-256", "alice", WRONG_PASSWORD));
                     KafkaClients right = new KafkaClients(GATEWAY.bootstrapServers(),
                             sasl("PLAIN", "alice", ALICE_PASSWORD))) {
                    assertThatThrownBy(() -> wrong.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                            .cause().isInstanceOf(SaslAuthenticationException.class);
                    assertThatThrownBy(() -> wrongScram.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                            .cause().isInstanceOf(SaslAuthenticationException.class);
                    assertThat(right.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS)).isNotEmpty();
                }
                logged = logs.messagesWithThrowables();
            } finally {
                streamgate.setLevel(streamgateLevel);
                kafkaSecurity.setLevel(kafkaLevel);
            }

            assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(WRONG_PASSWORD)
                    || line.contains(ALICE_PASSWORD));
            List<String> tagValues = new ArrayList<>();
            for (Meter meter : GATEWAY.meters().getMeters()) {
                meter.getId().getTags().stream().map(Tag::getValue).forEach(tagValues::add);
            }
            assertThat(tagValues).noneMatch(value -> value.contains(WRONG_PASSWORD) || value.contains(ALICE_PASSWORD));
            assertThat(AUDIT.events()).extracting(AuthenticationEvent::toString)
                    .noneMatch(text -> text.contains(WRONG_PASSWORD) || text.contains(ALICE_PASSWORD));
        }
    }

    /** A gateway of its own, so that no other test's failures or successes change the delays. */
    @Nested
    class RepeatedFailures {

        @RegisterExtension
        static final GatewayExtension GATEWAY = saslGateway(new RecordingAudit(), a -> a);

        @Test
        void slowsDownRepeatedFailuresFromOneAddress() throws Exception {
            List<Long> answeredAfterMillis = new ArrayList<>();
            for (int attempt = 0; attempt < 4; attempt++) {
                try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                    SaslRawClient client = new SaslRawClient(raw);
                    client.handshake("PLAIN");
                    long started = System.nanoTime();
                    SaslAuthenticateResponseData refused = client.authenticate(
                            SaslRawClient.plainMessage("alice", WRONG_PASSWORD));
                    answeredAfterMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    assertThat(Errors.forCode(refused.errorCode())).isEqualTo(Errors.SASL_AUTHENTICATION_FAILED);
                    assertThat(refused.errorMessage()).doesNotContain(WRONG_PASSWORD);
                    assertThat(raw.closedByPeer()).isTrue();
                }
            }
            // 100, 200, 400, 800 ms: each failure waits twice as long as the one before
            assertThat(answeredAfterMillis.get(0)).isBetween(90L, 700L);
            assertThat(answeredAfterMillis.get(3)).isGreaterThanOrEqualTo(790L);
            assertThat(answeredAfterMillis.get(3)).isGreaterThan(answeredAfterMillis.get(0) + 400);
        }
    }

    @Nested
    class ShortSessions {

        static final RecordingAudit AUDIT = new RecordingAudit();

        @RegisterExtension
        static final GatewayExtension GATEWAY = saslGateway(AUDIT, a -> a
                .withMaxSessionLifetime(Duration.ofSeconds(3)));

        @Test
        void producesAndConsumesWhileReauthenticatingTransparently() throws Exception {
            String topic = unique("reauth");
            double expiredBefore = count(GATEWAY.meters(), "streamgate.authentication.closes", "reason",
                    "session_expired");
            try (KafkaClients alice = new KafkaClients(GATEWAY.bootstrapServers(),
                    sasl("SCRAM-SHA-512", "alice", ALICE_PASSWORD))) {
                Records.createTopic(alice.admin(), topic, 1);
                KafkaProducer<String, String> producer = alice.producer();
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                int sent = 0;
                while (System.nanoTime() < end) {
                    producer.send(new ProducerRecord<>(topic, "k" + sent, "v" + sent)).get(30, TimeUnit.SECONDS);
                    sent++;
                    Thread.sleep(100);
                }
                KafkaConsumer<String, String> consumer = alice.consumer(unique("group"));
                consumer.subscribe(List.of(topic));
                List<ConsumerRecord<String, String>> received = consume(consumer, sent, Duration.ofSeconds(30));
                assertThat(received).hasSize(sent);
                Map<String, String> values = new HashMap<>();
                received.forEach(r -> values.put(r.key(), r.value()));
                assertThat(values).containsEntry("k0", "v0").containsEntry("k" + (sent - 1), "v" + (sent - 1));
            }
            assertThat(count(GATEWAY.meters(), "streamgate.authentications", "phase", "reauthentication",
                    "outcome", "success")).isGreaterThanOrEqualTo(2);
            assertThat(count(GATEWAY.meters(), "streamgate.authentication.closes", "reason", "session_expired"))
                    .isEqualTo(expiredBefore);
        }

        @Test
        void tellsTheClientItsSessionLifetime() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                SaslAuthenticateResponseData done = new SaslRawClient(raw).plain("alice", ALICE_PASSWORD);
                assertThat(done.sessionLifetimeMs()).isEqualTo(3000);
            }
        }

        @Test
        void authenticatesAClientOfSaslAuthenticateVersionZeroWhichHasNoSessionLifetime() throws Exception {
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                SaslRawClient client = new SaslRawClient(raw);
                client.handshake("PLAIN");
                SaslAuthenticateResponseData done = client.authenticate(
                        SaslRawClient.plainMessage("alice", ALICE_PASSWORD), (short) 0);
                assertThat(done.errorCode()).isZero();
                assertThat(((MetadataResponseData) client.exchange(new MetadataRequestData().setTopics(null),
                        (short) 12)).brokers()).isNotEmpty();
            }
        }

        @Test
        void closesTheConnectionOnARequestAfterTheSessionExpired() throws Exception {
            double before = count(GATEWAY.meters(), "streamgate.authentication.closes", "reason", "session_expired");
            try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
                SaslRawClient client = new SaslRawClient(raw);
                assertThat(client.plain("alice", ALICE_PASSWORD).errorCode()).isZero();
                assertThat(((MetadataResponseData) client.exchange(new MetadataRequestData().setTopics(null),
                        (short) 12)).brokers()).isNotEmpty();
                Thread.sleep(3200);
                raw.send(new MetadataRequestData().setTopics(null), (short) 12, 99);
                assertThat(raw.closedByPeer()).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> count(GATEWAY.meters(),
                    "streamgate.authentication.closes", "reason", "session_expired") == before + 1);
        }
    }
}
