package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.streamgate.admin.identity.CredentialsSpec;
import io.streamgate.admin.identity.ServiceAccountSpec;
import io.streamgate.admin.identity.TokenIssuer;
import io.streamgate.admin.time.DurationText;
import io.streamgate.admin.security.AdminIdentity;
import io.streamgate.core.auth.GatewayTokens;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.document.ResourceDocuments;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The credential routes of service accounts:
 * <ul>
 *   <li>{@code PUT /api/v1/service-accounts/{name}/scram-credentials} {@code {mechanism, password, iterations?}}:
 *       salts the password with Kafka's {@link ScramFormatter} and keeps salt, stored key, server key and iterations
 *       for the mechanism (replacing what was there); the password itself is dropped at once;</li>
 *   <li>{@code DELETE /api/v1/service-accounts/{name}/scram-credentials/{mechanism}};</li>
 *   <li>{@code POST /api/v1/service-accounts/{name}/revoke-tokens}: every token the account was given so far is
 *       refused from now on (tokens are stateless, so revocation is by issue time: the account's
 *       {@code tokensNotBefore} becomes now);</li>
 *   <li>{@code POST /api/v1/tokens} {@code {serviceAccount, lifetime?}}: mints a token, the SASL/PLAIN password of a
 *       local service account.</li>
 * </ul>
 * Only local accounts have credentials. Every request is audited without its secrets: the audit names the account,
 * the mechanism or the token id, never a password or a token.
 */
final class IdentityEndpoints {

    /** The highest SCRAM iteration count, as Kafka's. */
    static final int MAX_ITERATIONS = 16_384;
    /** The iteration count when the request gives none. */
    static final int DEFAULT_ITERATIONS = 8_192;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceStore store;
    private final GlobalResourceQueries accounts;
    private final TokenIssuer issuer;
    private final ChangeAudit audit;
    private final Clock clock;

    IdentityEndpoints(ResourceStore store, GlobalResourceQueries accounts, TokenIssuer issuer, ChangeAudit audit,
                      Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.issuer = issuer;
        this.audit = audit;
        this.clock = clock;
    }

    /** A service account's document with its status: the SCRAM mechanisms set (iterations only) and revocation. */
    static ObjectNode accountView(Resource account, ResourceStore store) {
        ObjectNode document = ResourceDocuments.toNode(account);
        CredentialsSpec credentials = credentialsOf(store, account.metadata().name());
        ObjectNode status = document.putObject("status");
        ObjectNode scram = status.putObject("scram");
        credentials.scram().forEach((mechanism, credential) ->
                scram.putObject(mechanism.mechanismName()).put("iterations", credential.iterations()));
        credentials.tokensNotBefore().ifPresent(instant -> status.put("tokensNotBefore", instant.toString()));
        return document;
    }

    void putScram(Context ctx, AdminIdentity caller) {
        String name = ctx.pathParam("name");
        String action = "SET_SCRAM";
        try {
            RequestObject request = RequestObject.read(ctx, List.of("mechanism", "password", "iterations"));
            ScramMechanism mechanism = mechanism(request.requiredText("mechanism", "SCRAM-SHA-256 or SCRAM-SHA-512"),
                    "mechanism");
            String password = request.requiredText("password", "the password the account will present");
            Integer requested = request.integer("iterations");
            int iterations = requested == null ? DEFAULT_ITERATIONS : requested;
            if (iterations < mechanism.minIterations() || iterations > MAX_ITERATIONS) {
                throw new ApiException(400, "iterations: expected " + mechanism.minIterations() + " to "
                        + MAX_ITERATIONS + " for " + mechanism.mechanismName() + ", not " + iterations, "iterations");
            }
            localAccount(name);
            ScramCredential credential = new ScramFormatter(mechanism).generateCredential(password, iterations);
            PutResult result = store.put(credentialsOf(store, name).withScram(mechanism, credential).toResource(name),
                    caller.name());
            audit.recordDone(caller, action, CredentialsSpec.KIND, name, result.outcome().name(),
                    mechanism.mechanismName() + ", " + iterations + " iterations");
            ObjectNode body = JSON.createObjectNode();
            body.put("serviceAccount", name);
            body.put("mechanism", mechanism.mechanismName());
            body.put("iterations", iterations);
            ctx.status(200).json(body);
        } catch (ApiException e) {
            audit.recordByName(caller, action, CredentialsSpec.KIND, name, outcome(e), e.getMessage());
            throw e;
        } catch (ResourceStoreException e) {
            audit.recordByName(caller, action, CredentialsSpec.KIND, name, "FAILED", e.getMessage());
            throw e;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256 and SHA-512", e);
        }
    }

