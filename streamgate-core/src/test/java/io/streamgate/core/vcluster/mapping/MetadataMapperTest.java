package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MetadataMapperTest {

    private static final short VERSION = 12;
    private final MetadataMapper mapper = new MetadataMapper();
    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", true);

    @Test
    void asksForThePhysicalTopicsAndAnswersWithTheLogicalNames() {
        MetadataRequestData request = byName("orders", "shared");

        Mapping mapping = mapper.map(request, VERSION, tenant);

        assertThat(request.topics()).extracting(MetadataRequestTopic::name)
                .containsExactly("a.orders", "public.shared");
        MetadataResponseData response = mapped(mapping, response("a.orders", "public.shared"), VERSION);
        assertThat(response.topics()).extracting(MetadataResponseTopic::name).containsExactly("orders", "shared");
    }

    @Test
    void listsOnlyTheTenantsTopicsItMayDescribe() {
        tenant.deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        MetadataRequestData request = new MetadataRequestData().setTopics(null);

        Mapping mapping = mapper.map(request, VERSION, tenant);

        assertThat(request.topics()).isNull();
        MetadataResponseData response = mapped(mapping,
                response("a.orders", "a.secret", "b.orders", "__consumer_offsets", "public.shared"), VERSION);
        assertThat(response.topics()).extracting(MetadataResponseTopic::name).containsExactly("orders", "shared");
    }

    @Test
    void anEmptyListInVersionZeroIsAListingToo() {
        Mapping mapping = mapper.map(new MetadataRequestData(), (short) 0, tenant);

        MetadataResponseData response = mapped(mapping, response("a.orders", "b.orders"), (short) 0);
        assertThat(response.topics()).extracting(MetadataResponseTopic::name).containsExactly("orders");
    }

    @Test
    void refusesTopicsTheTenantMayNotDescribeWithoutAskingTheBroker() {
        tenant.deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        MetadataRequestData request = byName("orders", "secret");

        Mapping mapping = mapper.map(request, VERSION, tenant);

        assertThat(request.topics()).extracting(MetadataRequestTopic::name).containsExactly("a.orders");
        MetadataResponseData response = mapped(mapping, response("a.orders"), VERSION);
        assertThat(response.topics()).extracting(MetadataResponseTopic::name, MetadataResponseTopic::errorCode)
                .containsExactly(tuple("orders", Errors.NONE.code()),
                        tuple("secret", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void aRequestWhoseTopicsAreAllRefusedInVersionZeroDoesNotBecomeAListing() {
        tenant.deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        MetadataRequestData request = byName("secret");

        Mapping mapping = mapper.map(request, (short) 0, tenant);

        MetadataResponseData response = mapped(mapping, response("a.orders"), (short) 0);
        assertThat(response.topics()).extracting(MetadataResponseTopic::name).containsExactly("secret");
    }

    @Test
    void versionsWithoutTheAutoCreationFlagAreRefusedNamedTopicsWhenTheTenantMayNotCreate() {
        tenant.readOnlyCluster();

        MetadataResponseData refused = answered(mapper.map(byName("orders"), (short) 3, tenant));
        assertThat(refused.topics()).extracting(MetadataResponseTopic::errorCode)
                .containsExactly(Errors.UNSUPPORTED_VERSION.code());

        Mapping listing = mapper.map(new MetadataRequestData().setTopics(null), (short) 3, tenant);
        assertThat(listing).isInstanceOf(Mapping.Forward.class);
    }

    @Test
    void answersAnotherTenantsTopicIdAsAnUnknownOne() {
        Uuid own = Uuid.randomUuid();
        Uuid foreign = Uuid.randomUuid();
        Uuid unknown = Uuid.randomUuid();
        tenant.topicId(own, "a.orders").topicId(foreign, "b.orders");
        MetadataRequestData request = byId(own, foreign, unknown);
        assertThat(mapper.topicIds(request, VERSION)).containsExactly(own, foreign, unknown);

        Mapping mapping = mapper.map(request, VERSION, tenant);

        assertThat(request.topics()).extracting(MetadataRequestTopic::topicId).containsExactly(own);
        MetadataResponseData broker = response("a.orders");
        broker.topics().find("a.orders").setTopicId(own);
        MetadataResponseData response = mapped(mapping, broker, VERSION);
        assertThat(response.topics()).extracting(MetadataResponseTopic::name, MetadataResponseTopic::topicId,
                        MetadataResponseTopic::errorCode)
                .containsExactlyInAnyOrder(tuple("orders", own, Errors.NONE.code()),
                        tuple(null, foreign, Errors.UNKNOWN_TOPIC_ID.code()),
                        tuple(null, unknown, Errors.UNKNOWN_TOPIC_ID.code()));
    }

    @Test
    void autoCreationWithoutCreateIsTurnedOffAndTheMissingTopicIsRefused() {
        tenant.deny(AclOperation.CREATE, ResourceType.CLUSTER, Resource.CLUSTER_NAME)
                .deny(AclOperation.CREATE, ResourceType.TOPIC, "new");
        MetadataRequestData request = byName("orders", "new").setAllowAutoTopicCreation(true);

        Mapping mapping = mapper.map(request, VERSION, tenant);

        assertThat(request.allowAutoTopicCreation()).isFalse();
        MetadataResponseData broker = response("a.orders", "a.new");
        broker.topics().find("a.new").setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        MetadataResponseData response = mapped(mapping, broker, VERSION);
        assertThat(response.topics().find("new").errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
    }

    @Test
    void aReadOnlyVirtualClusterCreatesNoTopicByMetadata() {
        tenant.readOnlyCluster();
        MetadataRequestData request = byName("orders").setAllowAutoTopicCreation(true);

        mapper.map(request, VERSION, tenant);

        assertThat(request.allowAutoTopicCreation()).isFalse();
    }

    @Test
    void reportsTheTenantsAuthorizedOperationsNotTheGatewaysOnTheBroker() {
        tenant.deny(AclOperation.WRITE, ResourceType.TOPIC, "orders");
        MetadataRequestData request = byName("orders").setIncludeTopicAuthorizedOperations(true);

        Mapping mapping = mapper.map(request, VERSION, tenant);

        MetadataResponseData broker = response("a.orders");
        broker.topics().find("a.orders").setTopicAuthorizedOperations(-1);
        int operations = mapped(mapping, broker, VERSION).topics().find("orders").topicAuthorizedOperations();
        assertThat(operations & (1 << AclOperation.READ.code())).isNotZero();
        assertThat(operations & (1 << AclOperation.WRITE.code())).isZero();
    }

    private static MetadataRequestData byName(String... names) {
        List<MetadataRequestTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new MetadataRequestTopic().setName(name));
        }
        return new MetadataRequestData().setTopics(topics);
    }

    private static MetadataRequestData byId(Uuid... ids) {
        List<MetadataRequestTopic> topics = new ArrayList<>();
        for (Uuid id : ids) {
            topics.add(new MetadataRequestTopic().setName(null).setTopicId(id));
        }
        return new MetadataRequestData().setTopics(topics);
    }

    private static MetadataResponseData response(String... physicalTopics) {
        MetadataResponseData response = new MetadataResponseData();
        for (String topic : physicalTopics) {
            response.topics().add(new MetadataResponseTopic().setName(topic).setTopicId(Uuid.randomUuid()));
        }
        return response;
    }
}
