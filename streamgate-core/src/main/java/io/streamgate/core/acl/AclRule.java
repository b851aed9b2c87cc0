package io.streamgate.core.acl;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

import java.util.EnumSet;
import java.util.Set;

/**
 * One access control entry, compiled for authorization on event loops: the principal split once into its type and
 * name, and the operations it allows or denies as bit masks, Kafka's implications included, so that a check compares
 * strings and masks and allocates nothing.
 *
 * @param group whether the principal is {@code Group:<name>} rather than {@code User:<name>}
 * @param principalName the name after the type; {@code *} for every user
 * @param host the client address it applies to; {@code *} for any
 * @param allowed the operations an ALLOW entry grants (bits by {@link AclOperation#ordinal()})
 * @param denied the operations a DENY entry refuses
 */
record AclRule(boolean group, String principalName, String host, long allowed, long denied) {

    private static final String GROUP_TYPE = "Group";
    private static final String WILDCARD = "*";

    /** What {@code ALL} matches: every operation but the filter-only values. */
    private static final long ALL_OPERATIONS = mask(EnumSet.complementOf(EnumSet.of(AclOperation.UNKNOWN,
            AclOperation.ANY)));

    /** As in Kafka's authorizer: any of these, when allowed, allows DESCRIBE too (a DENY implies nothing). */
    private static final Set<AclOperation> IMPLIES_DESCRIBE = EnumSet.of(AclOperation.READ, AclOperation.WRITE,
            AclOperation.DELETE, AclOperation.ALTER);

    /**
     * The rule of an entry, or null when the entry can never match a connection: a principal type other than
     * {@code User} and {@code Group}, or an operation or permission type that only filters use.
     */
    static AclRule of(AccessControlEntry entry) {
        AclOperation operation = entry.operation();
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            return null;
        }
        String principal = entry.principal();
        int colon = principal.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String type = principal.substring(0, colon);
        boolean group = type.equals(GROUP_TYPE);
        if (!group && !type.equals(KafkaPrincipal.USER_TYPE)) {
            return null;
        }
        String name = principal.substring(colon + 1);
        if (entry.permissionType() == AclPermissionType.ALLOW) {
            return new AclRule(group, name, entry.host(), allowedBy(operation), 0L);
        }
        if (entry.permissionType() == AclPermissionType.DENY) {
            return new AclRule(group, name, entry.host(), 0L, operation == AclOperation.ALL ? ALL_OPERATIONS
                    : bit(operation));
        }
        return null;
    }

    static long bit(AclOperation operation) {
        return 1L << operation.ordinal();
    }

    /** Whether the rule names this connection: its user (or every user), or one of its groups; and its host. */
    boolean appliesTo(String principal, Set<String> groups, String clientHost) {
        boolean principalMatches = group ? groups.contains(principalName)
                : principalName.equals(WILDCARD) || principalName.equals(principal);
        return principalMatches && (host.equals(WILDCARD) || host.equals(clientHost));
    }

    private static long allowedBy(AclOperation operation) {
        if (operation == AclOperation.ALL) {
            return ALL_OPERATIONS;
        }
        long allowed = bit(operation);
        if (IMPLIES_DESCRIBE.contains(operation)) {
            allowed |= bit(AclOperation.DESCRIBE);
        }
        if (operation == AclOperation.ALTER_CONFIGS) {
            allowed |= bit(AclOperation.DESCRIBE_CONFIGS);
        }
        return allowed;
    }

    private static long mask(Set<AclOperation> operations) {
        long mask = 0L;
        for (AclOperation operation : operations) {
            mask |= bit(operation);
        }
        return mask;
    }
}
