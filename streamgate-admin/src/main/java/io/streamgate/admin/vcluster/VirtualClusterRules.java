package io.streamgate.admin.vcluster;

import io.streamgate.admin.identity.ServiceAccountSpec;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules that keep tenants apart across resources, checked on every write against what the store will hold:
 * <ul>
 *   <li>a virtual cluster's prefix is unique, and neither a prefix of another's nor starts with another's (else one
 *       tenant's topics would be the other's, e.g. prefixes {@code a.} and {@code a.b.});</li>
 *   <li>no alias topic's physical topic starts with a virtual cluster's prefix: an alias never exposes a tenant's
 *       topic, neither another's nor (confusingly, under a second name) its own;</li>
 *   <li>alias topics, ACL bindings and service accounts refer to a virtual cluster that exists;</li>
 *   <li>a physical topic is aliased at most once per virtual cluster; an ACL binding is stored at most once per
 *       virtual cluster (whatever its name), so that Kafka's CreateAcls of the same binding is idempotent.</li>
 * </ul>
 * A resource of the store that cannot be read (an older or newer gateway's) is left out of the comparisons.
 * Stateless.
 */
public final class VirtualClusterRules {

    private VirtualClusterRules() {
    }

    /** A virtual cluster among the others. */
    static void checkVirtualCluster(Resource resource, VirtualClusterSpec spec, Map<ResourceId, Resource> planned) {
        String name = resource.metadata().name();
        String prefix = spec.prefixOf(name);
        String field = spec.prefix().isPresent() ? "spec.prefix" : "metadata.name";
        prefixes(planned.values()).forEach((other, otherPrefix) -> {
            if (other.equals(name)) {
                return;
            }
            if (otherPrefix.equals(prefix)) {
                throw new InvalidResourceException(field, "the prefix '" + prefix + "' is already virtual cluster "
                        + other + "'s");
            }
            if (otherPrefix.startsWith(prefix)) {
                throw new InvalidResourceException(field, "the prefix '" + prefix + "' is the start of virtual "
                        + "cluster " + other + "'s prefix '" + otherPrefix + "': the tenants' topics would mix");
            }
            if (prefix.startsWith(otherPrefix)) {
                throw new InvalidResourceException(field, "the prefix '" + prefix + "' starts with virtual cluster "
                        + other + "'s prefix '" + otherPrefix + "': the tenants' topics would mix");
            }
        });
        for (Resource alias : readable(planned.values(), AliasTopicSpec.KIND)) {
            String physical = AliasTopicSpec.of(alias).physicalTopic();
            if (physical.startsWith(prefix)) {
                throw new InvalidResourceException(field, "the prefix '" + prefix + "' would take in '" + physical
                        + "', which alias topic " + alias.metadata().name() + " of virtual cluster "
                        + alias.metadata().scope().virtualCluster() + " shows: delete the alias first");
            }
        }
    }

    /** An alias topic among the others. */
    static void checkAlias(Resource resource, AliasTopicSpec spec, Map<ResourceId, Resource> planned) {
        String virtualCluster = existingVirtualCluster(resource, planned);
        prefixes(planned.values()).forEach((cluster, prefix) -> {
            if (spec.physicalTopic().startsWith(prefix)) {
                throw new InvalidResourceException("spec.physicalTopic", "'" + spec.physicalTopic() + "' starts with "
                        + "virtual cluster " + cluster + "'s prefix '" + prefix + "': an alias cannot show a "
                        + "virtual cluster's topic");
            }
        });
        for (Resource other : readable(planned.values(), AliasTopicSpec.KIND)) {
            if (virtualCluster.equals(other.metadata().scope().virtualCluster())
                    && !other.metadata().name().equals(resource.metadata().name())
                    && AliasTopicSpec.of(other).physicalTopic().equals(spec.physicalTopic())) {
                throw new InvalidResourceException("spec.physicalTopic", "'" + spec.physicalTopic() + "' is already "
                        + "aliased in virtual cluster " + virtualCluster + " as " + other.metadata().name());
            }
        }
    }

    /** An ACL binding among the others. */
    static void checkAclBinding(Resource resource, AclBindingSpec spec, Map<ResourceId, Resource> planned) {
        String virtualCluster = existingVirtualCluster(resource, planned);
        for (Resource other : readable(planned.values(), AclBindingSpec.KIND)) {
            if (virtualCluster.equals(other.metadata().scope().virtualCluster())
                    && !other.metadata().name().equals(resource.metadata().name())
                    && AclBindingSpec.of(other).equals(spec)) {
                throw new InvalidResourceException("spec", "virtual cluster " + virtualCluster + " already has this "
                        + "binding, as " + other.metadata().name());
            }
        }
    }

    /** A service account's virtual cluster, if it names one, exists. */
    public static void checkServiceAccount(ServiceAccountSpec spec, Map<ResourceId, Resource> planned) {
        spec.virtualCluster().ifPresent(virtualCluster -> {
            if (!planned.containsKey(virtualClusterId(virtualCluster))) {
                throw new InvalidResourceException("spec.virtualCluster", "no virtual cluster named "
                        + virtualCluster);
            }
        });
    }

    /**
     * What refers to the virtual cluster {@code name} among {@code resources}: its alias topics, ACL bindings and the
     * service accounts that land in it. A virtual cluster is deleted only once nothing does.
     */
    public static List<ResourceId> dependents(String name, Collection<Resource> resources) {
        return resources.stream().filter(resource -> switch (resource.kind()) {
            case AliasTopicSpec.KIND, AclBindingSpec.KIND -> name.equals(resource.metadata().scope().virtualCluster());
            case ServiceAccountSpec.KIND -> accountVirtualCluster(resource).filter(name::equals).isPresent();
            default -> false;
        }).map(Resource::id).sorted().toList();
    }

    static ResourceId virtualClusterId(String name) {
        return new ResourceId(VirtualClusterSpec.KIND, name, Scope.GLOBAL);
    }

    private static String existingVirtualCluster(Resource resource, Map<ResourceId, Resource> planned) {
        String virtualCluster = resource.metadata().scope().virtualCluster();
        if (!planned.containsKey(virtualClusterId(virtualCluster))) {
            throw new InvalidResourceException("metadata.scope.virtualCluster", "no virtual cluster named "
                    + virtualCluster);
        }
        return virtualCluster;
    }

    /** The prefixes of the readable virtual clusters among {@code resources}, by name. */
    private static Map<String, String> prefixes(Collection<Resource> resources) {
        Map<String, String> prefixes = new TreeMap<>();
        for (Resource cluster : readable(resources, VirtualClusterSpec.KIND)) {
            prefixes.put(cluster.metadata().name(), VirtualClusterSpec.of(cluster).prefixOf(cluster.metadata().name()));
        }
        return prefixes;
    }

    /** The resources of {@code kind} whose spec reads. */
    private static List<Resource> readable(Collection<Resource> resources, String kind) {
        return resources.stream().filter(resource -> resource.kind().equals(kind)).filter(resource -> {
            try {
                switch (kind) {
                    case VirtualClusterSpec.KIND -> VirtualClusterSpec.of(resource);
                    case AliasTopicSpec.KIND -> AliasTopicSpec.of(resource);
                    case AclBindingSpec.KIND -> AclBindingSpec.of(resource);
                    default -> throw new IllegalArgumentException(kind);
                }
                return true;
            } catch (InvalidResourceException e) {
                return false;
            }
        }).toList();
    }

    private static Optional<String> accountVirtualCluster(Resource account) {
        try {
            return ServiceAccountSpec.of(account).virtualCluster();
        } catch (InvalidResourceException e) {
            return Optional.empty();
        }
    }
}
