package io.streamgate.core.vcluster;

import java.util.Objects;
import java.util.Set;

/**
 * One tenant's virtual Kafka cluster.
 *
 * @param name the virtual cluster's name, as resources and scopes name it
 * @param prefix what its topics, consumer groups and transactional ids start with on the physical cluster; unique,
 *     and never a prefix of another virtual cluster's prefix
 * @param aclsEnabled whether the gateway enforces the virtual cluster's ACLs; without, every principal of the
 *     virtual cluster may do anything inside it
 * @param superUsers principals ({@code User:name}) that bypass ACLs and manage them through the Kafka admin API
 * @param readOnly whether every write (produce, topic creation, deletion, configuration change...) is refused
 */
public record VirtualCluster(String name, String prefix, boolean aclsEnabled, Set<String> superUsers,
                             boolean readOnly) {

    /** Joins a virtual cluster's name and its topics' names when no prefix is configured. */
    public static final String DEFAULT_SEPARATOR = ".";

    public VirtualCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("virtual cluster " + name + ": the prefix cannot be empty");
        }
        superUsers = Set.copyOf(superUsers);
    }

    /** The prefix a virtual cluster gets when none is configured. */
    public static String defaultPrefix(String name) {
        return name + DEFAULT_SEPARATOR;
    }
}
