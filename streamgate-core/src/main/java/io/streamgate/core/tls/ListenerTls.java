package io.streamgate.core.tls;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.apache.kafka.common.network.ConnectionMode;
import org.apache.kafka.common.security.ssl.SslFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLEngine;
import java.io.File;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The server side of TLS for one listener, exactly as a Kafka broker does it: Kafka's {@link SslFactory} in server
 * mode, configured from the listener's {@code ssl.*} properties in Kafka's broker names and parsed by Kafka's own
 * broker config definitions. So PKCS12, JKS and PEM keystores and truststores (files, or PEM inline in
 * {@code ssl.keystore.key}, {@code ssl.keystore.certificate.chain}, {@code ssl.truststore.certificates}),
 * {@code ssl.client.auth} none/requested/required, {@code ssl.enabled.protocols} and {@code ssl.cipher.suites}
 * mean what they mean to a broker.
 *
 * <p>{@link #reloadIfChanged()} rebuilds the engine factory when a keystore or truststore file has changed on disk
 * (Kafka's factory compares the files' modification times); as on a broker, the new certificate must keep the
 * subject and alternative names unless {@code ssl.allow.dn.changes} / {@code ssl.allow.san.changes} are true. A
 * new file that cannot be used is logged and the current certificate stays in use.
 *
 * <p>Thread-safe: engines may be created on any event loop while a reload runs elsewhere.
 */
public final class ListenerTls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerTls.class);

    private final String listener;
    private final Map<String, Object> values;
    private final SslFactory factory;
    /** The modification times of the store files when a reload last failed: not tried again until they change. */
    private List<Long> failedFiles;

    private ListenerTls(String listener, Map<String, Object> values, SslFactory factory) {
        this.listener = listener;
        this.values = values;
        this.factory = factory;
    }

    /**
     * Checks and loads the listener's TLS configuration: the keystore and truststore are read now, so that a wrong
     * path or password fails here and not at the first client.
     *
     * @throws IllegalArgumentException with a message naming the listener and the problem (never a password)
     */
    public static ListenerTls configure(String listener, Map<String, String> tls) {
        List<String> unknown = new ArrayList<>();
        for (String key : tls.keySet()) {
            if (!key.startsWith("ssl.") || !BrokerSecurityConfigs.CONFIG_DEF.names().contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("listener " + listener + ": unknown TLS properties " + unknown
                    + " (expected Kafka broker ssl.* properties such as ssl.keystore.location)");
        }
        if (!tls.containsKey(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG)
                && !tls.containsKey(SslConfigs.SSL_KEYSTORE_KEY_CONFIG)) {
            throw new IllegalArgumentException("listener " + listener + " uses TLS but has no server certificate: set "
                    + SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG + " (or " + SslConfigs.SSL_KEYSTORE_KEY_CONFIG + " and "
                    + SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG + " for inline PEM)");
        }
        Map<String, Object> values;
        try {
            values = new HashMap<>(new AbstractConfig(BrokerSecurityConfigs.CONFIG_DEF, tls, false).values());
        } catch (KafkaException e) {
            throw new IllegalArgumentException("listener " + listener + ": invalid TLS configuration: "
                    + e.getMessage(), e);
        }
        SslFactory factory = new SslFactory(ConnectionMode.SERVER);
        try {
            // SslFactory wants a mutable map; it keeps it as the base for reconfiguration.
            factory.configure(new HashMap<>(values));
        } catch (KafkaException | IllegalArgumentException e) {
            factory.close();
            throw new IllegalArgumentException("listener " + listener + ": cannot load the TLS keystore or "
                    + "truststore: " + rootMessage(e), e);
        }
        return new ListenerTls(listener, values, factory);
    }

    /**
     * A server-side engine for a newly accepted connection from {@code peerHost:peerPort}. Synchronized with
     * {@link #reloadIfChanged} so that an event loop sees the factory a reload built (Kafka's field is not volatile).
     */
    public synchronized SSLEngine newEngine(String peerHost, int peerPort) {
        return factory.createSslEngine(peerHost, peerPort);
    }

    /**
     * Rebuilds the engine factory if a keystore or truststore file changed on disk since it was last built; later
     * connections then get the new certificate, open ones keep theirs. Call periodically from one thread.
     *
     * @return whether a new certificate or truststore is now in use
     */
    public synchronized boolean reloadIfChanged() {
        List<Long> files = storeFileTimes();
        if (files.equals(failedFiles)) {
            return false; // Kafka's factory would log the same failure again at every check
        }
        Object before = factory.sslEngineFactory();
        try {
            factory.reconfigure(new HashMap<>(values));
        } catch (RuntimeException e) { // a failure must not end the periodic check
            failedFiles = files;
            LOG.error("Listener {}: changed TLS keystore or truststore files cannot be used, still serving the "
                    + "previous certificate: {}", listener, rootMessage(e));
            return false;
        }
        failedFiles = null;
        if (factory.sslEngineFactory() == before) {
            return false;
        }
        LOG.info("Listener {}: reloaded TLS keystore/truststore (keystore {}, truststore {}); new connections use "
                        + "certificate {}", listener, values.get(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG),
                values.get(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG), subjects(factory.sslEngineFactory().keystore()));
        return true;
    }

    private List<Long> storeFileTimes() {
        List<Long> times = new ArrayList<>(2);
        for (String key : List.of(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG)) {
            Object location = values.get(key);
            times.add(location == null ? -1L : new File(location.toString()).lastModified());
        }
        return times;
    }

    /** The subjects of the certificates in the keystore now in use, for logs. */
    private static String subjects(KeyStore keystore) {
        if (keystore == null) {
            return "(none)";
        }
        TreeSet<String> subjects = new TreeSet<>();
        try {
            Enumeration<String> aliases = keystore.aliases();
            while (aliases.hasMoreElements()) {
                Certificate certificate = keystore.getCertificate(aliases.nextElement());
                if (certificate instanceof X509Certificate x509) {
                    subjects.add(x509.getSubjectX500Principal().getName() + " (serial "
                            + x509.getSerialNumber().toString(16) + ")");
                }
            }
        } catch (KeyStoreException e) {
            return "(unreadable)";
        }
        return String.join(", ", subjects);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && message.indexOf(root.getMessage()) < 0) {
                message.append(": ").append(root.getMessage());
            }
        }
        return message.toString();
    }

    @Override
    public void close() {
        factory.close();
    }
}
