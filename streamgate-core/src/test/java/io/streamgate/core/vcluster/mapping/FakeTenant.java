package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.TenantNamespace;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant context for mapper tests: virtual cluster {@code a} (prefix {@code a.}), every operation allowed unless
 * denied, topic ids resolved from a fixed table. Answers {@link #names()} and {@link #readOnly()} itself, so that
 * mappers never need the {@link Tenant} snapshot.
 */
final class FakeTenant implements TenantContext {

    static final String PREFIX = "a.";

    private final List<AliasTopic> aliases = new ArrayList<>();
    private final Map<Uuid, String> physicalTopics = new HashMap<>();
    private final Set<String> denied = new HashSet<>();
    private boolean readOnly;
    private TenantNamespace names = new TenantNamespace(PREFIX, aliases);

    FakeTenant alias(String name, String physicalTopic, boolean readOnlyAlias) {
        aliases.add(new AliasTopic("a", name, physicalTopic, readOnlyAlias));
        names = new TenantNamespace(PREFIX, aliases);
        return this;
    }

    /** A topic of the physical cluster, whoever's it is. */
    FakeTenant topicId(Uuid topicId, String physicalTopic) {
        physicalTopics.put(topicId, physicalTopic);
        return this;
    }

    FakeTenant deny(AclOperation operation, ResourceType resourceType, String logicalName) {
        denied.add(key(operation, resourceType, logicalName));
        return this;
    }

    FakeTenant readOnlyCluster() {
        readOnly = true;
        return this;
    }

    @Override
    public Tenant tenant() {
        throw new UnsupportedOperationException("mappers ask the context, not the snapshot");
    }

    @Override
    public TenantNamespace names() {
        return names;
    }

    @Override
    public String physicalTopicName(Uuid topicId) {
        return physicalTopics.get(topicId);
    }

    @Override
    public boolean authorized(AclOperation operation, ResourceType resourceType, String logicalName) {
        return !denied.contains(key(operation, resourceType, logicalName));
    }

    @Override
    public boolean writable(String logicalTopic) {
        AliasTopic alias = names.alias(logicalTopic);
        return !readOnly && (alias == null || !alias.readOnly());
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public String principal() {
        return "alice";
    }

    @Override
    public boolean superUser() {
        return false;
    }

    @Override
    public VirtualClusterDirectory directory() {
        return VirtualClusterDirectory.EMPTY;
    }

    private static String key(AclOperation operation, ResourceType resourceType, String logicalName) {
        return operation + "/" + resourceType + "/" + logicalName;
    }
}
