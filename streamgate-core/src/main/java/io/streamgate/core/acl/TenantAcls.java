package io.streamgate.core.acl;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ACL bindings of one virtual cluster, with Kafka's authorization rules: resource names are logical; a DENY that
 * matches wins over any ALLOW; {@code ALL} matches every operation; READ, WRITE, DELETE and ALTER imply DESCRIBE, and
 * ALTER_CONFIGS implies DESCRIBE_CONFIGS; a principal is matched as {@code User:<name>} or {@code User:*}, and also
 * {@code Group:<group>} for each of the connection's groups; host {@code *} matches any address. Immutable.
 *
 * <p>{@link #authorize} runs for every resource of every request on event loops, so the bindings are compiled once,
 * here, into rules indexed by resource type and pattern; a check allocates nothing.
 */
public final class TenantAcls {

    /** No bindings at all: with ACLs enabled, only super users may do anything. */
    public static final TenantAcls NONE = of(List.of());

    private final List<AclBinding> bindings;
    private final Map<ResourceType, ResourceTypeAcls> byResourceType;

    private TenantAcls(Collection<AclBinding> bindings) {
        this.bindings = List.copyOf(bindings);
        Map<ResourceType, ResourceTypeAcls.Builder> builders = new EnumMap<>(ResourceType.class);
        for (AclBinding binding : this.bindings) {
            AclRule rule = AclRule.of(binding.entry());
            if (rule != null) {
                builders.computeIfAbsent(binding.pattern().resourceType(), type -> new ResourceTypeAcls.Builder())
                        .add(binding.pattern(), rule);
            }
        }
        Map<ResourceType, ResourceTypeAcls> byResourceType = new EnumMap<>(ResourceType.class);
        builders.forEach((type, builder) -> byResourceType.put(type, builder.build()));
        this.byResourceType = Collections.unmodifiableMap(byResourceType);
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
        ResourceTypeAcls acls = byResourceType.get(resourceType);
        return acls != null && acls.authorize(principal, groups, host, operation, resourceName);
    }

    /** The bindings that match a DescribeAcls or DeleteAcls filter, as {@link AclBindingFilter#matches} says. */
    public List<AclBinding> matching(AclBindingFilter filter) {
        List<AclBinding> matching = new ArrayList<>();
        for (AclBinding binding : bindings) {
            if (filter.matches(binding)) {
                matching.add(binding);
            }
        }
        return matching;
    }

    public List<AclBinding> bindings() {
        return bindings;
    }
}
