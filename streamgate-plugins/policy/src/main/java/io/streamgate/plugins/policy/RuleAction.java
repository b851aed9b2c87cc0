package io.streamgate.plugins.policy;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;

import java.util.Locale;
import java.util.Set;

/** Reads a rule's {@code action} from its configuration object: BLOCK unless it says otherwise. */
public final class RuleAction {

    private RuleAction() {
    }

    /**
     * The action of the rule configured as {@code rule}, one of {@code allowed}: the schema already limits it, but a
     * configuration that skipped validation must not reach a rule with an action it cannot carry out.
     */
    public static PolicyAction of(PluginConfig rule, String field, Set<PolicyAction> allowed) {
        String text = rule.string("action", PolicyAction.BLOCK.name());
        PolicyAction action;
        try {
            action = PolicyAction.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(field + ".action", "unknown action " + text + ", expected one of "
                    + allowed);
        }
        if (!allowed.contains(action)) {
            throw new InvalidConfigException(field + ".action", action + " is not possible here, expected one of "
                    + allowed);
        }
        return action;
    }
}
