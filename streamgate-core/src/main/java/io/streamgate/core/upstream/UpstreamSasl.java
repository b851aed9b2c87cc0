package io.streamgate.core.upstream;

import io.streamgate.core.auth.OAuthBearerAllowList;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.Login;
import org.apache.kafka.common.security.authenticator.DefaultLogin;
import org.apache.kafka.common.security.authenticator.LoginManager;
import org.apache.kafka.common.security.authenticator.SaslClientCallbackHandler;
import org.apache.kafka.common.security.kerberos.KerberosClientCallbackHandler;
import org.apache.kafka.common.security.kerberos.KerberosLogin;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.oauthbearer.internals.OAuthBearerRefreshingLogin;
import org.apache.kafka.common.security.oauthbearer.internals.OAuthBearerSaslClientCallbackHandler;
import org.apache.kafka.common.utils.Utils;

import javax.security.auth.Subject;
import javax.security.auth.login.LoginException;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import java.io.Closeable;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;

/**
 * The gateway's own SASL identity toward Kafka, built from the ordinary client properties
 * ({@code sasl.mechanism}, {@code sasl.jaas.config}, {@code sasl.client.callback.handler.class}, ...) with
 * Kafka's own login machinery, the way a Kafka client builds it: the same JAAS login modules, the same
 * callback handlers, the same token refresh for OAUTHBEARER. One login serves every upstream connection.
 */
public final class UpstreamSasl implements Closeable {

    private final String mechanism;
    private final Map<String, ?> configs;
    private final LoginManager loginManager;
    private final AuthenticateCallbackHandler callbackHandler;

    private UpstreamSasl(String mechanism, Map<String, ?> configs, LoginManager loginManager,
                         AuthenticateCallbackHandler callbackHandler) {
        this.mechanism = mechanism;
        this.configs = configs;
        this.loginManager = loginManager;
        this.callbackHandler = callbackHandler;
    }

    /** Logs in once, as a Kafka client would. */
    public static UpstreamSasl login(UpstreamClientConfig clientConfig) {
        Map<String, ?> configs = clientConfig.values();
        String mechanism = clientConfig.getString(SaslConfigs.SASL_MECHANISM);
        if (OAuthBearerLoginModule.OAUTHBEARER_MECHANISM.equals(mechanism)) {
            OAuthBearerAllowList.permit(clientConfig.getString(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL));
        }
        JaasContext jaasContext = JaasContext.loadClientContext(configs);
        AuthenticateCallbackHandler callbackHandler = newCallbackHandler(clientConfig, mechanism);
        callbackHandler.configure(configs, mechanism, jaasContext.configurationEntries());
        try {
            LoginManager loginManager = LoginManager.acquireLoginManager(jaasContext, mechanism,
                    defaultLoginClass(mechanism), configs);
            return new UpstreamSasl(mechanism, configs, loginManager, callbackHandler);
        } catch (LoginException e) {
            callbackHandler.close();
            throw new KafkaException("SASL login for " + mechanism + " failed: " + e.getMessage(), e);
        }
    }

    public String mechanism() {
        return mechanism;
    }

    /** A fresh SASL client for one connection to {@code brokerHost}. */
    public SaslClient newClient(String brokerHost) throws SaslException {
        try {
            return Subject.doAs(loginManager.subject(), (PrivilegedExceptionAction<SaslClient>) () ->
                    Sasl.createSaslClient(new String[] {mechanism}, null, loginManager.serviceName(), brokerHost,
                            configs, callbackHandler));
        } catch (PrivilegedActionException e) {
            throw new SaslException("cannot create a " + mechanism + " SASL client", e.getCause());
        }
    }

    /** Runs one step of the exchange as the logged-in subject, as Kerberos requires. */
    public byte[] evaluate(SaslClient client, byte[] challenge) throws SaslException {
        try {
            return Subject.doAs(loginManager.subject(),
                    (PrivilegedExceptionAction<byte[]>) () -> client.evaluateChallenge(challenge));
        } catch (PrivilegedActionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof SaslException saslException ? saslException
                    : new SaslException("SASL " + mechanism + " failed", cause);
        }
    }

    @Override
    public void close() {
        loginManager.release();
        callbackHandler.close();
    }

    @SuppressWarnings("unchecked")
    private static AuthenticateCallbackHandler newCallbackHandler(UpstreamClientConfig clientConfig, String mechanism) {
        Class<? extends AuthenticateCallbackHandler> configured = (Class<? extends AuthenticateCallbackHandler>)
                clientConfig.getClass(SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS);
        if (configured != null) {
            return Utils.newInstance(configured);
        }
        return switch (mechanism) {
            case SaslConfigs.GSSAPI_MECHANISM -> new KerberosClientCallbackHandler();
            case OAuthBearerLoginModule.OAUTHBEARER_MECHANISM -> new OAuthBearerSaslClientCallbackHandler();
            default -> new SaslClientCallbackHandler();
        };
    }

    private static Class<? extends Login> defaultLoginClass(String mechanism) {
        return switch (mechanism) {
            case SaslConfigs.GSSAPI_MECHANISM -> KerberosLogin.class;
            case OAuthBearerLoginModule.OAUTHBEARER_MECHANISM -> OAuthBearerRefreshingLogin.class;
            default -> DefaultLogin.class;
        };
    }
}
