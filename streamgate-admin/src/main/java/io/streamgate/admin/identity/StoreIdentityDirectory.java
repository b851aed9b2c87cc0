package io.streamgate.admin.identity;

import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.GatewayTokens;
import io.streamgate.core.auth.Identity;
import io.streamgate.core.auth.IdentityDirectory;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.Subscription;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

/**
 * The {@link IdentityDirectory} of a gateway instance: the {@code ServiceAccount}, {@code Group} and
 * {@code ServiceAccountCredentials} resources of a {@link ResourceStore}, followed live. {@link #start()} subscribes
 * and takes the snapshot; every change then replaces an immutable {@link DirectoryView} as a whole, so a change made
 * through any instance sharing the store applies to the next authentication on this one.
 *
 * <p><b>Threading.</b> The questions ({@link #authenticatePlain}, {@link #scramCredential}, {@link #resolve}) are
 * asked on event loops: they read the current view (one volatile read) and verify a token's MAC, nothing more; no
 * lock, no I/O. Changes are applied on the store's thread; each rebuilds the view from the identity resources
 * (there are few, and they change rarely).
 */
public final class StoreIdentityDirectory implements IdentityDirectory, AutoCloseable {

    private final ResourceStore store;
    private final GatewayTokens tokens;
    /** The identity resources, changed under the lock only; the view is rebuilt from them. */
    private final Map<ResourceId, Resource> resources = new HashMap<>();
    private final Object lock = new Object();
    private volatile DirectoryView view = DirectoryView.EMPTY;
    private Subscription subscription;

    /**
     * @param tokens verifies the tokens local accounts present over SASL/PLAIN
     */
    public StoreIdentityDirectory(ResourceStore store, GatewayTokens tokens) {
        this.store = Objects.requireNonNull(store, "store");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Subscribes to the store and loads its identity resources; returns once they are loaded. */
    public StoreIdentityDirectory start() {
        synchronized (lock) {
            if (subscription != null) {
                throw new IllegalStateException("already started");
            }
            // A change may arrive before the snapshot is loaded: the listener waits for the lock.
            subscription = store.subscribe(this::apply);
            subscription.snapshot().forEach((id, resource) -> {
                if (DirectoryView.isIdentityKind(id)) {
                    resources.put(id, resource);
                }
            });
            view = DirectoryView.of(resources.values());
        }
        return this;
    }

    private void apply(ResourceChange change) {
        if (!DirectoryView.isIdentityKind(change.id())) {
            return;
        }
        synchronized (lock) {
            if (change instanceof ResourceChange.Upserted upserted) {
                resources.put(change.id(), upserted.after());
            } else {
                resources.remove(change.id());
            }
            view = DirectoryView.of(resources.values());
        }
    }

    /** A gateway token's expiry, so that a PLAIN session ends with its token; empty for anything else. */
    @Override
    public Optional<Instant> plainCredentialExpiry(String password) {
        try {
            return Optional.of(tokens.verify(password).expiresAt());
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Identity authenticatePlain(String username, String password) throws AuthenticationFailedException {
        GatewayTokens.Claims claims = tokens.verify(password);
        if (!claims.subject().equals(username)) {
            throw new AuthenticationFailedException("the token was issued to another service account");
        }
        DirectoryView current = view;
        ServiceAccountSpec account = current.accounts().get(username);
        if (account == null) {
            throw new AuthenticationFailedException("unknown service account");
        }
        if (!account.isLocal()) {
            throw new AuthenticationFailedException("service account " + username + " is EXTERNAL: it cannot "
                    + "authenticate with a gateway token");
        }
        Optional<Instant> notBefore = Optional.ofNullable(current.credentials().get(username))
                .flatMap(CredentialsSpec::tokensNotBefore);
        if (notBefore.isPresent() && claims.issuedAt().isBefore(notBefore.get())) {
            throw new AuthenticationFailedException("token revoked: the account's tokens issued before "
                    + notBefore.get() + " were revoked");
        }
        return identity(current, username, username, Set.of());
    }

    @Override
    public Optional<ScramCredential> scramCredential(String username, ScramMechanism mechanism) {
        DirectoryView current = view;
        ServiceAccountSpec account = current.accounts().get(username);
        if (account == null || !account.isLocal()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.credentials().get(username))
                .map(credentials -> credentials.scram().get(mechanism));
    }

    @Override
    public Identity resolve(String principal, Set<String> externalGroups) {
        DirectoryView current = view;
        ServiceAccountSpec local = current.accounts().get(principal);
        String account = local != null && local.isLocal() ? principal : current.accountsByPrincipal().get(principal);
        return identity(current, principal, account, externalGroups);
    }

    /** The identity of {@code principal}, who is {@code account} (or null), with its groups and virtual cluster. */
    private static Identity identity(DirectoryView view, String principal, String account, Set<String> externalGroups) {
        String member = account != null ? account : principal;
        Set<String> groups = new TreeSet<>();
        view.groups().forEach((name, group) -> {
            if (group.members().contains(member) || group.externalGroups().stream().anyMatch(externalGroups::contains)) {
                groups.add(name);
            }
        });
        Optional<String> virtualCluster = Optional.ofNullable(account).map(view.accounts()::get)
                .flatMap(ServiceAccountSpec::virtualCluster);
        return new Identity(principal, Optional.ofNullable(account), groups, virtualCluster);
    }

    /** Stops following the store. */
    @Override
    public void close() {
        Subscription current;
        synchronized (lock) {
            current = subscription;
        }
        // Not under the lock: closing may wait for a change being applied, which takes the lock.
        if (current != null) {
            current.close();
        }
    }
}
