package io.streamgate.it;

import io.streamgate.api.Scope;
import io.streamgate.core.auth.AuthenticationEvent;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.chain.TestPlugins;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.security.auth.SaslExtensions;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.oauthbearer.internals.OAuthBearerClientInitialResponse;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.ClientAuthenticationIT.count;
import static io.streamgate.it.ClientAuthenticationIT.roundTrip;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OAUTHBEARER checked by the gateway: JWTs validated with Kafka's broker-side validator against a JWKS file, with the
 * principal from the subject claim and groups from a configured claim; expired and forged tokens refused.
 */
class OAuthBearerAuthenticationIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    static final String ISSUER = "https://issuer.streamgate.test";
    static final String AUDIENCE = "streamgate-it";
    static final RsaJsonWebKey ISSUER_KEY = newKey();
    static final RsaJsonWebKey FORGER_KEY = newKey();
    static final Path JWKS = writeJwks();
    static final RecordingAudit AUDIT = new RecordingAudit();

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA)
            .configure(c -> c.withListener(c.listener().withSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .withAuthentication(c.listener().authentication().withSaslMechanisms(List.of("OAUTHBEARER"))
                            .withOauthBearer(Map.of(
                                    "sasl.oauthbearer.jwks.endpoint.url", JWKS.toUri().toString(),
                                    "sasl.oauthbearer.expected.issuer", ISSUER,
                                    "sasl.oauthbearer.expected.audience", AUDIENCE,
                                    "sasl.oauthbearer.groups.claim.name", "groups")))))
            .security(() -> new GatewaySecurity(new TestIdentities(Map.of(), Map.of(), Map.of()), AUDIT));

    private static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("signing-key");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeJwks() {
        try {
            Path file = Files.createTempFile("streamgate-jwks", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, new JsonWebKeySet(ISSUER_KEY).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String jwt(RsaJsonWebKey key, String subject, Duration expiresIn, List<String> groups) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(expiresIn.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setStringListClaim("groups", groups);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    static Map<String, Object> oauthClient(String token, String subject, Duration expiresIn) {
        StaticTokenLoginHandler.TOKEN = new StaticTokenLoginHandler.Token(token, subject,
                System.currentTimeMillis() + expiresIn.toMillis());
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "OAUTHBEARER",
                "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
                "sasl.login.callback.handler.class", StaticTokenLoginHandler.class.getName());
    }

    /** A raw OAUTHBEARER exchange: the token, then, after an error challenge, the client's acknowledgement. */
    static SaslAuthenticateResponseData rawExchange(String token) throws Exception {
        try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            SaslRawClient client = new SaslRawClient(raw);
            assertThat(client.handshake("OAUTHBEARER").errorCode()).isZero();
            SaslAuthenticateResponseData first = client.authenticate(
                    new OAuthBearerClientInitialResponse(token, new SaslExtensions(Map.of())).toBytes());
            if (first.errorCode() != 0 || first.authBytes().length == 0) {
                return first;
            }
            assertThat(new String(first.authBytes(), StandardCharsets.UTF_8)).contains("invalid_token");
            return client.authenticate(new byte[] {1});
        }
    }

    @AfterEach
    void removeInterceptors() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
    }

    @Test
    void authenticatesAJavaClientWithAValidJwtAsItsSubjectWithTheGroupsOfItsClaim() throws Exception {
        TestPlugins.RECORDED.clear();
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("who", "test-principal-recorder", 100,
                Scope.group("analysts"), Map.of("label", "analysts"), null));
        String token = jwt(ISSUER_KEY, "svc-reporting", Duration.ofMinutes(10), List.of("analysts", "readers"));
        try (KafkaClients client = new KafkaClients(GATEWAY.bootstrapServers(),
                oauthClient(token, "svc-reporting", Duration.ofMinutes(10)))) {
            roundTrip(client, unique("oauth"), 2);
        }
        assertThat(TestPlugins.RECORDED).hasSize(2).containsOnly("analysts:svc-reporting:-:analysts,readers");
        assertThat(AUDIT.events()).anySatisfy(event -> {
            assertThat(event.mechanism()).isEqualTo("OAUTHBEARER");
            assertThat(event.principal()).isEqualTo("svc-reporting");
            assertThat(event.succeeded()).isTrue();
        });
    }

    @Test
    void endsTheSessionWhenTheTokenExpires() throws Exception {
        SaslAuthenticateResponseData done = rawExchange(jwt(ISSUER_KEY, "svc-short", Duration.ofSeconds(90),
                List.of()));
        assertThat(done.errorCode()).isZero();
        assertThat(done.sessionLifetimeMs()).isBetween(80_000L, 90_000L);
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        SaslAuthenticateResponseData refused = rawExchange(jwt(ISSUER_KEY, "svc-late", Duration.ofMinutes(-10),
                List.of()));
        assertThat(Errors.forCode(refused.errorCode())).isEqualTo(Errors.SASL_AUTHENTICATION_FAILED);
        assertThat(AUDIT.events()).anySatisfy(event -> {
            assertThat(event.succeeded()).isFalse();
            assertThat(event.reason()).isEqualTo("token expired");
        });
    }

    @Test
    void refusesATokenWithABadSignatureWithoutLoggingIt() throws Exception {
        String forged = jwt(FORGER_KEY, "svc-reporting", Duration.ofMinutes(10), List.of("admins"));
        double before = count(GATEWAY.meters(), "streamgate.authentications", "mechanism", "OAUTHBEARER",
                "reason", "invalid_token");
        List<String> logged;
        try (LogCapture logs = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME);
             KafkaClients client = new KafkaClients(GATEWAY.bootstrapServers(),
                     oauthClient(forged, "svc-reporting", Duration.ofMinutes(10)))) {
            assertThatThrownBy(() -> client.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SaslAuthenticationException.class);
            logged = logs.messagesWithThrowables();
        }
        assertThat(count(GATEWAY.meters(), "streamgate.authentications", "mechanism", "OAUTHBEARER", "reason",
                "invalid_token")).isGreaterThan(before);
        assertThat(AUDIT.events()).anySatisfy(event -> {
            assertThat(event.succeeded()).isFalse();
            assertThat(event.reason()).isEqualTo("token signature invalid");
        });
        String signature = forged.substring(forged.lastIndexOf('.') + 1);
        assertThat(logged).noneMatch(line -> line.contains(signature));
        assertThat(AUDIT.events()).extracting(AuthenticationEvent::toString).noneMatch(text -> text.contains(signature));
    }
}
