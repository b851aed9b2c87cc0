package io.streamgate.testing.tls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestCertificatesTest {

    @TempDir
    static Path directory;

    private static TestCertificates certificates;

    @BeforeAll
    static void generate() {
        certificates = TestCertificates.generate(directory.resolve("tls"));
    }

    @Test
    void serverCertificateIsTrustedThroughTheTruststoreAndNamesLocalhostAndLoopbackIp() throws Exception {
        KeyStore serverStore = load(certificates.serverKeystore());
        X509Certificate[] chain = x509Chain(serverStore.getCertificateChain("server"));

        trustManager().checkServerTrusted(chain, "RSA");
        assertThat(chain[0].getSubjectAlternativeNames())
                .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(chain[0].getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void clientCertificateIsTrustedForClientAuthentication() throws Exception {
        KeyStore clientStore = load(certificates.clientKeystore());
        X509Certificate[] chain = x509Chain(clientStore.getCertificateChain("client"));

        trustManager().checkClientTrusted(chain, "RSA");
        assertThat(chain[0].getSubjectX500Principal().getName()).isEqualTo("CN=client");
    }

    @Test
    void pemFilesMatchTheStores() throws Exception {
        X509Certificate server = readCertificate(certificates.serverCertPem());
        X509Certificate ca = readCertificate(certificates.caPem());

        server.verify(ca.getPublicKey());
        assertThat(ca).isEqualTo(certificates.caCertificate());
        assertThat(server).isEqualTo(load(certificates.serverKeystore()).getCertificate("server"));
    }

    @Test
    void privateKeyPemIsUnencryptedPkcs8MatchingTheKeystore() throws Exception {
        String pem = Files.readString(certificates.serverKeyPem());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");

        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey fromPem = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        PrivateKey fromStore = (PrivateKey) load(certificates.serverKeystore())
                .getKey("server", certificates.password().toCharArray());
        assertThat(fromPem.getEncoded()).isEqualTo(fromStore.getEncoded());
    }

    @Test
    void certificatesAreValidNowAndForTheComingWeeks() throws Exception {
        X509Certificate server = readCertificate(certificates.serverCertPem());

        server.checkValidity();
        server.checkValidity(new Date(System.currentTimeMillis() + 29L * 24 * 3600 * 1000));
    }

    private static X509TrustManager trustManager() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(certificates.truststore()));
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance(TestCertificates.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, certificates.password().toCharArray());
        }
        return store;
    }

    private static X509Certificate readCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509Certificate[] x509Chain(Certificate[] chain) {
        return Arrays.copyOf(chain, chain.length, X509Certificate[].class);
    }
}
