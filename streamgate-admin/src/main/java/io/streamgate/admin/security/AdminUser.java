package io.streamgate.admin.security;

import java.util.Objects;

/**
 * A user of the admin API who signs in with HTTP basic authentication. Immutable. {@link #toString()} leaves the
 * password out.
 *
 * @param name the user name; recorded as the actor of the changes the user makes
 * @param password the password
 * @param role what the user may do
 */
public record AdminUser(String name, String password, AdminRole role) {

    public AdminUser {
        AdminToken.requireText(name, "name");
        AdminToken.requireText(password, "password");
        if (name.contains(":")) {
            throw new IllegalArgumentException("name must not contain ':' (HTTP basic authentication separates the "
                    + "name from the password with it)");
        }
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        return "AdminUser[name=" + name + ", role=" + role.configName() + "]";
    }
}
