package io.streamgate.plugins.policy.fetch;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.protocol.Errors;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks Fetch requests. A BLOCK rule fails the whole request (the fetch rules are about the request, not about a
 * topic): POLICY_VIOLATION, or UNSUPPORTED_VERSION for the version rule, in the top-level error code. OVERRIDE rewrites
 * the request in place. There is no response hook, on purpose: Fetch responses are the gateway's largest and stay
 * undecoded only while no interceptor of the connection hooks them. Stateless; thread-safe.
 */
final class FetchPolicyInterceptor implements Interceptor {

    private static final byte READ_COMMITTED = IsolationLevel.READ_COMMITTED.id();

    private final Bounds apiVersion;
    private final PolicyAction isolationLevel;
    private final Map<FetchLimit, Bounds> limits;
    private final PolicyAction rackId;

    /**
     * @param apiVersion the allowed Fetch versions, or null
     * @param isolationLevel what to do with read_uncommitted fetches, or null to allow them
     * @param limits the configured bounds of request numbers
     * @param rackId what to do with fetches without a rack id, or null to allow them
     */
    FetchPolicyInterceptor(Bounds apiVersion, PolicyAction isolationLevel, Map<FetchLimit, Bounds> limits,
                           PolicyAction rackId) {
        this.apiVersion = apiVersion;
        this.isolationLevel = isolationLevel;
        this.limits = new EnumMap<>(FetchLimit.class);
        this.limits.putAll(limits);
        this.rackId = rackId;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(FetchRequestData.class, this::check);
    }

    private CompletionStage<RequestOutcome> check(InterceptorContext context, FetchRequestData request) {
        Verdict verdict = new Verdict(context);
        if (apiVersion != null) {
            String problem = apiVersion.problem(context.apiVersion());
            if (problem != null) {
                verdict.breach(apiVersion.rule(), apiVersion.action(), Short.toString(context.apiVersion()),
                        problem, Errors.UNSUPPORTED_VERSION);
            }
        }
        if (isolationLevel != null && request.isolationLevel() != READ_COMMITTED) {
            if (isolationLevel == PolicyAction.OVERRIDE) {
                request.setIsolationLevel(READ_COMMITTED);
                verdict.overridden();
                verdict.breach("isolationLevel", isolationLevel, "read_uncommitted",
                        "fetch isolation level read_uncommitted -> read_committed", Errors.POLICY_VIOLATION);
            } else {
                verdict.breach("isolationLevel", isolationLevel, "read_uncommitted",
                        "fetch isolation level read_uncommitted is not allowed, read_committed is required",
                        Errors.POLICY_VIOLATION);
            }
        }
        limits.forEach((limit, bounds) -> check(verdict, limit, bounds, request));
        if (rackId != null && (request.rackId() == null || request.rackId().isEmpty())) {
            verdict.breach("rackId", rackId, "none", "fetch has no rack id (client.rack), one is required",
                    Errors.POLICY_VIOLATION);
        }
        return verdict.outcome();
    }

    private static void check(Verdict verdict, FetchLimit limit, Bounds bounds, FetchRequestData request) {
        int value = limit.get(request);
        String problem = bounds.problem(value);
        if (problem == null) {
            return;
        }
        if (bounds.action() == PolicyAction.OVERRIDE) {
            int clamped = (int) bounds.clamp(value);
            limit.set(request, clamped);
            verdict.overridden();
            problem = bounds.subject() + " " + value + " -> " + clamped;
        }
        verdict.breach(bounds.rule(), bounds.action(), Integer.toString(value), problem, Errors.POLICY_VIOLATION);
    }

    /** The breaches of one request: each reported at once, the first BLOCK one failing the request. */
    private static final class Verdict {

        private final InterceptorContext context;
        private RequestOutcome.Fail refusal;
        private boolean overridden;

        Verdict(InterceptorContext context) {
            this.context = context;
        }

        void breach(String rule, PolicyAction action, String value, String problem, Errors error) {
            String message = problem + " (rule " + rule + ", interceptor " + context.interceptorName() + ")";
            context.reportViolation(new PolicyViolation(rule, action, null, value, message));
            if (action == PolicyAction.BLOCK && refusal == null) {
                refusal = new RequestOutcome.Fail(error, message);
            }
        }

        /** Notes that the request was changed in place. */
        void overridden() {
            overridden = true;
        }

        /**
         * The refusal, or forwarding the request as it now is: as the client's own bytes when nothing was overridden.
         * Shared completed stages: fetches are many.
         */
        CompletionStage<RequestOutcome> outcome() {
            if (refusal != null) {
                return CompletableFuture.completedFuture(refusal);
            }
            return overridden ? RequestOutcome.forward() : RequestOutcome.unchanged();
        }
    }
}
