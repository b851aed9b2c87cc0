package io.streamgate.admin.identity;

import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One consistent, immutable picture of the service accounts, their credentials and the groups, indexed for the
 * questions authentication asks. A resource that cannot be read (which validation keeps out of the store, unless an
 * older or newer gateway wrote it) is logged and left out.
 *
 * @param accounts service accounts by name
 * @param accountsByPrincipal the names of external accounts by the principal they stand for; when two accounts name
 *     the same principal, the first by name wins
 * @param credentials what the gateway holds for local accounts, by account name
 * @param groups groups by name
 */
record DirectoryView(Map<String, ServiceAccountSpec> accounts, Map<String, String> accountsByPrincipal,
                     Map<String, CredentialsSpec> credentials, Map<String, GroupSpec> groups) {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryView.class);

    static final DirectoryView EMPTY = new DirectoryView(Map.of(), Map.of(), Map.of(), Map.of());

    DirectoryView {
        accounts = Map.copyOf(accounts);
        accountsByPrincipal = Map.copyOf(accountsByPrincipal);
        credentials = Map.copyOf(credentials);
        groups = Map.copyOf(groups);
    }

    /** Whether the directory is made from resources of this kind. */
    static boolean isIdentityKind(ResourceId id) {
        return id.kind().equals(ServiceAccountSpec.KIND) || id.kind().equals(GroupSpec.KIND)
                || id.kind().equals(CredentialsSpec.KIND);
    }

    /** The view of the identity resources among {@code resources}. */
    static DirectoryView of(Iterable<Resource> resources) {
        Map<String, ServiceAccountSpec> accounts = new TreeMap<>();
        Map<String, CredentialsSpec> credentials = new HashMap<>();
        Map<String, GroupSpec> groups = new HashMap<>();
        for (Resource resource : resources) {
            String name = resource.metadata().name();
            try {
                switch (resource.kind()) {
                    case ServiceAccountSpec.KIND -> accounts.put(name, ServiceAccountSpec.of(resource));
                    case GroupSpec.KIND -> groups.put(name, GroupSpec.of(resource));
                    case CredentialsSpec.KIND -> credentials.put(name, CredentialsSpec.of(resource));
                    default -> { }
                }
            } catch (RuntimeException e) {
                LOG.error("Ignoring {}: {}", resource.id(), e.getMessage());
            }
        }
        Map<String, String> byPrincipal = new LinkedHashMap<>();
        accounts.forEach((name, account) -> account.principal()
                .ifPresent(principal -> byPrincipal.putIfAbsent(principal, name)));
        return new DirectoryView(accounts, byPrincipal, credentials, groups);
    }
}
