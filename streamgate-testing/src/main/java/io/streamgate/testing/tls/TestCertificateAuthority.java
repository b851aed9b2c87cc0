package io.streamgate.testing.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A self-signed CA held in memory that signs end-entity certificates. Uses the JDK's own providers for keys
 * and signatures, so no BouncyCastle provider is registered JVM-wide.
 */
final class TestCertificateAuthority {

    /** Valid from a day back so that a machine whose clock lags a little still accepts the certificates. */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final SecureRandom random = new SecureRandom();
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestCertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    static TestCertificateAuthority create(String commonName) throws GeneralSecurityException {
        KeyPair keyPair = newRsaKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        try {
            X509v3CertificateBuilder builder = builder(name, name, keyPair.getPublic(), new SecureRandom());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            return new TestCertificateAuthority(keyPair, sign(builder, keyPair));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create the test CA certificate", e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a certificate for a new RSA key.
     *
     * @param subjectAlternativeNames DNS names and IP addresses, empty for none
     * @param purpose {@link KeyPurposeId#id_kp_serverAuth} or {@link KeyPurposeId#id_kp_clientAuth}
     */
    IssuedCertificate issue(String commonName, List<GeneralName> subjectAlternativeNames, KeyPurposeId purpose)
            throws GeneralSecurityException {
        KeyPair subjectKeys = newRsaKeyPair();
        X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        try {
            X509v3CertificateBuilder builder =
                    builder(issuer, new X500Name("CN=" + commonName), subjectKeys.getPublic(), random);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            if (!subjectAlternativeNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAlternativeNames.toArray(GeneralName[]::new)));
            }
            return new IssuedCertificate(subjectKeys, sign(builder, keyPair));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot issue a test certificate for CN=" + commonName, e);
        }
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, PublicKey publicKey, SecureRandom random) {
        Instant now = Instant.now();
        // Positive 63-bit serials: unique enough for certificates that live as long as a test run.
        BigInteger serial = BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(LIFETIME)), subject, publicKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer.getPrivate())));
    }

    private static KeyPair newRsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A certificate issued by this CA, with the key pair it certifies. */
    record IssuedCertificate(KeyPair keyPair, X509Certificate certificate) {
    }
}
