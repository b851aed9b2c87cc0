package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;

/** Reads the {@code action} of a rule object: BLOCK when absent; THROTTLE is no action of the topic rules. */
public final class PolicyActions {

    private PolicyActions() {
    }

    /** The action of the rule object {@code rule}; {@code field} names the rule in errors. */
    public static PolicyAction from(PluginConfig rule, String field) {
        String action = rule.string("action", PolicyAction.BLOCK.name());
        try {
            PolicyAction parsed = PolicyAction.valueOf(action);
            if (parsed != PolicyAction.THROTTLE) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // refused below, like THROTTLE
        }
        throw new InvalidConfigException(field + ".action", "expected BLOCK, INFO or OVERRIDE, got " + action);
    }
}
