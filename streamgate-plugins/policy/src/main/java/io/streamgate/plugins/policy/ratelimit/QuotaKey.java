package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.ConnectionInfo;
import io.streamgate.api.InvalidConfigException;

/** What the limits are counted per: each principal, client id or virtual cluster has a budget of its own. */
enum QuotaKey {
    PRINCIPAL("principal"),
    CLIENT_ID("client id"),
    VIRTUAL_CLUSTER("virtual cluster");

    private final String description;

    QuotaKey(String description) {
        this.description = description;
    }

    /** The configuration value: principal, clientId, virtualCluster. */
    static QuotaKey fromConfig(String value) {
        return switch (value) {
            case "principal" -> PRINCIPAL;
            case "clientId" -> CLIENT_ID;
            case "virtualCluster" -> VIRTUAL_CLUSTER;
            default -> throw new InvalidConfigException("key", "expected principal, clientId or virtualCluster, got " + value);
        };
    }

    /** The key of {@code connection}; connections outside any virtual cluster share the key "" (the physical one). */
    String of(ConnectionInfo connection) {
        return switch (this) {
            case PRINCIPAL -> connection.principal();
            case CLIENT_ID -> connection.clientId();
            case VIRTUAL_CLUSTER -> connection.virtualCluster().orElse("");
        };
    }

    String description() {
        return description;
    }
}
