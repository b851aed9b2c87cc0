package io.streamgate.core.vcluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of one virtual cluster: logical (as its clients see them) and physical (as Kafka knows them). Topics,
 * consumer groups and transactional ids get the virtual cluster's prefix on the physical cluster; an alias topic is
 * its physical topic. A physical name maps back only when it belongs to the virtual cluster, so a name of another
 * tenant, or of the physical cluster's own topics, has no logical name and stays invisible. Immutable, thread-safe.
 */
public final class TenantNamespace {

    /** A character that may be part of a Kafka name: a name in a text ends where none follows. */
    private static final String NAME_CHAR = "[A-Za-z0-9._-]";

    private final String prefix;
    private final Map<String, AliasTopic> aliasesByName = new HashMap<>();
    private final Map<String, String> aliasNamesByPhysical = new HashMap<>();
    private final Pattern physicalNamesInText;

    public TenantNamespace(String prefix, Collection<AliasTopic> aliases) {
        this.prefix = prefix;
        StringBuilder names = new StringBuilder("(?<!" + NAME_CHAR + ")(?:");
        for (AliasTopic alias : aliases) {
            aliasesByName.put(alias.name(), alias);
            aliasNamesByPhysical.putIfAbsent(alias.physicalTopic(), alias.name());
            // the name ends there, or a partition number follows it (topic-0)
            names.append(Pattern.quote(alias.physicalTopic())).append("(?=(?:-\\d+)?(?!").append(NAME_CHAR)
                    .append("))|");
        }
        names.append(Pattern.quote(prefix)).append(")");
        this.physicalNamesInText = Pattern.compile(names.toString());
    }

    public String prefix() {
        return prefix;
    }

    /** The physical topic behind a logical name: its alias target, or the prefixed name. */
    public String physicalTopic(String logical) {
        AliasTopic alias = aliasesByName.get(logical);
        return alias != null ? alias.physicalTopic() : prefix + logical;
    }

    /**
     * The logical name of a physical topic, or null when the topic is not part of this virtual cluster. A prefixed
     * topic whose logical name an alias has taken is hidden by the alias.
     */
    public String logicalTopic(String physical) {
        String alias = aliasNamesByPhysical.get(physical);
        if (alias != null) {
            return alias;
        }
        if (physical.startsWith(prefix)) {
            String logical = physical.substring(prefix.length());
            return aliasesByName.containsKey(logical) ? null : logical;
        }
        return null;
    }

    /** The alias behind a logical topic name, or null when the topic is the virtual cluster's own. */
    public AliasTopic alias(String logicalTopic) {
        return aliasesByName.get(logicalTopic);
    }

    public Collection<AliasTopic> aliases() {
        return aliasesByName.values();
    }

    public String physicalGroup(String logical) {
        return prefix + logical;
    }

    /** The logical id of a physical consumer group, or null when the group is not this virtual cluster's. */
    public String logicalGroup(String physical) {
        return unprefixed(physical);
    }

    public String physicalTransactionalId(String logical) {
        return prefix + logical;
    }

    /** The logical transactional id of a physical one, or null when it is not this virtual cluster's. */
    public String logicalTransactionalId(String physical) {
        return unprefixed(physical);
    }

    /**
     * A broker's message (an error message, a description) with every physical name of this virtual cluster replaced
     * by its logical name: the prefix removed, alias targets named by their alias.
     */
    public String scrub(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        Matcher matcher = physicalNamesInText.matcher(message);
        if (!matcher.find()) {
            return message;
        }
        StringBuilder scrubbed = new StringBuilder(message.length());
        do {
            String found = matcher.group();
            String replacement = found.equals(prefix) ? "" : aliasNamesByPhysical.getOrDefault(found, found);
            matcher.appendReplacement(scrubbed, Matcher.quoteReplacement(replacement));
        } while (matcher.find());
        matcher.appendTail(scrubbed);
        return scrubbed.toString();
    }

    private String unprefixed(String physical) {
        return physical != null && physical.startsWith(prefix) ? physical.substring(prefix.length()) : null;
    }
}
