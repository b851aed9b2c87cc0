package io.streamgate.admin.security;

import java.util.Objects;

/**
 * A bearer token that admits its holder to the admin API ({@code Authorization: Bearer <token>}). Immutable.
 * {@link #toString()} leaves the secret out, so a token never reaches a log by accident.
 *
 * @param name who or what holds it, e.g. {@code ci}; recorded as the actor of the changes it makes
 * @param token the secret
 * @param role what its holder may do
 */
public record AdminToken(String name, String token, AdminRole role) {

    public AdminToken {
        requireText(name, "name");
        requireText(token, "token");
        Objects.requireNonNull(role, "role");
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    @Override
    public String toString() {
        return "AdminToken[name=" + name + ", role=" + role.configName() + "]";
    }
}
