package io.streamgate.admin.security;

import java.util.Arrays;
import java.util.Locale;

/** What an admin API caller may do. */
public enum AdminRole {

    /** Read and write: every route. */
    ADMIN,
    /** Read only: GET routes and {@code POST /api/v1/interceptors/resolve}, which changes nothing. */
    VIEWER;

    /** Whether this role may change resources. */
    public boolean mayWrite() {
        return this == ADMIN;
    }

    /** The name as configuration writes it: {@code admin}, {@code viewer}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the valid roles
     */
    public static AdminRole parse(String text) {
        for (AdminRole role : values()) {
            if (role.configName().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(AdminRole::configName).toList()));
    }
}
