package io.streamgate.core.auth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.core.auth.ClientAuthenticator.Admission;
import io.streamgate.core.auth.ClientAuthenticator.Step;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import io.streamgate.core.vcluster.VirtualClusterPlacement;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramSaslClient;
import org.apache.kafka.common.security.scram.ScramExtensionsCallback;
import org.junit.jupiter.api.Test;

import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAuthenticatorTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);

    private final ConcurrentLinkedQueue<AuthenticationEvent> audit = new ConcurrentLinkedQueue<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Instant tokenExpiry;

    private final IdentityDirectory directory = new IdentityDirectory() {
        @Override
        public Identity authenticatePlain(String username, String password) throws AuthenticationFailedException {
            if (!("alice".equals(username) && "alice-pw".equals(password)
                    || "bob".equals(username) && "bob-pw".equals(password))) {
                throw new AuthenticationFailedException("wrong password");
            }
            return resolve(username, Set.of());
        }

        @Override
        public Optional<Instant> plainCredentialExpiry(String password) {
            return Optional.ofNullable(tokenExpiry);
        }

        @Override
        public Optional<ScramCredential> scramCredential(String username, ScramMechanism mechanism) {
            try {
                return "alice".equals(username)
                        ? Optional.of(new ScramFormatter(mechanism).generateCredential("alice-pw", 4096))
                        : Optional.empty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Identity resolve(String principal, Set<String> externalGroups) {
            return new Identity(principal, Optional.of(principal), Set.of("team"));
        }
    };

    private ClientAuthenticator authenticator(AuthenticationConfig config) {
        return new ListenerAuthentication("external", true, config, new GatewaySecurity(directory, audit::add),
                new GatewayMetrics(meters), AuthenticationBackoff.defaults(),
                new VirtualClusterPlacement("external", null, false, VirtualClusterDirectory.EMPTY))
                .newConnection(CLIENT);
    }

    private ClientAuthenticator gatewayManaged(Duration maxSessionLifetime) {
        return authenticator(AuthenticationConfig.defaults().withMaxSessionLifetime(maxSessionLifetime));
    }

    private static byte[] plain(String user, String password) {
        return ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void admitsOnlyApiVersionsAndSaslBeforeAuthentication() {
        ClientAuthenticator authenticator = gatewayManaged(Duration.ZERO);
        assertThat(authenticator.admit(ApiKeys.API_VERSIONS, 0)).isEqualTo(Admission.PASS);
        assertThat(authenticator.admit(ApiKeys.SASL_HANDSHAKE, 0)).isEqualTo(Admission.ANSWER);
        assertThat(authenticator.admit(ApiKeys.SASL_AUTHENTICATE, 0)).isEqualTo(Admission.ANSWER);
        assertThat(authenticator.admit(ApiKeys.METADATA, 0)).isEqualTo(Admission.REFUSE_UNAUTHENTICATED);
        assertThat(authenticator.admit(ApiKeys.PRODUCE, 0)).isEqualTo(Admission.REFUSE_UNAUTHENTICATED);
    }

    @Test
    void authenticatesWithPlainAndAdmitsEverythingAfterwards() {
        ClientAuthenticator authenticator = gatewayManaged(Duration.ZERO);
        assertThat(authenticator.handshake("PLAIN")).isEqualTo(Errors.NONE);

        Step step = authenticator.authenticate(plain("alice", "alice-pw"), 1_000);

        assertThat(step).isInstanceOfSatisfying(Step.Authenticated.class, done -> {
            assertThat(done.identity().principal()).isEqualTo("alice");
            assertThat(done.sessionLifetimeMs()).isZero();
            assertThat(done.reauthentication()).isFalse();
        });
        assertThat(authenticator.admit(ApiKeys.PRODUCE, Long.MAX_VALUE - 1)).isEqualTo(Admission.PASS);
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.succeeded()).isTrue();
            assertThat(event.principal()).isEqualTo("alice");
            assertThat(event.clientAddress()).isEqualTo("127.0.0.1:40000");
        });
    }

    @Test
    void refusesAWrongPasswordWithoutNamingIt() {
        ClientAuthenticator authenticator = gatewayManaged(Duration.ZERO);
        authenticator.handshake("PLAIN");

        Step step = authenticator.authenticate(plain("alice", "guess-1234"), 0);

        assertThat(step).isInstanceOfSatisfying(Step.Refused.class, refused -> {
            assertThat(refused.error()).isEqualTo(Errors.SASL_AUTHENTICATION_FAILED);
            assertThat(refused.message()).doesNotContain("guess-1234").contains("PLAIN");
            assertThat(refused.delayMillis()).isEqualTo(100);
        });
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.succeeded()).isFalse();
            assertThat(event.reason()).isEqualTo("wrong password");
            assertThat(event.toString()).doesNotContain("guess-1234");
        });
        assertThat(meters.get("streamgate.authentications").tag("reason", "invalid_credentials").counter().count())
                .isEqualTo(1);
        assertThat(authenticator.authenticated()).isFalse();
    }

    @Test
    void authenticatesWithScramAgainstTheDirectorysSaltedCredential() throws Exception {
        ClientAuthenticator authenticator = gatewayManaged(Duration.ZERO);
        assertThat(authenticator.handshake("SCRAM-SHA-512")).isEqualTo(Errors.NONE);
        ScramSaslClient client = new ScramSaslClient(ScramMechanism.SCRAM_SHA_512, callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName("alice");
                } else if (callback instanceof PasswordCallback password) {
                    password.setPassword("alice-pw".toCharArray());
                } else if (callback instanceof ScramExtensionsCallback extensions) {
                    extensions.extensions(Map.of());
                }
            }
        });

        Step first = authenticator.authenticate(client.evaluateChallenge(new byte[0]), 0);
        byte[] serverFirst = ((Step.Challenge) first).challenge();
        Step last = authenticator.authenticate(client.evaluateChallenge(serverFirst), 0);

        assertThat(last).isInstanceOf(Step.Authenticated.class);
        Step.Authenticated done = (Step.Authenticated) last;
        client.evaluateChallenge(done.finalMessage()); // the client checks the server's signature
        assertThat(done.identity().principal()).isEqualTo("alice");
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void refusesAnUnsupportedMechanism() {
        ClientAuthenticator authenticator = authenticator(AuthenticationConfig.defaults()
                .withSaslMechanisms(List.of("SCRAM-SHA-512")));
        assertThat(authenticator.handshake("PLAIN")).isEqualTo(Errors.UNSUPPORTED_SASL_MECHANISM);
        assertThat(meters.get("streamgate.authentications").tag("reason", "unsupported_mechanism").counter().count())
                .isEqualTo(1);
    }

    @Test
    void refusesSaslAuthenticateBeforeSaslHandshake() {
        Step step = gatewayManaged(Duration.ZERO).authenticate(plain("alice", "alice-pw"), 0);
        assertThat(step).isInstanceOfSatisfying(Step.Refused.class,
                refused -> assertThat(refused.error()).isEqualTo(Errors.ILLEGAL_SASL_STATE));
    }

    @Test
    void endsTheSessionAtTheSmallerOfTheMaximumAndTheCredentialsExpiry() {
        ClientAuthenticator limitedByMaximum = gatewayManaged(Duration.ofSeconds(3));
        limitedByMaximum.handshake("PLAIN");
        Step.Authenticated done = (Step.Authenticated) limitedByMaximum.authenticate(plain("alice", "alice-pw"), 10_000);
        assertThat(done.sessionLifetimeMs()).isEqualTo(3_000);
        assertThat(limitedByMaximum.admit(ApiKeys.FETCH, 12_999)).isEqualTo(Admission.PASS);
        assertThat(limitedByMaximum.admit(ApiKeys.FETCH, 13_000)).isEqualTo(Admission.REFUSE_EXPIRED);
        assertThat(limitedByMaximum.admit(ApiKeys.SASL_HANDSHAKE, 13_000)).isEqualTo(Admission.ANSWER);

        tokenExpiry = Instant.ofEpochMilli(11_000);
        ClientAuthenticator limitedByToken = gatewayManaged(Duration.ofSeconds(3));
        limitedByToken.handshake("PLAIN");
        assertThat(((Step.Authenticated) limitedByToken.authenticate(plain("alice", "alice-pw"), 10_000))
                .sessionLifetimeMs()).isEqualTo(1_000);
    }

    @Test
    void reauthenticatesTheSamePrincipalAndRenewsTheSession() {
        ClientAuthenticator authenticator = gatewayManaged(Duration.ofSeconds(3));
        authenticator.handshake("PLAIN");
        authenticator.authenticate(plain("alice", "alice-pw"), 0);

        authenticator.handshake("PLAIN");
        Step again = authenticator.authenticate(plain("alice", "alice-pw"), 2_500);

        assertThat(again).isInstanceOfSatisfying(Step.Authenticated.class,
                done -> assertThat(done.reauthentication()).isTrue());
        assertThat(authenticator.admit(ApiKeys.FETCH, 5_000)).isEqualTo(Admission.PASS);
        assertThat(meters.get("streamgate.authentications").tag("phase", "reauthentication").counter().count())
                .isEqualTo(1);
    }

    @Test
    void refusesAReauthenticationAsAnotherPrincipalOrWithAnotherMechanism() {
        ClientAuthenticator authenticator = gatewayManaged(Duration.ZERO);
        authenticator.handshake("PLAIN");
        authenticator.authenticate(plain("alice", "alice-pw"), 0);

        authenticator.handshake("PLAIN");
        assertThat(authenticator.authenticate(plain("bob", "bob-pw"), 0)).isInstanceOfSatisfying(Step.Refused.class,
                refused -> assertThat(refused.error()).isEqualTo(Errors.SASL_AUTHENTICATION_FAILED));
        assertThat(authenticator.handshake("SCRAM-SHA-256")).isEqualTo(Errors.ILLEGAL_SASL_STATE);
        assertThat(meters.get("streamgate.authentications").tag("reason", "principal_changed").counters())
                .extracting(io.micrometer.core.instrument.Counter::count).containsExactlyInAnyOrder(1.0, 1.0);
    }

    @Test
    void learnsThePrincipalOfARelayedPlainExchangeFromTheBrokersAnswer() {
        ClientAuthenticator authenticator = authenticator(AuthenticationConfig.defaults()
                .withMode(AuthenticationMode.DELEGATED));
        assertThat(authenticator.admit(ApiKeys.SASL_HANDSHAKE, 0)).isEqualTo(Admission.RELAY);
        authenticator.relayedHandshake("PLAIN");
        authenticator.relayedAuthenticate(plain("carol", "carol-pw"));

        Identity identity = ((ClientAuthenticator.RelayedOutcome.Accepted) authenticator.relayedResult(
                Errors.NONE.code(), new byte[0], 0, 0)).identity();

        assertThat(identity.principal()).isEqualTo("carol");
        assertThat(identity.groups()).containsExactly("team");
        assertThat(authenticator.admit(ApiKeys.PRODUCE, 0)).isEqualTo(Admission.PASS);
        assertThat(audit).singleElement().satisfies(event -> assertThat(event.toString()).doesNotContain("carol-pw"));
    }

    @Test
    void waitsForTheBrokersSecondScramAnswerAndCountsItsRefusal() {
        ClientAuthenticator authenticator = authenticator(AuthenticationConfig.defaults()
                .withMode(AuthenticationMode.DELEGATED));
        authenticator.relayedHandshake("SCRAM-SHA-512");
        authenticator.relayedAuthenticate("n,,n=dave,r=abc123".getBytes(StandardCharsets.UTF_8));

        byte[] serverFirst = "r=abc123xyz,s=c2FsdA==,i=4096".getBytes(StandardCharsets.UTF_8);
        assertThat(authenticator.relayedResult(Errors.NONE.code(), serverFirst, 0, 0))
                .isInstanceOf(ClientAuthenticator.RelayedOutcome.Continuing.class);
        assertThat(authenticator.relayedResult(Errors.SASL_AUTHENTICATION_FAILED.code(), new byte[0], 0, 0))
                .isEqualTo(new ClientAuthenticator.RelayedOutcome.Refused(100, null));

        assertThat(authenticator.authenticated()).isFalse();
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.principal()).isEqualTo("dave");
            assertThat(event.succeeded()).isFalse();
        });
        assertThat(meters.get("streamgate.authentications").tag("reason", "broker_refused").counter().count())
                .isEqualTo(1);
    }
}
