package io.streamgate.plugins.policy.clientid;

import io.streamgate.api.ConnectionOutcome;
import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import org.apache.kafka.common.protocol.Errors;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Rule {@code clientId}: the client id of a connection's requests must match a pattern. A connection hook decides, so
 * the gateway decodes no request for this policy: it runs when the connection starts and whenever its client id
 * changes. BLOCK refuses the connection's requests with POLICY_VIOLATION (but ApiVersions, the SASL handshake and
 * Metadata, which the gateway lets through so that the client learns why from its first real request); INFO lets them
 * through; OVERRIDE sends them on with the client id of a {@link ClientIdTemplate}.
 *
 * <p>A violation is reported once per connection and client id: the hook runs again for the same client id when the
 * connection's chain changes, and a producer that breaks the rule would otherwise flood the audit log. Thread-safe;
 * the per-connection memory is in the connection's attributes.
 */
final class ClientIdPolicyInterceptor implements Interceptor {

    static final String RULE = "clientId";

    private final Pattern pattern;
    private final PolicyAction action;
    /** The client id of OVERRIDE; null for the other actions. */
    private final ClientIdTemplate override;

    ClientIdPolicyInterceptor(Pattern pattern, PolicyAction action, ClientIdTemplate override) {
        this.pattern = pattern;
        this.action = action;
        this.override = override;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onConnection(this::check);
    }

    private CompletionStage<ConnectionOutcome> check(InterceptorContext context) {
        String clientId = context.connection().clientId();
        if (pattern.matcher(clientId).matches()) {
            return ConnectionOutcome.accept();
        }
        String replacement = override == null ? null : override.expand(context.connection());
        String message = "client id '" + clientId + "' does not match " + pattern.pattern()
                + (replacement == null ? "" : ": replaced with '" + replacement + "'") + " (rule " + RULE
                + ", interceptor " + context.interceptorName() + ")";
        Map<String, Object> attributes = context.connection().attributes();
        String reportedKey = ClientIdPolicyPlugin.ID + "." + context.interceptorName() + ".reported";
        if (!Objects.equals(attributes.put(reportedKey, clientId), clientId)) {
            context.reportViolation(new PolicyViolation(RULE, action, null, clientId, message));
        }
        return switch (action) {
            case BLOCK -> ConnectionOutcome.refuse(Errors.POLICY_VIOLATION, message);
            case OVERRIDE -> ConnectionOutcome.accept(replacement);
            default -> ConnectionOutcome.accept();
        };
    }
}
