package io.streamgate.core.auth;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificatePrincipalsTest {

    @Test
    void usesTheWholeSubjectByDefaultAsKafkaDoes() throws Exception {
        CertificatePrincipals principals = new CertificatePrincipals("DEFAULT", IdentityDirectory.EMPTY);
        assertThat(principals.principal("CN=orders,OU=Payments,O=Example")).isEqualTo("CN=orders,OU=Payments,O=Example");
    }

    @Test
    void mapsTheSubjectWithKafkasPrincipalMappingRules() throws Exception {
        CertificatePrincipals principals = new CertificatePrincipals(
                "RULE:^CN=([^,]+),OU=Payments,.*$/$1-svc/L,RULE:^CN=([^,]+),.*$/$1/", IdentityDirectory.EMPTY);
        assertThat(principals.principal("CN=Orders,OU=Payments,O=Example")).isEqualTo("orders-svc");
        assertThat(principals.principal("CN=Billing,OU=Finance,O=Example")).isEqualTo("Billing");
    }

    @Test
    void refusesASubjectNoRuleMaps() {
        CertificatePrincipals principals = new CertificatePrincipals("RULE:^CN=([^,]+),OU=Payments$/$1/",
                IdentityDirectory.EMPTY);
        assertThatThrownBy(() -> principals.principal("CN=intruder,OU=Elsewhere"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("no principal mapping rule matches the certificate subject");
    }

    @Test
    void resolvesTheMappedPrincipalInTheDirectory() throws Exception {
        IdentityDirectory directory = new IdentityDirectory() {
            @Override
            public Identity authenticatePlain(String username, String password) throws AuthenticationFailedException {
                throw new AuthenticationFailedException("no");
            }

            @Override
            public Optional<org.apache.kafka.common.security.scram.ScramCredential> scramCredential(
                    String username, org.apache.kafka.common.security.scram.internals.ScramMechanism mechanism) {
                return Optional.empty();
            }

            @Override
            public Identity resolve(String principal, Set<String> externalGroups) {
                return new Identity(principal, Optional.of("sa-" + principal), Set.of("g"));
            }
        };
        CertificatePrincipals principals = new CertificatePrincipals("RULE:^CN=([^,]+),.*$/$1/", directory);
        assertThat(principals.principal("CN=orders,O=Example")).isEqualTo("orders");
        assertThat(directory.resolve(principals.principal("CN=orders,O=Example"), Set.of()).serviceAccount())
                .contains("sa-orders");
    }
}
