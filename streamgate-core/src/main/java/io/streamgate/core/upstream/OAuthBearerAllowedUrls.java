package io.streamgate.core.upstream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Kafka (4.0+) reads OAUTHBEARER token and JWKS endpoints only from URLs listed in the JVM system property
 * {@value #PROPERTY}, so that a URL slipped into untrusted client configuration cannot make a Kafka process fetch
 * from anywhere. The gateway's own configuration is the operator's, so the URLs it names are added to that list at
 * startup; URLs the operator already listed stay, and nothing else is allowed.
 */
public final class OAuthBearerAllowedUrls {

    public static final String PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
    private static final Logger LOG = LoggerFactory.getLogger(OAuthBearerAllowedUrls.class);

    private OAuthBearerAllowedUrls() {
    }

    /** Adds {@code url} to the allowed list, unless it is there already. */
    public static synchronized void allow(String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        String current = System.getProperty(PROPERTY, "");
        Set<String> allowed = new LinkedHashSet<>();
        Arrays.stream(current.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(allowed::add);
        if (allowed.add(url.trim())) {
            System.setProperty(PROPERTY, String.join(",", allowed));
            LOG.info("OAUTHBEARER endpoint {} allowed ({}), as the gateway's configuration names it", url, PROPERTY);
        }
    }
}
