package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Metadata, by topic name (all versions) or id (v12+), or of all topics (a null list; an empty one in v0). Names the
 * tenant may not DESCRIBE get {@code TOPIC_AUTHORIZATION_FAILED}; ids not the tenant's get {@code UNKNOWN_TOPIC_ID},
 * as a broker answers for an id it does not know. A listing keeps only the tenant's topics it may DESCRIBE.
 *
 * <p>Auto-creation needs CREATE on the cluster or the topic, and a virtual cluster that is not read-only. Before v4
 * there is no flag to turn it off, so a tenant without CREATE on the cluster, or in a read-only virtual cluster, is
 * answered UNSUPPORTED_VERSION for named topics at those versions (clients older than Kafka 1.0). The flag
 * is per request, so when any requested topic may not be created it is turned off for all of them, and those topics
 * come back {@code TOPIC_AUTHORIZATION_FAILED} instead of unknown, as from a broker. Apart from those old versions,
 * requests are never answered locally: a client needs the brokers a Metadata response lists, even when it asks
 * about no topic it may see.
 */
final class MetadataMapper implements ApiMapper {

    /** Before v4, a Metadata request naming a missing topic has the broker create it when it auto-creates topics. */
    private static final short FIRST_VERSION_WITH_CREATION_FLAG = 4;

    @Override
    public Collection<Uuid> topicIds(ApiMessage request, short version) {
        List<MetadataRequestTopic> topics = ((MetadataRequestData) request).topics();
        List<Uuid> ids = new ArrayList<>();
        if (topics != null) {
            for (MetadataRequestTopic topic : topics) {
                if (topic.name() == null) {
                    ids.add(topic.topicId());
                }
            }
        }
        return ids;
    }

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        MetadataRequestData request = (MetadataRequestData) message;
        TenantNamespace names = tenant.names();
        boolean listing = request.topics() == null || (version == 0 && request.topics().isEmpty());
        List<MetadataResponseTopic> refused = new ArrayList<>();
        Set<Uuid> askedIds = new HashSet<>();
        Set<String> notCreatable = new HashSet<>();
        if (!listing) {
            boolean mayCreateAny = !tenant.readOnly()
                    && tenant.authorized(AclOperation.CREATE, ResourceType.CLUSTER, Resource.CLUSTER_NAME);
            if (version < FIRST_VERSION_WITH_CREATION_FLAG && !mayCreateAny) {
                // No flag to turn the broker's auto-creation off: a tenant that may not create topics gets no say.
                return BrokerErrors.answer(request, version, Errors.UNSUPPORTED_VERSION);
            }
            request.topics().removeIf(topic -> {
                if (topic.name() == null) {
                    Errors error = idRefusal(tenant, topic.topicId());
                    if (error != Errors.NONE) {
                        refused.add(new MetadataResponseTopic().setErrorCode(error.code()).setName(null)
                                .setTopicId(topic.topicId()));
                        return true;
                    }
                    askedIds.add(topic.topicId());
                    return false;
                }
                String logical = topic.name();
                if (!tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical)) {
                    refused.add(new MetadataResponseTopic().setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code())
                            .setName(logical));
                    return true;
                }
                if (!mayCreateAny && (tenant.readOnly()
                        || !tenant.authorized(AclOperation.CREATE, ResourceType.TOPIC, logical))) {
                    notCreatable.add(logical);
                }
                topic.setName(names.physicalTopic(logical));
                return false;
            });
            if (request.allowAutoTopicCreation() && !notCreatable.isEmpty()) {
                request.setAllowAutoTopicCreation(false);
            } else {
                notCreatable.clear();
            }
        }
        // In v0 an empty list asks for every topic: what is left of a request whose topics were all refused must not
        // come back as a listing.
        boolean nothingAsked = !listing && version == 0 && request.topics().isEmpty();
        boolean topicOperations = request.includeTopicAuthorizedOperations();
        boolean clusterOperations = request.includeClusterAuthorizedOperations();
        return new Mapping.Forward(request, (response, responseVersion) -> {
            MetadataResponseData metadata = (MetadataResponseData) response;
            KeyedCollections.retainRenamed(metadata.topics(), topic -> {
                if (nothingAsked) {
                    return false;
                }
                if (topic.name() == null) {
                    return askedIds.contains(topic.topicId());
                }
                String logical = names.logicalTopic(topic.name());
                if (logical == null
                        || listing && !tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical)) {
                    return false;
                }
                topic.setName(logical);
                if (notCreatable.contains(logical) && topic.errorCode() == Errors.UNKNOWN_TOPIC_OR_PARTITION.code()) {
                    topic.setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code());
                }
                if (topicOperations) {
                    topic.setTopicAuthorizedOperations(AuthorizedOperations.ofTopic(tenant, logical));
                }
                return true;
            });
            refused.forEach(metadata.topics()::add);
            if (clusterOperations) {
                metadata.setClusterAuthorizedOperations(AuthorizedOperations.ofCluster(tenant));
            }
            return metadata;
        });
    }

    private static Errors idRefusal(TenantContext tenant, Uuid topicId) {
        String logical = TopicIds.logicalTopic(tenant, topicId);
        if (logical == null) {
            return Errors.UNKNOWN_TOPIC_ID;
        }
        return tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical) ? Errors.NONE
                : Errors.TOPIC_AUTHORIZATION_FAILED;
    }
}
