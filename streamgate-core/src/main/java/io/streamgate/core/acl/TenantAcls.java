package io.streamgate.core.acl;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The ACL bindings of one virtual cluster, with Kafka's authorization rules: resource names are logical; a DENY that
 * matches wins over any ALLOW; {@code ALL} matches every operation; READ, WRITE, DELETE and ALTER imply DESCRIBE, and
 * ALTER_CONFIGS implies DESCRIBE_CONFIGS; a principal is matched as {@code User:<name>} or {@code User:*}, and also
 * {@code Group:<group>} for each of the connection's groups; host {@code *} matches any address. Immutable.
 */
public final class TenantAcls {

    /** No bindings at all: with ACLs enabled, only super users may do anything. */
    public static final TenantAcls NONE = of(List.of());

    private TenantAcls(Collection<AclBinding> bindings) {
        throw new UnsupportedOperationException("to be written");
    }

    public static TenantAcls of(Collection<AclBinding> bindings) {
        return new TenantAcls(bindings);
    }

    /**
     * Whether a principal may perform {@code operation} on the resource of that type and logical name.
     *
     * @param principal the connection's principal name (without {@code User:})
     * @param groups the connection's groups
     * @param host the client's IP address, as text
     */
    public boolean authorize(String principal, Set<String> groups, String host, AclOperation operation,
                             ResourceType resourceType, String resourceName) {
        throw new UnsupportedOperationException("to be written");
    }

    /** The bindings that match a DescribeAcls or DeleteAcls filter. */
    public List<AclBinding> matching(AclBindingFilter filter) {
        throw new UnsupportedOperationException("to be written");
    }

    public List<AclBinding> bindings() {
        throw new UnsupportedOperationException("to be written");
    }
}
