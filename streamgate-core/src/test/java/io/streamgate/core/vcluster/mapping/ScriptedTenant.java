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
 * A tenant context for mapper tests: virtual cluster {@code a} with prefix {@code a.}, everything allowed unless
 * denied, topic ids known as registered.
 */
final class ScriptedTenant implements TenantContext {

    static final String PREFIX = "a.";

    private record Permission(AclOperation operation, ResourceType resourceType, String name) {
    }

    private final List<AliasTopic> aliases = new ArrayList<>();
    private final Set<Permission> denied = new HashSet<>();
    private final Set<String> readOnlyTopics = new HashSet<>();
    private final Map<Uuid, String> topicNames = new HashMap<>();
    private final Set<Integer> foreignFetchSessions = new HashSet<>();
    private boolean readOnly;

    ScriptedTenant alias(String name, String physicalTopic, boolean readOnlyAlias) {
        aliases.add(new AliasTopic("a", name, physicalTopic, readOnlyAlias));
        if (readOnlyAlias) {
            readOnlyTopics.add(name);
        }
        return this;
    }

    ScriptedTenant deny(AclOperation operation, ResourceType resourceType, String logicalName) {
        denied.add(new Permission(operation, resourceType, logicalName));
        return this;
    }

    ScriptedTenant readOnlyCluster() {
        readOnly = true;
        return this;
    }

    /** A physical topic of that id exists. */
    ScriptedTenant topicId(Uuid id, String physicalName) {
        topicNames.put(id, physicalName);
        return this;
    }

    @Override
    public TenantNamespace names() {
        return new TenantNamespace(PREFIX, aliases);
    }

    @Override
    public Tenant tenant() {
        throw new UnsupportedOperationException("mappers ask for names() and readOnly()");
    }

    @Override
    public String physicalTopicName(Uuid topicId) {
        return topicNames.get(topicId);
    }

    @Override
    public boolean authorized(AclOperation operation, ResourceType resourceType, String logicalName) {
        return !denied.contains(new Permission(operation, resourceType, logicalName));
    }

    /** A broker fetch session created for another virtual cluster. */
    ScriptedTenant foreignFetchSession(int sessionId) {
        foreignFetchSessions.add(sessionId);
        return this;
    }

    @Override
    public boolean ownsFetchSession(int sessionId) {
        return !foreignFetchSessions.contains(sessionId);
    }

    @Override
    public boolean writable(String logicalTopic) {
        return !readOnly && !readOnlyTopics.contains(logicalTopic);
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
}
