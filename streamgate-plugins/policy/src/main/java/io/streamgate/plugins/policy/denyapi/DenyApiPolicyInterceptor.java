package io.streamgate.plugins.policy.denyapi;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Rule {@code apis}: the denied APIs fail as a whole with the authorization error a broker would give (on every topic
 * of the request, for APIs authorized per topic). Stateless; thread-safe.
 */
final class DenyApiPolicyInterceptor implements Interceptor {

    static final String RULE = "apis";

    private final Set<ApiKeys> denied;
    private final PolicyAction action;

    DenyApiPolicyInterceptor(Set<ApiKeys> denied, PolicyAction action) {
        this.denied = denied;
        this.action = action;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequests(denied, (context, request) -> deny(context));
    }

    private CompletionStage<RequestOutcome> deny(InterceptorContext context) {
        String api = context.apiKey().name;
        String message = "API " + api + " is denied (rule " + RULE + ", interceptor " + context.interceptorName() + ")";
        context.reportViolation(new PolicyViolation(RULE, action, null, api, message));
        return action == PolicyAction.BLOCK ? RequestOutcome.fail(AuthorizationErrors.of(context.apiKey()), message)
                : RequestOutcome.unchanged();
    }
}
