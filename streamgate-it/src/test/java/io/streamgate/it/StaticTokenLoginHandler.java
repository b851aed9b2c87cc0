package io.streamgate.it;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java client's OAUTHBEARER login that hands out the JWT in {@link #TOKEN}, as {@code sasl.login.callback.handler.class}:
 * lets a test choose the exact token a real client sends.
 */
public final class StaticTokenLoginHandler implements AuthenticateCallbackHandler {

    /** The compact JWT, its subject and expiry (epoch millis). */
    public record Token(String value, String subject, long expiresAtMillis) {
    }

    public static volatile Token TOKEN;

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasEntries) {
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (!(callback instanceof OAuthBearerTokenCallback tokenCallback)) {
                throw new UnsupportedCallbackException(callback);
            }
            Token token = TOKEN;
            long now = System.currentTimeMillis();
            tokenCallback.token(new OAuthBearerToken() {
                @Override
                public String value() {
                    return token.value();
                }

                @Override
                public Set<String> scope() {
                    return Set.of();
                }

                @Override
                public long lifetimeMs() {
                    return token.expiresAtMillis();
                }

                @Override
                public String principalName() {
                    return token.subject();
                }

                @Override
                public Long startTimeMs() {
                    return now;
                }
            });
        }
    }

    @Override
    public void close() {
    }
}
