package io.streamgate.it;

import io.streamgate.testing.tls.TestCertificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** TLS properties for gateway listeners (Kafka broker names) and for the clients that connect to them. */
final class ListenerTlsProperties {

    private ListenerTlsProperties() {
    }

    /** Fresh test certificates in a new temporary directory, with extra DNS names in the server certificate. */
    static TestCertificates generate(String... extraServerNames) {
        try {
            return TestCertificates.generate(Files.createTempDirectory("streamgate-listener-tls"),
                    java.util.List.of(extraServerNames));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server side: the PKCS12 server keystore. */
    static Map<String, String> pkcs12Server(TestCertificates certificates) {
        return Map.of("ssl.keystore.type", "PKCS12",
                "ssl.keystore.location", certificates.serverKeystore().toString(),
                "ssl.keystore.password", certificates.password(),
                "ssl.key.password", certificates.password());
    }

    /** The server side: the PEM certificate and key files. */
    static Map<String, String> pemFilesServer(TestCertificates certificates) {
        return Map.of("ssl.keystore.type", "PEM",
                "ssl.keystore.location", concatenatedPem(certificates).toString());
    }

    /** Kafka's PEM keystore file holds the key and the certificate chain in one file. */
    private static Path concatenatedPem(TestCertificates certificates) {
        try {
            Path file = certificates.directory().resolve("server-keystore.pem");
            Files.writeString(file, Files.readString(certificates.serverKeyPem())
                    + Files.readString(certificates.serverCertPem()) + Files.readString(certificates.caPem()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A truststore holding the test CA, for requiring client certificates. */
    static Map<String, String> trustingClients(TestCertificates certificates) {
        return Map.of("ssl.truststore.type", "PKCS12",
                "ssl.truststore.location", certificates.truststore().toString(),
                "ssl.truststore.password", certificates.password());
    }

    /** Client properties for a Kafka client speaking SSL to the gateway, trusting the test CA. */
    static Map<String, Object> sslClient(TestCertificates certificates) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("security.protocol", "SSL");
        properties.put("ssl.truststore.type", "PKCS12");
        properties.put("ssl.truststore.location", certificates.truststore().toString());
        properties.put("ssl.truststore.password", certificates.password());
        return properties;
    }

    /** As {@link #sslClient}, presenting the test client certificate ({@code CN=client}). */
    static Map<String, Object> sslClientWithCertificate(TestCertificates certificates) {
        Map<String, Object> properties = sslClient(certificates);
        properties.put("ssl.keystore.type", "PKCS12");
        properties.put("ssl.keystore.location", certificates.clientKeystore().toString());
        properties.put("ssl.keystore.password", certificates.password());
        properties.put("ssl.key.password", certificates.password());
        return properties;
    }
}
