package io.streamgate.testing.tls;

import io.streamgate.testing.tls.TestCertificateAuthority.IssuedCertificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * A throw-away PKI for tests, written to a directory: a self-signed CA, a server certificate for
 * {@code localhost} and {@code 127.0.0.1}, and a client certificate ({@code CN=client}) for mutual TLS, all
 * RSA 2048, valid from one day back to 30 days ahead.
 *
 * <p>Every file exists in the forms that Kafka and Netty take: PEM certificates, PKCS8 unencrypted PEM keys,
 * and PKCS12 stores. All stores share one random {@link #password()}, which is also the password of the
 * private key entries (Kafka's {@code ssl.key.password}). Keystore aliases are {@code server} and
 * {@code client}; the truststore holds the CA under {@code ca}.
 *
 * <p>Instances are immutable ({@link #reissueServerCertificate} returns a new one); the files belong to the caller,
 * who deletes the directory.
 */
public final class TestCertificates {

    /** The store type of every keystore and truststore written here. */
    public static final String STORE_TYPE = "PKCS12";

    private final Path directory;
    private final String password;
    private final TestCertificateAuthority ca;
    private final List<String> extraServerNames;
    private final X509Certificate serverCertificate;

    private TestCertificates(Path directory, String password, TestCertificateAuthority ca,
                             List<String> extraServerNames, X509Certificate serverCertificate) {
        this.directory = directory;
        this.password = password;
        this.ca = ca;
        this.extraServerNames = List.copyOf(extraServerNames);
        this.serverCertificate = serverCertificate;
    }

    /**
     * Generates a new CA, server and client certificate and writes them into {@code directory}, creating it
     * if needed. Takes about a second, mostly RSA key generation.
     */
    public static TestCertificates generate(Path directory) {
        return generate(directory, List.of());
    }

    /**
     * As {@link #generate(Path)}, with more DNS names in the server certificate besides {@code localhost} and
     * {@code 127.0.0.1}: e.g. {@code *.gw.test} for SNI host names.
     */
    public static TestCertificates generate(Path directory, List<String> extraServerNames) {
        try {
            Files.createDirectories(directory);
            String password = randomPassword();
            TestCertificateAuthority ca = TestCertificateAuthority.create("Streamgate Test CA");
            IssuedCertificate server = issueServer(ca, extraServerNames);
            IssuedCertificate client = ca.issue("client", List.of(), KeyPurposeId.id_kp_clientAuth);

            TestCertificates files = new TestCertificates(directory, password, ca, extraServerNames,
                    server.certificate());
            writePem(files.caPem(), ca.certificate());
            writeServer(files, server);
            writePem(files.clientCertPem(), client.certificate());
            writePrivateKey(files.clientKeyPem(), client.keyPair().getPrivate());
            writeKeystore(files.clientKeystore(), "client", client, ca.certificate(), password);
            writeTruststore(files.truststore(), ca.certificate(), password);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test certificates to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate test certificates", e);
        }
    }

    /**
     * Issues a new server certificate, for a new key, from the same CA and for the same names, and replaces the
     * server's files ({@link #serverCertPem}, {@link #serverKeyPem}, {@link #serverKeystore}) with it, each file
     * atomically: what an operator renewing a certificate does. The client files and the truststore are unchanged.
     *
     * @return the certificates as they are now
     */
    public TestCertificates reissueServerCertificate() {
        try {
            IssuedCertificate server = issueServer(ca, extraServerNames);
            TestCertificates renewed = new TestCertificates(directory, password, ca, extraServerNames,
                    server.certificate());
            writeServer(renewed, server);
            return renewed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test certificates to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    /** The server certificate now in the server files. */
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    private static IssuedCertificate issueServer(TestCertificateAuthority ca, List<String> extraServerNames)
            throws GeneralSecurityException {
        List<GeneralName> names = new java.util.ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        extraServerNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        return ca.issue("localhost", names, KeyPurposeId.id_kp_serverAuth);
    }

    private static void writeServer(TestCertificates files, IssuedCertificate server)
            throws IOException, GeneralSecurityException {
        Path staging = Files.createTempDirectory(files.directory(), "staging");
        writePem(staging.resolve("server.pem"), server.certificate());
        writePrivateKey(staging.resolve("server-key.pem"), server.keyPair().getPrivate());
        writeKeystore(staging.resolve("server.p12"), "server", server, files.caCertificate(), files.password());
        for (Path file : List.of(files.serverCertPem(), files.serverKeyPem(), files.serverKeystore())) {
            Files.move(staging.resolve(file.getFileName()), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(staging);
    }

    /** The directory holding all files. */
    public Path directory() {
        return directory;
    }

    /** The CA certificate, PEM. */
    public Path caPem() {
        return directory.resolve("ca.pem");
    }

    /** The CA certificate, for building trust managers in memory. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The server certificate (SAN {@code DNS:localhost}, {@code IP:127.0.0.1}), PEM, without the CA. */
    public Path serverCertPem() {
        return directory.resolve("server.pem");
    }

    /** The server's private key, PEM, PKCS8, unencrypted. */
    public Path serverKeyPem() {
        return directory.resolve("server-key.pem");
    }

    /** PKCS12 keystore with the server key and its chain (server, CA) under alias {@code server}. */
    public Path serverKeystore() {
        return directory.resolve("server.p12");
    }

    /** PKCS12 truststore holding the CA certificate under alias {@code ca}. */
    public Path truststore() {
        return directory.resolve("truststore.p12");
    }

    /** The client certificate ({@code CN=client}), PEM, without the CA. */
    public Path clientCertPem() {
        return directory.resolve("client.pem");
    }

    /** The client's private key, PEM, PKCS8, unencrypted. */
    public Path clientKeyPem() {
        return directory.resolve("client-key.pem");
    }

    /** PKCS12 keystore with the client key and its chain (client, CA) under alias {@code client}. */
    public Path clientKeystore() {
        return directory.resolve("client.p12");
    }

    /** The password of every store and key entry. */
    public String password() {
        return password;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void writePem(Path file, X509Certificate certificate) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(certificate);
        }
    }

    private static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            // JcaPEMWriter alone would write the PKCS1 "RSA PRIVATE KEY" form, which Netty and Kafka do not read.
            pem.writeObject(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IOException("cannot encode a private key as PKCS8", e);
        }
    }

    private static void writeKeystore(Path file, String alias, IssuedCertificate entry, X509Certificate ca,
                                      String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        store.setKeyEntry(alias, entry.keyPair().getPrivate(), password.toCharArray(),
                new Certificate[] {entry.certificate(), ca});
        save(store, file, password);
    }

    private static void writeTruststore(Path file, X509Certificate ca, String password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        save(store, file, password);
    }

    private static void save(KeyStore store, Path file, String password)
            throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
