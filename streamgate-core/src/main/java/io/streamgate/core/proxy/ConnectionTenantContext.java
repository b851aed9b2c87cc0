package io.streamgate.core.proxy;

import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.FetchSessionOwners;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.VirtualCluster;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import io.streamgate.core.vcluster.mapping.TenantContext;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import java.util.Map;

/** What the mapper of one request of a virtual-cluster connection may know and ask. */
final class ConnectionTenantContext implements TenantContext {

    private final Tenant tenant;
    private final ClientConnectionInfo info;
    private final Map<Uuid, String> topicNames;
    private final TopicNames knownTopicNames;
    private final VirtualClusterDirectory directory;
    private final boolean superUser;
    private final FetchSessionOwners fetchSessions;
    private final int brokerId;

    /**
     * @param topicNames the names of the request's topic ids, resolved for it
     * @param knownTopicNames every topic id's name the gateway has learned, for ids in the response
     * @param brokerId the broker the connection is forwarded to, -1 for any (a bootstrap connection)
     */
    ConnectionTenantContext(Tenant tenant, ClientConnectionInfo info, Map<Uuid, String> topicNames,
                            TopicNames knownTopicNames, VirtualClusterDirectory directory,
                            FetchSessionOwners fetchSessions, int brokerId) {
        this.fetchSessions = fetchSessions;
        this.brokerId = brokerId;
        this.tenant = tenant;
        this.info = info;
        this.topicNames = topicNames;
        this.knownTopicNames = knownTopicNames;
        this.directory = directory;
        this.superUser = tenant.cluster().superUsers().contains("User:" + info.principal());
    }

    @Override
    public Tenant tenant() {
        return tenant;
    }

    @Override
    public String physicalTopicName(Uuid topicId) {
        String name = topicNames.get(topicId);
        return name != null ? name : knownTopicNames.name(topicId);
    }

    @Override
    public boolean authorized(AclOperation operation, ResourceType resourceType, String logicalName) {
        VirtualCluster cluster = tenant.cluster();
        return !cluster.aclsEnabled() || superUser || tenant.acls().authorize(info.principal(), info.groups(),
                info.clientAddress().getAddress().getHostAddress(), operation, resourceType, logicalName);
    }

    @Override
    public boolean ownsFetchSession(int sessionId) {
        return fetchSessions.ownedBy(brokerId, sessionId, tenant.name());
    }

    @Override
    public boolean writable(String logicalTopic) {
        if (tenant.cluster().readOnly()) {
            return false;
        }
        AliasTopic alias = tenant.names().alias(logicalTopic);
        return alias == null || !alias.readOnly();
    }

    @Override
    public String principal() {
        return info.principal();
    }

    @Override
    public boolean superUser() {
        return superUser;
    }

    @Override
    public VirtualClusterDirectory directory() {
        return directory;
    }
}
