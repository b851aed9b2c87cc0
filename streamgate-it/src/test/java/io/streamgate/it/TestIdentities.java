package io.streamgate.it;

import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.Identity;
import io.streamgate.core.auth.IdentityDirectory;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small in-memory {@link IdentityDirectory} for tests: each account has one password, accepted by PLAIN and, salted
 * with Kafka's {@link ScramFormatter}, by SCRAM; some passwords are tokens that expire. Accounts belong to groups.
 */
public final class TestIdentities implements IdentityDirectory {

    private final Map<String, String> passwords;
    private final Map<String, Instant> expiries;
    private final Map<String, Set<String>> groups;
    private final Map<String, ScramCredential> scram = new HashMap<>();
    private final Map<String, String> virtualClusters = new HashMap<>();

    public TestIdentities(Map<String, String> passwords, Map<String, Instant> expiries, Map<String, Set<String>> groups) {
        this.passwords = Map.copyOf(passwords);
        this.expiries = Map.copyOf(expiries);
        this.groups = Map.copyOf(groups);
        try {
            for (ScramMechanism mechanism : ScramMechanism.values()) {
                ScramFormatter formatter = new ScramFormatter(mechanism);
                passwords.forEach((user, password) -> scram.put(mechanism.mechanismName() + "/" + user,
                        formatter.generateCredential(password, 4096)));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets an account's virtual cluster, as the {@code virtualCluster} of its resource does. */
    public TestIdentities virtualCluster(String account, String virtualCluster) {
        virtualClusters.put(account, virtualCluster);
        return this;
    }

    @Override
    public Identity authenticatePlain(String username, String password) throws AuthenticationFailedException {
        String expected = passwords.get(username);
        if (expected == null) {
            throw new AuthenticationFailedException("unknown service account");
        }
        if (!expected.equals(password)) {
            throw new AuthenticationFailedException("wrong password");
        }
        Instant expiry = expiries.get(username);
        if (expiry != null && !expiry.isAfter(Instant.now())) {
            throw new AuthenticationFailedException("token expired");
        }
        return resolve(username, Set.of());
    }

    @Override
    public Optional<Instant> plainCredentialExpiry(String password) {
        return expiries.entrySet().stream().filter(e -> password.equals(passwords.get(e.getKey())))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public Optional<ScramCredential> scramCredential(String username, ScramMechanism mechanism) {
        return Optional.ofNullable(scram.get(mechanism.mechanismName() + "/" + username));
    }

    @Override
    public Identity resolve(String principal, Set<String> externalGroups) {
        Set<String> all = new java.util.HashSet<>(groups.getOrDefault(principal, Set.of()));
        all.addAll(externalGroups);
        return new Identity(principal, passwords.containsKey(principal) ? Optional.of(principal) : Optional.empty(),
                all, Optional.ofNullable(virtualClusters.get(principal)));
    }
}
