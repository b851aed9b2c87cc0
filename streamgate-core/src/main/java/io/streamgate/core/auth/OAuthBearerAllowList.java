package io.streamgate.core.auth;

import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Kafka (4.0+) reads OAUTHBEARER token and JWKS endpoints only from URLs listed in the JVM system property
 * {@code org.apache.kafka.sasl.oauthbearer.allowed.urls}, and files only from those listed in
 * {@code ...allowed.files}, so that a URL slipped into untrusted client configuration cannot make a Kafka process
 * fetch from anywhere. The gateway's own configuration is the operator's, so the endpoints it names are added to
 * those lists at startup; entries the operator already listed stay, and nothing else is allowed.
 */
public final class OAuthBearerAllowList {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthBearerAllowList.class);

    private OAuthBearerAllowList() {
    }

    /** Allows {@code url}; for a {@code file:} URL, its path too (Kafka checks both). Null or blank: nothing. */
    public static synchronized void permit(String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        allow(BrokerSecurityConfigs.ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG, url.trim());
        URI uri = URI.create(url.trim());
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            allow(BrokerSecurityConfigs.ALLOWED_SASL_OAUTHBEARER_FILES_CONFIG, uri.getPath());
        }
    }

    private static void allow(String property, String entry) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String existing : System.getProperty(property, "").split(",")) {
            if (!existing.isBlank()) {
                allowed.add(existing.trim());
            }
        }
        if (allowed.add(entry)) {
            System.setProperty(property, String.join(",", allowed));
            LOG.info("OAUTHBEARER endpoint {} allowed ({}), as the gateway's configuration names it", entry, property);
        }
    }
}
