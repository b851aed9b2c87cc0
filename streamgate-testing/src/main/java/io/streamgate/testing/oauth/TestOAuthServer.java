package io.streamgate.testing.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OAuth 2 authorization server on loopback, for tests: {@code GET /jwks} serves the public key, and
 * {@code POST /token} answers the client-credentials grant (client id and secret in HTTP basic authentication, as
 * Kafka's {@code OAuthBearerLoginCallbackHandler} sends them) with a JWT signed by that key. Tests can also mint
 * tokens directly, including ones signed by a key nobody trusts.
 *
 * <pre>{@code
 * TestOAuthServer oauth = TestOAuthServer.start("streamgate-test");
 * oauth.registerClient("gateway", "gateway-secret");
 * Map<String, String> client = oauth.clientProperties("gateway", "gateway-secret");
 * }</pre>
 */
public final class TestOAuthServer implements AutoCloseable {

    /** Kafka refuses OAUTHBEARER URLs that this JVM system property does not list (Kafka 4.0+). */
    public static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private static final String SCOPE = "kafka";

    private final HttpServer http;
    private final RsaJsonWebKey key;
    private final RsaJsonWebKey untrustedKey;
    private final String audience;
    private final Map<String, String> clients = new ConcurrentHashMap<>();

    private TestOAuthServer(HttpServer http, RsaJsonWebKey key, RsaJsonWebKey untrustedKey, String audience) {
        this.http = http;
        this.key = key;
        this.untrustedKey = untrustedKey;
        this.audience = audience;
    }

    /** Starts a server on a free loopback port whose tokens name {@code audience}. */
    public static TestOAuthServer start(String audience) {
        try {
            RsaJsonWebKey key = newKey("test-key-1");
            RsaJsonWebKey untrusted = newKey("test-key-1"); // same key id, other key: a forgery
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestOAuthServer server = new TestOAuthServer(http, key, untrusted, audience);
            http.createContext("/jwks", server::serveJwks);
            http.createContext("/token", server::serveToken);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** Lets {@code clientId} obtain tokens with {@code secret}; the token's subject is the client id. */
    public void registerClient(String clientId, String secret) {
        clients.put(clientId, secret);
    }

    public String issuer() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public String audience() {
        return audience;
    }

    public String jwksUrl() {
        return issuer() + "/jwks";
    }

    public String tokenUrl() {
        return issuer() + "/token";
    }

    /** Writes the JWKS document to {@code file}, for validators configured with a {@code file:} URL. */
    public Path writeJwks(Path file) {
        try {
            Files.writeString(file, jwks());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token for {@code subject}, valid for {@code lifetime} (negative: already expired), with extra claims. */
    public String token(String subject, Duration lifetime, Map<String, Object> extraClaims) {
        return sign(key, subject, lifetime, extraClaims);
    }

    /** A well-formed token for {@code subject} whose signature no published key verifies. */
    public String forgedToken(String subject, Duration lifetime) {
        return sign(untrustedKey, subject, lifetime, Map.of());
    }

    /**
     * Properties of a Kafka client (or of the gateway toward Kafka) that log in as {@code clientId} over
     * SASL_PLAINTEXT with the client-credentials grant. Without {@code bootstrap.servers}.
     */
    public Map<String, String> clientProperties(String clientId, String secret) {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "OAUTHBEARER",
                "sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                "sasl.oauthbearer.token.endpoint.url", tokenUrl(),
                "sasl.oauthbearer.client.credentials.client.id", clientId,
                "sasl.oauthbearer.client.credentials.client.secret", secret,
                "sasl.oauthbearer.scope", SCOPE,
                "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
    }

    /**
     * Broker properties that add OAUTHBEARER, validated against this server's JWKS document in {@code jwksFile}, to
     * the SASL_PLAINTEXT listener alongside {@code otherMechanisms}.
     */
    public Map<String, String> brokerProperties(Path jwksFile, List<String> otherMechanisms) {
        String prefix = "listener.name.sasl_plaintext.";
        Map<String, String> properties = new HashMap<>();
        List<String> mechanisms = new java.util.ArrayList<>(otherMechanisms);
        mechanisms.add("OAUTHBEARER");
        properties.put(prefix + "sasl.enabled.mechanisms", String.join(",", mechanisms));
        properties.put(prefix + "oauthbearer.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
        properties.put(prefix + "oauthbearer.sasl.server.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
        properties.put("sasl.oauthbearer.jwks.endpoint.url", jwksFile.toUri().toString());
        properties.put("sasl.oauthbearer.expected.audience", audience);
        properties.put("sasl.oauthbearer.expected.issuer", issuer());
        return properties;
    }

    /** The JVM option a broker needs to read the JWKS file ({@link #brokerProperties}). */
    public static String brokerJvmOption(Path jwksFile) {
        return "-D" + ALLOWED_URLS_PROPERTY + "=" + jwksFile.toUri();
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private String sign(RsaJsonWebKey signingKey, String subject, Duration lifetime, Map<String, Object> extraClaims) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        long now = System.currentTimeMillis() / 1000;
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + lifetime.toSeconds()));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("scope", SCOPE);
        extraClaims.forEach(claims::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private String jwks() {
        return new JsonWebKeySet(key).toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, jwks());
    }

    private void serveToken(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = parseForm(body);
        String[] credentials = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"), form);
        if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        } else if (credentials == null || !credentials[1].equals(clients.get(credentials[0]))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else {
            Duration lifetime = Duration.ofHours(1);
            String token = token(credentials[0], lifetime, Map.of());
            respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + lifetime.toSeconds() + "}");
        }
    }

    private static String[] basicCredentials(String authorization, Map<String, String> form) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        }
        if (form.containsKey("client_id") && form.containsKey("client_secret")) {
            return new String[] {form.get("client_id"), form.get("client_secret")};
        }
        return null;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RsaJsonWebKey newKey(String keyId) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(keyId);
        return key;
    }
}
