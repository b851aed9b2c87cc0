package io.streamgate.plugins.policy.clientid;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Rule {@code clientId}: the client id of every request must match a pattern. The client id is in the request header,
 * which the gateway decodes before the hooks and shows as {@code connection().clientId()}; hooks cannot rewrite
 * headers, so there is no OVERRIDE.
 *
 * <p>ApiVersions, the SASL handshake and Metadata are let through whatever the client id: a client that cannot
 * negotiate versions or find the brokers only times out, while a refused Produce, CreateTopics or FindCoordinator
 * tells it why. A violation is reported once per connection and client id, not once per request: a producer that
 * breaks the rule would otherwise flood the audit log. Thread-safe; the per-connection memory is in the connection's
 * attributes.
 */
final class ClientIdPolicyInterceptor implements Interceptor {

    static final String RULE = "clientId";

    /** What a client needs before its requests can be refused with a message it shows. */
    static final Set<ApiKeys> CONNECTION_SETUP = EnumSet.of(ApiKeys.API_VERSIONS, ApiKeys.SASL_HANDSHAKE,
            ApiKeys.SASL_AUTHENTICATE, ApiKeys.METADATA);

    private final Pattern pattern;
    private final PolicyAction action;

    ClientIdPolicyInterceptor(Pattern pattern, PolicyAction action) {
        this.pattern = pattern;
        this.action = action;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        Set<ApiKeys> checked = EnumSet.allOf(ApiKeys.class);
        checked.removeAll(CONNECTION_SETUP);
        hooks.onRequests(checked, (context, request) -> check(context));
    }

    private CompletionStage<RequestOutcome> check(InterceptorContext context) {
        String clientId = context.connection().clientId();
        if (pattern.matcher(clientId).matches()) {
            return RequestOutcome.forward();
        }
        String message = "client id '" + clientId + "' does not match " + pattern.pattern() + " (rule " + RULE
                + ", interceptor " + context.interceptorName() + ")";
        Map<String, Object> attributes = context.connection().attributes();
        String reportedKey = ClientIdPolicyPlugin.ID + "." + context.interceptorName() + ".reported";
        if (!Objects.equals(attributes.put(reportedKey, clientId), clientId)) {
            context.reportViolation(new PolicyViolation(RULE, action, null, clientId, message));
        }
        return action == PolicyAction.BLOCK ? RequestOutcome.fail(Errors.POLICY_VIOLATION, message)
                : RequestOutcome.forward();
    }
}
