package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.protocol.GatewayApiSupport;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.message.CreateAclsRequestData;
import org.apache.kafka.common.message.DeleteAclsRequestData;
import org.apache.kafka.common.message.DescribeAclsRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.CreateAclsRequest;
import org.apache.kafka.common.requests.CreateAclsResponse;
import org.apache.kafka.common.requests.DeleteAclsRequest;
import org.apache.kafka.common.requests.DeleteAclsResponse;
import org.apache.kafka.common.requests.DescribeAclsResponse;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.AclTestBindings.ADMIN_ALTERS_CLUSTER;
import static io.streamgate.core.vcluster.mapping.AclTestBindings.WITH_ACLS;
import static io.streamgate.core.vcluster.mapping.AclTestBindings.allow;
import static org.assertj.core.api.Assertions.assertThat;

class AclApiMappersTest {

    private static final AclBinding READ_ORDERS = allow(ResourceType.TOPIC, "orders", PatternType.PREFIXED,
            "User:alice", AclOperation.READ);

    @Test
    void answersEveryVersionTheGatewayOffersWithAResponseKafkaClientsParse() {
        for (ApiKeys api : List.of(ApiKeys.CREATE_ACLS, ApiKeys.DESCRIBE_ACLS, ApiKeys.DELETE_ACLS)) {
            GatewayApiSupport.VersionRange range = GatewayApiSupport.all().get(api);
            for (short version = range.min(); version <= range.max(); version++) {
                RecordingDirectory directory = new RecordingDirectory(List.of(ADMIN_ALTERS_CLUSTER, READ_ORDERS));
                FakeTenant admin = FakeTenant.of(WITH_ACLS, List.of(ADMIN_ALTERS_CLUSTER, READ_ORDERS), "admin")
                        .withDirectory(directory);
                Mapping mapping = ApiMappers.mapper(api).map(request(api), version, admin);

                ApiMessage response = ((Mapping.Answer) mapping).response().toCompletableFuture().join();
                ByteBuffer encoded = MessageUtil.toByteBufferAccessor(response, version).buffer();
                AbstractResponse parsed = AbstractResponse.parseResponse(api, new ByteBufferAccessor(encoded),
                        version);

                assertThat(parsed.errorCounts()).as("%s v%d", api, version).containsOnlyKeys(Errors.NONE);
                if (parsed instanceof CreateAclsResponse created) {
                    assertThat(created.results()).as("v%d", version).hasSize(1);
                } else {
                    assertThat(bindings(parsed)).as("%s v%d", api, version).containsExactly(READ_ORDERS);
                }
            }
        }
    }

    private static ApiMessage request(ApiKeys api) {
        return switch (api) {
            case CREATE_ACLS -> new CreateAclsRequestData().setCreations(List.of(
                    CreateAclsRequest.aclCreation(READ_ORDERS)));
            case DESCRIBE_ACLS -> new DescribeAclsRequestData().setResourceTypeFilter(ResourceType.TOPIC.code())
                    .setPatternTypeFilter(PatternType.ANY.code()).setResourceNameFilter(null)
                    .setPrincipalFilter(null).setHostFilter(null).setOperation(AclOperation.ANY.code())
                    .setPermissionType(AclPermissionType.ANY.code());
            case DELETE_ACLS -> new DeleteAclsRequestData().setFilters(List.of(DeleteAclsRequest.deleteAclsFilter(
                    new AclBindingFilter(READ_ORDERS.pattern().toFilter(), READ_ORDERS.entry().toFilter()))));
            default -> throw new IllegalArgumentException(api.name);
        };
    }

    /** The bindings a DescribeAcls or DeleteAcls response lists. */
    private static List<AclBinding> bindings(AbstractResponse response) {
        if (response instanceof DescribeAclsResponse described) {
            return DescribeAclsResponse.aclBindings(described.acls());
        }
        return ((DeleteAclsResponse) response).filterResults().stream()
                .flatMap(result -> result.matchingAcls().stream()).map(DeleteAclsResponse::aclBinding).toList();
    }
}
