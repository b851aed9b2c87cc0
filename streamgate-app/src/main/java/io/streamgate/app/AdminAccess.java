package io.streamgate.app;

import io.streamgate.admin.security.AdminAuthenticator;
import io.streamgate.admin.security.LocalAdminToken;
import io.streamgate.app.config.StreamgateConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Who may use the admin API of this process: the configured tokens and users ({@code admin.tokens},
 * {@code admin.users}); with none, the token kept in {@code <dataDir>/admin-token}, generated on first start. Only
 * the file's path is logged, never a secret.
 */
final class AdminAccess {

    private static final Logger log = LoggerFactory.getLogger(AdminAccess.class);

    private AdminAccess() {
    }

    static AdminAuthenticator authenticator(StreamgateConfig config) {
        StreamgateConfig.Admin admin = config.admin();
        if (admin.hasCredentials()) {
            log.info("admin API credentials: {} token(s), {} user(s) from the configuration", admin.tokens().size(),
                    admin.users().size());
            return new AdminAuthenticator(admin.tokens(), admin.users());
        }
        LocalAdminToken local = LocalAdminToken.loadOrCreate(config.dataDir());
        log.info("admin API: no credentials configured, so it takes the admin token {} {} (the streamgate commands on "
                + "this machine read it from there)", local.created() ? "generated in" : "kept in", local.file());
        return new AdminAuthenticator(List.of(local.token()), List.of());
    }
}
