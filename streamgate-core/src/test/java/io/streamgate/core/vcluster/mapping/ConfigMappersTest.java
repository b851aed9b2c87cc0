package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData.DescribeConfigsResource;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** DescribeConfigs, AlterConfigs and IncrementalAlterConfigs. */
class ConfigMappersTest {

    private static final byte TOPIC = ConfigResource.Type.TOPIC.id();
    private static final byte GROUP = ConfigResource.Type.GROUP.id();
    private static final byte BROKER = ConfigResource.Type.BROKER.id();
    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", false);

    @Test
    void describesTheTenantsTopicsAndGroupsButNoBroker() {
        tenant.deny(AclOperation.DESCRIBE_CONFIGS, ResourceType.TOPIC, "secret");
        DescribeConfigsRequestData request = new DescribeConfigsRequestData().setResources(new ArrayList<>(List.of(
                describe(TOPIC, "orders"), describe(GROUP, "billing"), describe(BROKER, "1"),
                describe(TOPIC, "secret"))));
        short version = 4;

        Mapping mapping = new DescribeConfigsMapper().map(request, version, tenant);

        assertThat(request.resources()).extracting(DescribeConfigsResource::resourceName)
                .containsExactly("a.orders", "a.billing");
        DescribeConfigsResponseData broker = new DescribeConfigsResponseData().setResults(new ArrayList<>(List.of(
                new DescribeConfigsResult().setResourceType(TOPIC).setResourceName("a.orders"),
                new DescribeConfigsResult().setResourceType(GROUP).setResourceName("a.billing"))));
        DescribeConfigsResponseData response = mapped(mapping, broker, version);
        assertThat(response.results()).extracting(DescribeConfigsResult::resourceName,
                        DescribeConfigsResult::errorCode)
                .containsExactly(tuple("orders", Errors.NONE.code()), tuple("billing", Errors.NONE.code()),
                        tuple("1", Errors.CLUSTER_AUTHORIZATION_FAILED.code()),
                        tuple("secret", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void altersTheTenantsOwnTopicsButNeverAnAliasOrABroker() {
        AlterConfigsRequestData request = new AlterConfigsRequestData();
        request.resources().add(new AlterConfigsRequestData.AlterConfigsResource().setResourceType(TOPIC)
                .setResourceName("orders"));
        request.resources().add(new AlterConfigsRequestData.AlterConfigsResource().setResourceType(TOPIC)
                .setResourceName("shared"));
        request.resources().add(new AlterConfigsRequestData.AlterConfigsResource().setResourceType(BROKER)
                .setResourceName(""));
        short version = 2;

        Mapping mapping = new AlterConfigsMapper().map(request, version, tenant);

        assertThat(request.resources()).extracting(AlterConfigsRequestData.AlterConfigsResource::resourceName)
                .containsExactly("a.orders");
        assertThat(request.resources().find(TOPIC, "a.orders")).isNotNull();
        AlterConfigsResponseData broker = new AlterConfigsResponseData().setResponses(new ArrayList<>(List.of(
                new AlterConfigsResponseData.AlterConfigsResourceResponse().setResourceType(TOPIC)
                        .setResourceName("a.orders"))));
        assertThat(mapped(mapping, broker, version).responses())
                .extracting(AlterConfigsResponseData.AlterConfigsResourceResponse::resourceName,
                        AlterConfigsResponseData.AlterConfigsResourceResponse::errorCode)
                .containsExactly(tuple("orders", Errors.NONE.code()),
                        tuple("shared", Errors.TOPIC_AUTHORIZATION_FAILED.code()),
                        tuple("", Errors.CLUSTER_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void aReadOnlyVirtualClusterAltersNoTopicOrGroupConfiguration() {
        tenant.readOnlyCluster();
        IncrementalAlterConfigsRequestData request = new IncrementalAlterConfigsRequestData();
        request.resources().add(new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType(TOPIC)
                .setResourceName("orders"));
        request.resources().add(new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType(GROUP)
                .setResourceName("billing"));
        short version = 1;

        IncrementalAlterConfigsResponseData response = WireForm.roundTrip(
                answered(new IncrementalAlterConfigsMapper().map(request, version, tenant)), version);

        assertThat(response.responses())
                .extracting(IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse::resourceName,
                        IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse::errorCode)
                .containsExactly(tuple("orders", Errors.TOPIC_AUTHORIZATION_FAILED.code()),
                        tuple("billing", Errors.GROUP_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void altersAGroupsConfigurationUnderItsPhysicalId() {
        IncrementalAlterConfigsRequestData request = new IncrementalAlterConfigsRequestData();
        request.resources().add(new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType(GROUP)
                .setResourceName("billing"));
        short version = 1;

        Mapping mapping = new IncrementalAlterConfigsMapper().map(request, version, tenant);

        assertThat(request.resources().find(GROUP, "a.billing")).isNotNull();
        IncrementalAlterConfigsResponseData broker = new IncrementalAlterConfigsResponseData().setResponses(
                new ArrayList<>(List.of(new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse()
                        .setResourceType(GROUP).setResourceName("a.billing"))));
        assertThat(mapped(mapping, broker, version).responses())
                .extracting(IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse::resourceName)
                .containsExactly("billing");
    }

    private static DescribeConfigsResource describe(byte type, String name) {
        return new DescribeConfigsResource().setResourceType(type).setResourceName(name);
    }
}
