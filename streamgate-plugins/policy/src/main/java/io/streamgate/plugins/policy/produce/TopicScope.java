package io.streamgate.plugins.policy.produce;

import org.apache.kafka.common.Uuid;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which topics the policy applies to: every topic, or those whose whole name matches a regular expression. A topic
 * known only by an id the gateway cannot name counts as selected, so that the policy fails closed.
 *
 * @param pattern the expression names must match entirely, or empty for every topic
 */
record TopicScope(Optional<Pattern> pattern) {

    /** @param name the topic's name, or null when it could not be resolved */
    boolean selects(String name) {
        return name == null || pattern.isEmpty() || pattern.get().matcher(name).matches();
    }

    /** A topic's name: the one the request carries (before Produce v13), else its id's resolved name, or null. */
    static String nameOf(String name, Uuid id, Map<Uuid, String> resolved) {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        return id == null || Uuid.ZERO_UUID.equals(id) ? null : resolved.get(id);
    }
}
