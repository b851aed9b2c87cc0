package io.streamgate.plugins.policy;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;

import java.util.Locale;
import java.util.Set;

/** Reads a rule's {@code action} field: BLOCK when absent, and only one of the actions the rule supports. */
public final class RuleAction {

    private RuleAction() {
    }

    /**
     * The {@code action} field of {@code rule}, BLOCK by default.
     *
     * @param path the field's path in the whole configuration, for errors, e.g. {@code groupId.action}
     */
    public static PolicyAction of(PluginConfig rule, String path, Set<PolicyAction> supported) {
        String name = rule.string("action", PolicyAction.BLOCK.name());
        PolicyAction action;
        try {
            action = PolicyAction.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(path, "unknown action " + name + ", expected one of "
                    + supported);
        }
        if (!supported.contains(action)) {
            throw new InvalidConfigException(path, action + " is not supported here, expected one of "
                    + supported);
        }
        return action;
    }
}
