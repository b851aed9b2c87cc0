package io.streamgate.admin.vcluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.admin.identity.SpecFields;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceMetadata;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code spec} of an {@code AclBinding} resource: one Kafka ACL binding of a virtual cluster, over its logical
 * names.
 *
 * <pre>{@code
 * kind: AclBinding
 * metadata:
 *   name: acl-5f1c0e9a2b7d4c61        # derived from the binding when Kafka's CreateAcls or the API's POST made it
 *   scope: {virtualCluster: payments}
 * spec:
 *   resourceType: TOPIC               # TOPIC, GROUP, TRANSACTIONAL_ID or CLUSTER
 *   patternType: LITERAL              # LITERAL or PREFIXED
 *   resourceName: orders              # a logical name; "*" (LITERAL) for all; kafka-cluster for CLUSTER
 *   principal: "User:alice"           # User:<name> or Group:<group>; User:* for everyone
 *   host: "*"                         # optional, "*" by default
 *   operation: READ                   # READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS,
 *                                     # ALTER_CONFIGS, CLUSTER_ACTION, IDEMPOTENT_WRITE or ALL
 *   permission: ALLOW                 # ALLOW or DENY
 * }</pre>
 *
 * The values are those Kafka's CreateAcls accepts for these resource types (a CLUSTER binding names
 * {@code kafka-cluster}, with a LITERAL pattern, as Kafka requires). Kafka-only resource types (delegation tokens,
 * users) and token operations have no meaning in a virtual cluster and are refused.
 */
