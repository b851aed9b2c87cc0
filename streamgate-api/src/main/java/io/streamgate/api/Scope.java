package io.streamgate.api;

import java.util.Objects;
import java.util.Set;

/**
 * Whom a resource (such as an interceptor) applies to: everyone, a virtual cluster, a group of users, one
 * user, or a user or group within one virtual cluster. A null part matches anything.
 *
 * <p>Allowed combinations: {@linkplain #GLOBAL global} (nothing set); {@code virtualCluster};
 * {@code group}; {@code username}; {@code virtualCluster + username}; {@code virtualCluster + group}. A
 * username and a group together are refused.
 *
 * <p>When several resources with the same name match a connection, the narrowest wins: username, then
 * group, then virtual cluster, then global ({@link #specificity()}); within a level a scope that also names
 * a virtual cluster is narrower.
 *
 * @param virtualCluster the virtual cluster, or null for any
 * @param group the group of users, or null for any
 * @param username the user, or null for any
 */
public record Scope(String virtualCluster, String group, String username) {

    /** Applies to every connection. */
    public static final Scope GLOBAL = new Scope(null, null, null);

    public Scope {
        virtualCluster = blankToNull(virtualCluster);
        group = blankToNull(group);
        username = blankToNull(username);
        if (group != null && username != null) {
            throw new IllegalArgumentException("a scope names a group or a username, not both");
        }
    }

    public static Scope virtualCluster(String name) {
        return new Scope(Objects.requireNonNull(name, "name"), null, null);
    }

    public static Scope group(String name) {
        return new Scope(null, Objects.requireNonNull(name, "name"), null);
    }

    public static Scope username(String name) {
        return new Scope(null, null, Objects.requireNonNull(name, "name"));
    }

    public boolean isGlobal() {
        return virtualCluster == null && group == null && username == null;
    }

    /** Whether a connection of this user, in these groups and this virtual cluster, falls in this scope. */
    public boolean matches(String connectionVirtualCluster, String connectionUsername, Set<String> connectionGroups) {
        return (virtualCluster == null || virtualCluster.equals(connectionVirtualCluster))
                && (username == null || username.equals(connectionUsername))
                && (group == null || connectionGroups.contains(group));
    }

    /**
     * How narrow this scope is; higher is narrower. A username beats a group, which beats a virtual cluster,
     * which beats global; naming a virtual cluster as well adds one.
     */
    public int specificity() {
        int level = username != null ? 6 : group != null ? 4 : virtualCluster != null ? 2 : 0;
        return level + (virtualCluster != null && (username != null || group != null) ? 1 : 0);
    }

    /** A short, stable text form, e.g. {@code global}, {@code vcluster=a,username=bob}. */
    @Override
    public String toString() {
        if (isGlobal()) {
            return "global";
        }
        StringBuilder text = new StringBuilder();
        append(text, "vcluster", virtualCluster);
        append(text, "group", group);
        append(text, "username", username);
        return text.toString();
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : ",").append(key).append('=').append(value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
