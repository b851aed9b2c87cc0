package io.streamgate.core.auth;

import org.apache.kafka.common.security.ssl.SslPrincipalMapper;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Set;

/**
 * The identity of a client certificate: its subject, in RFC 2253 form as Kafka reads it, mapped by Kafka's
 * {@link SslPrincipalMapper} with {@code ssl.principal.mapping.rules}, then resolved in the directory. Thread-safe.
 */
public final class CertificatePrincipals {

    private final SslPrincipalMapper mapper;
    private final IdentityDirectory directory;

    public CertificatePrincipals(String mappingRules, IdentityDirectory directory) {
        this.mapper = SslPrincipalMapper.fromRules(mappingRules);
        this.directory = directory;
    }

    /** The principal name the rules give {@code certificate}'s subject. */
    public String principal(X509Certificate certificate) throws AuthenticationFailedException {
        return principal(certificate.getSubjectX500Principal().getName());
    }

    /** The principal name the rules give a subject distinguished name in RFC 2253 form. */
    String principal(String subject) throws AuthenticationFailedException {
        try {
            return mapper.getName(subject);
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthenticationFailedException("no principal mapping rule matches the certificate subject");
        }
    }

    /** Who {@code certificate} proves its holder to be. */
    public Identity identify(X509Certificate certificate) throws AuthenticationFailedException {
        return directory.resolve(principal(certificate), Set.of());
    }
}