public record AclBindingSpec(ResourceType resourceType, PatternType patternType, String resourceName,
                             String principal, String host, AclOperation operation, AclPermissionType permission) {

    /** The kind of ACL binding resources. */
    public static final String KIND = "AclBinding";
    /** The name of the one CLUSTER resource, as Kafka names it. */
    public static final String CLUSTER_NAME = "kafka-cluster";
    /** The fields of the spec. */
    public static final List<String> FIELDS = List.of("resourceType", "patternType", "resourceName", "principal",
            "host", "operation", "permission");
    private static final String ANY_HOST = "*";

    private static final List<ResourceType> RESOURCE_TYPES = List.of(ResourceType.TOPIC, ResourceType.GROUP,
            ResourceType.TRANSACTIONAL_ID, ResourceType.CLUSTER);
    private static final List<PatternType> PATTERN_TYPES = List.of(PatternType.LITERAL, PatternType.PREFIXED);
    private static final List<AclOperation> OPERATIONS = List.of(AclOperation.READ, AclOperation.WRITE,
            AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER, AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS, AclOperation.CLUSTER_ACTION,
            AclOperation.IDEMPOTENT_WRITE, AclOperation.ALL);
    private static final List<AclPermissionType> PERMISSIONS = List.of(AclPermissionType.ALLOW,
            AclPermissionType.DENY);
    private static final List<String> PRINCIPAL_TYPES = List.of("User:", "Group:");

    /**
     * A binding; every value is checked.
     *
     * @throws InvalidResourceException naming the offending field ({@code spec.operation})
     */
    public AclBindingSpec {
        checkIn("resourceType", resourceType, RESOURCE_TYPES);
        checkIn("patternType", patternType, PATTERN_TYPES);
        checkIn("operation", operation, OPERATIONS);
        checkIn("permission", permission, PERMISSIONS);
        if (resourceName == null || resourceName.isEmpty()) {
            throw new InvalidResourceException("spec.resourceName", "required: the logical name of the "
                    + resourceType + " (or its start, PREFIXED), or * for all");
        }
        if (resourceType == ResourceType.CLUSTER
                && (!resourceName.equals(CLUSTER_NAME) || patternType != PatternType.LITERAL)) {
            throw new InvalidResourceException("spec.resourceName", "a CLUSTER binding names the LITERAL resource "
                    + CLUSTER_NAME + ", as in Kafka");
        }
        if (principal == null || PRINCIPAL_TYPES.stream().noneMatch(type -> principal.startsWith(type)
                && principal.length() > type.length())) {
            throw new InvalidResourceException("spec.principal", "expected User:<name> or Group:<group>, not "
                    + (principal == null ? "nothing" : "'" + principal + "'"));
        }
        if (host == null || host.isBlank()) {
            throw new InvalidResourceException("spec.host", "expected a client address or *");
        }
    }

    /**
     * @throws InvalidResourceException naming the offending field
     */
    public static AclBindingSpec of(Resource resource) {
        AliasTopicSpec.virtualClusterOf(resource, "ACL bindings");
        return of(resource.spec());
    }

    /**
     * The binding a spec object describes.
     *
     * @throws InvalidResourceException naming the offending field
     */
    public static AclBindingSpec of(ObjectNode spec) {
        SpecFields.onlyKnown(spec, KIND, FIELDS);
        String host = SpecFields.optionalText(spec, "host");
        return new AclBindingSpec(
                value(spec, "resourceType", ResourceType.class, RESOURCE_TYPES),
                value(spec, "patternType", PatternType.class, PATTERN_TYPES),
                SpecFields.optionalText(spec, "resourceName"),
                SpecFields.optionalText(spec, "principal"),
                host == null ? ANY_HOST : host,
                value(spec, "operation", AclOperation.class, OPERATIONS),
                value(spec, "permission", AclPermissionType.class, PERMISSIONS));
    }

    /**
     * The spec of a Kafka binding (from a CreateAcls).
     *
     * @throws InvalidResourceException naming the offending field
     */
    public static AclBindingSpec of(AclBinding binding) {
        ResourcePattern pattern = binding.pattern();
        AccessControlEntry entry = binding.entry();
        return new AclBindingSpec(pattern.resourceType(), pattern.patternType(), pattern.name(), entry.principal(),
                entry.host(), entry.operation(), entry.permissionType());
    }

    public AclBinding toAclBinding() {
        return new AclBinding(new ResourcePattern(resourceType, resourceName, patternType),
                new AccessControlEntry(principal, host, operation, permission));
    }

    /**
     * The name a binding gets when it is created without one (Kafka's CreateAcls, the API's POST): derived from the
     * binding alone, so that creating the same binding again finds it instead of adding a second one.
     */
    public String derivedName() {
        String canonical = String.join("\n", resourceType.name(), patternType.name(), resourceName, principal, host,
                operation.name(), permission.name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "acl-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** This binding as a resource of {@code virtualCluster}. */
    public Resource toResource(String virtualCluster, String name) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.put("resourceType", resourceType.name());
        spec.put("patternType", patternType.name());
        spec.put("resourceName", resourceName);
        spec.put("principal", principal);
        spec.put("host", host);
        spec.put("operation", operation.name());
        spec.put("permission", permission.name());
        return new Resource(KIND, ResourceMetadata.of(name, Scope.virtualCluster(virtualCluster), Map.of()), spec);
    }

    private static <E extends Enum<E>> E value(ObjectNode spec, String field, Class<E> type, List<E> allowed) {
        String text = SpecFields.optionalText(spec, field);
        if (text == null) {
            throw new InvalidResourceException("spec." + field, "required: one of " + names(allowed));
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        return allowed.stream().filter(value -> value.name().equals(name)).findFirst().orElseThrow(() ->
                new InvalidResourceException("spec." + field, "expected one of " + names(allowed) + ", not '" + text
                        + "'"));
    }

    private static <E extends Enum<E>> void checkIn(String field, E value, List<E> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidResourceException("spec." + field, "expected one of " + names(allowed) + ", not "
                    + (value == null ? "nothing" : value.name()));
        }
    }

    private static <E extends Enum<E>> String names(List<E> allowed) {
        return String.join(", ", allowed.stream().map(Enum::name).toList());
    }
}
