package io.streamgate.admin.vcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.admin.identity.SpecFields;
import io.streamgate.core.vcluster.VirtualCluster;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code spec} of a {@code VirtualCluster} resource:
 *
 * <pre>{@code
 * kind: VirtualCluster
 * metadata: {name: payments}
 * spec:
 *   prefix: payments.            # optional; default: the name followed by "."
 *   acls: {enabled: true}        # optional; default: ACLs off, every principal may do anything inside
 *   superUsers: ["User:alice"]   # bypass ACLs, manage them with the Kafka admin API
 *   readOnly: false              # optional; true refuses every write
 * }</pre>
 *
 * Virtual clusters are global. The name is that of a Kafka resource, and never {@value #PASSTHROUGH}, the built-in
 * transparent cluster. The prefix is where the tenant's topics, groups and transactional ids live on the physical
 * cluster; it must start with a letter or a digit, so that no logical name can become an internal topic (a prefix
 * {@code _} would turn the logical {@code _consumer_offsets} into {@code __consumer_offsets}). That prefixes never
 * nest is checked across resources ({@link VirtualClusterRules}).
 *
 * @param prefix the configured prefix; empty for the default
 * @param aclsEnabled {@code acls.enabled}
 * @param superUsers principals {@code User:<name>}
 * @param readOnly whether every write is refused
 */
public record VirtualClusterSpec(Optional<String> prefix, boolean aclsEnabled, Set<String> superUsers,
                                 boolean readOnly) {

    /** The kind of virtual cluster resources. */
    public static final String KIND = "VirtualCluster";
    /** The built-in transparent cluster of connections in no virtual cluster; no resource may take its name. */
    public static final String PASSTHROUGH = "passthrough";
    /** The longest Kafka topic name. */
    static final int MAX_TOPIC_LENGTH = 249;
    static final List<String> FIELDS = List.of("prefix", "acls", "superUsers", "readOnly");

    private static final Pattern PREFIX = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    private static final String USER = "User:";

    public VirtualClusterSpec {
        Objects.requireNonNull(prefix, "prefix");
        superUsers = Set.copyOf(superUsers);
    }

    /**
     * @throws InvalidResourceException naming the offending field
     */
    public static VirtualClusterSpec of(Resource resource) {
        if (!resource.metadata().scope().isGlobal()) {
            throw new InvalidResourceException("metadata.scope", "virtual clusters are global: leave the scope out");
        }
        String name = resource.metadata().name();
        if (name.equals(PASSTHROUGH)) {
            throw new InvalidResourceException("metadata.name", "'" + PASSTHROUGH + "' is the built-in transparent "
                    + "cluster of connections in no virtual cluster: choose another name");
        }
        ObjectNode spec = resource.spec();
        SpecFields.onlyKnown(spec, KIND, FIELDS);
        String prefix = SpecFields.optionalText(spec, "prefix");
        checkPrefix(prefix == null ? VirtualCluster.defaultPrefix(name) : prefix,
                prefix == null ? "metadata.name" : "spec.prefix");
        Set<String> superUsers = SpecFields.textList(spec, "superUsers");
        int index = 0;
        for (String principal : superUsers) {
            if (!principal.startsWith(USER) || principal.length() == USER.length()) {
                throw new InvalidResourceException("spec.superUsers[" + index + "]", "expected User:<name>, not '"
                        + principal + "'");
            }
            index++;
        }
        return new VirtualClusterSpec(Optional.ofNullable(prefix), aclsEnabled(spec),
                superUsers, SpecFields.optionalBoolean(spec, "readOnly", false));
    }

    /** The virtual cluster {@code name} with this spec, as the gateway serves it. */
    public VirtualCluster toVirtualCluster(String name) {
        return new VirtualCluster(name, prefixOf(name), aclsEnabled, superUsers, readOnly);
    }

    /** The prefix of the virtual cluster {@code name}: the configured one or the default. */
    public String prefixOf(String name) {
        return prefix.orElseGet(() -> VirtualCluster.defaultPrefix(name));
    }

    private static void checkPrefix(String prefix, String field) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidResourceException(field, "the prefix '" + prefix + "' is not the start of a Kafka topic "
                    + "name: expected letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (prefix.length() >= MAX_TOPIC_LENGTH) {
            throw new InvalidResourceException(field, "the prefix '" + prefix + "' leaves no room for a topic name: "
                    + "Kafka topic names have at most " + MAX_TOPIC_LENGTH + " characters");
        }
    }

    private static boolean aclsEnabled(ObjectNode spec) {
        JsonNode acls = spec.get("acls");
        if (acls == null || acls.isNull()) {
            return false;
        }
        if (!acls.isObject()) {
            throw new InvalidResourceException("spec.acls", "expected {enabled: true|false}, not "
                    + SpecFields.describe(acls));
        }
        for (Iterator<String> names = acls.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("enabled")) {
                throw new InvalidResourceException("spec.acls." + field, "unknown field; spec.acls has enabled");
            }
        }
        JsonNode enabled = acls.get("enabled");
        if (enabled == null || enabled.isNull()) {
            return false;
        }
        if (!enabled.isBoolean()) {
            throw new InvalidResourceException("spec.acls.enabled", "expected true or false, not "
                    + SpecFields.describe(enabled));
        }
        return enabled.booleanValue();
    }
}
