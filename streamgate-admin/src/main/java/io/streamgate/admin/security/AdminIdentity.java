package io.streamgate.admin.security;

import java.util.Objects;

/**
 * An authenticated admin API caller.
 *
 * @param name the token's or user's name, recorded as the actor of changes
 * @param role what the caller may do
 */
public record AdminIdentity(String name, AdminRole role) {

    public AdminIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
