package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out the actions of the rules one topic of a request breaks, and reports each: BLOCK refuses the topic
 * (the refusal names every blocking rule), INFO only reports, OVERRIDE rewrites the value and says "old -> new".
 * One per topic and request; not thread-safe.
 */
public final class TopicEnforcement {

    private final InterceptorContext context;
    private final String topic;
    private final List<String> refusals = new ArrayList<>();

    public TopicEnforcement(InterceptorContext context, String topic) {
        this.context = context;
        this.topic = topic;
    }

    /**
     * Carries out {@code breach}'s action.
     *
     * @param override puts the breach's replacement in the request; called only for OVERRIDE
     */
    public void enforce(Breach breach, Consumer<String> override) {
        String message = switch (breach.effectiveAction()) {
            case OVERRIDE -> {
                override.accept(breach.replacement());
                yield breach.problem() + ": overridden " + breach.value() + " -> " + breach.replacement()
                        + suffix(breach);
            }
            case BLOCK -> {
                String refusal = breach.problem() + suffix(breach);
                refusals.add(refusal);
                yield refusal;
            }
            case INFO, THROTTLE -> breach.problem() + suffix(breach);
        };
        context.reportViolation(new PolicyViolation(breach.rule(), breach.effectiveAction(), topic, breach.value(),
                message));
    }

    /** Carries out a breach without a replacement, which OVERRIDE cannot rewrite and so refuses. */
    public void enforce(Breach breach) {
        enforce(breach, replacement -> { });
    }

    /** The message the client gets when a BLOCK rule was broken: every blocking rule's, joined. */
    public Optional<String> refusal() {
        return refusals.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", refusals));
    }

    private String suffix(Breach breach) {
        return " (rule " + breach.rule() + ", interceptor " + context.interceptorName() + ")";
    }
}