    void deleteScram(Context ctx, AdminIdentity caller) {
        String name = ctx.pathParam("name");
        String action = "DELETE_SCRAM";
        try {
            ScramMechanism mechanism = mechanism(ctx.pathParam("mechanism"), null);
            accounts.find(name);
            CredentialsSpec credentials = credentialsOf(store, name);
            if (!credentials.scram().containsKey(mechanism)) {
                throw new ApiException(404, "service account " + name + " has no " + mechanism.mechanismName()
                        + " credentials");
            }
            store.put(credentials.withoutScram(mechanism).toResource(name), caller.name());
            audit.recordDone(caller, action, CredentialsSpec.KIND, name, "DELETED", mechanism.mechanismName());
            ctx.status(204);
        } catch (ApiException e) {
            audit.recordByName(caller, action, CredentialsSpec.KIND, name, outcome(e), e.getMessage());
            throw e;
        }
    }

    void revokeTokens(Context ctx, AdminIdentity caller) {
        String name = ctx.pathParam("name");
        String action = "REVOKE_TOKENS";
        try {
            localAccount(name);
            // Tokens carry their issue time in milliseconds.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            store.put(credentialsOf(store, name).withTokensNotBefore(now).toResource(name), caller.name());
            audit.recordDone(caller, action, CredentialsSpec.KIND, name, "REVOKED", "tokens issued before " + now);
            ObjectNode body = JSON.createObjectNode();
            body.put("serviceAccount", name);
            body.put("tokensNotBefore", now.toString());
            ctx.status(200).json(body);
        } catch (ApiException e) {
            audit.recordByName(caller, action, CredentialsSpec.KIND, name, outcome(e), e.getMessage());
            throw e;
        }
    }

    void mintToken(Context ctx, AdminIdentity caller) {
        String action = "MINT_TOKEN";
        String name = null;
        try {
            RequestObject request = RequestObject.read(ctx, List.of("serviceAccount", "lifetime"));
            name = request.requiredText("serviceAccount", "the name of a LOCAL service account");
            String lifetimeText = request.text("lifetime");
            Duration lifetime = lifetimeText == null ? issuer.defaultLifetime() : lifetime(lifetimeText);
            localAccount(name);
            GatewayTokens.Minted minted = issuer.tokens().mint(name, lifetime);
            audit.recordDone(caller, action, ServiceAccountSpec.KIND, name, "ISSUED", "token id "
                    + minted.claims().tokenId() + ", expires at " + minted.claims().expiresAt());
            ObjectNode body = JSON.createObjectNode();
            body.put("token", minted.token());
            body.put("serviceAccount", name);
            body.put("tokenId", minted.claims().tokenId());
            body.put("issuedAt", minted.claims().issuedAt().toString());
            body.put("expiresAt", minted.claims().expiresAt().toString());
            ctx.status(201).json(body);
        } catch (ApiException e) {
            audit.recordByName(caller, action, ServiceAccountSpec.KIND, name, outcome(e), e.getMessage());
            throw e;
        }
    }

    private Duration lifetime(String text) {
        Duration lifetime = DurationText.parse(text).orElseThrow(() -> new ApiException(400, "lifetime: expected a "
                + "duration such as 30m, 24h, 30d or PT24H, not '" + text + "'", "lifetime"));
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new ApiException(400, "lifetime: must be positive", "lifetime");
        }
        if (lifetime.compareTo(issuer.maxLifetime()) > 0) {
            throw new ApiException(400, "lifetime: at most " + DurationText.format(issuer.maxLifetime())
                    + " (tokens.maxLifetime), not " + text, "lifetime");
        }
        return lifetime;
    }

    /** The local account {@code name}: 404 when there is none, 400 when it is external. */
    private ServiceAccountSpec localAccount(String name) {
        ServiceAccountSpec account = ServiceAccountSpec.of(accounts.find(name));
        if (!account.isLocal()) {
            throw new ApiException(400, "service account " + name + " is EXTERNAL: only a LOCAL account has "
                    + "gateway credentials", "serviceAccount");
        }
        return account;
    }

    private static ScramMechanism mechanism(String text, String field) {
        ScramMechanism mechanism = ScramMechanism.forMechanismName(text);
        if (mechanism == null) {
            throw new ApiException(400, (field == null ? "" : field + ": ") + "expected one of "
                    + String.join(", ", Arrays.stream(ScramMechanism.values()).map(ScramMechanism::mechanismName)
                    .toList()) + ", not '" + text + "'", field);
        }
        return mechanism;
    }

    private static CredentialsSpec credentialsOf(ResourceStore store, String account) {
        return store.get(CredentialsSpec.idOf(account)).map(CredentialsSpec::of).orElse(CredentialsSpec.NONE);
    }

    private static String outcome(ApiException e) {
        return switch (e.status()) {
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            default -> "INVALID";
        };
    }
}
