package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest.CoordinatorType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static io.streamgate.core.vcluster.mapping.Mappings.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FindCoordinatorMapperTest {

    @Test
    void singleGroupKeyIsPrefixed() {
        FindCoordinatorRequestData request = new FindCoordinatorRequestData().setKey("orders-app")
                .setKeyType(CoordinatorType.GROUP.id());

        forwarded(request, 3, new ScriptedTenant());

        assertThat(request.key()).isEqualTo("a.orders-app");
    }

    @Test
    void singleTransactionalIdTheTenantMayNotDescribeIsRefused() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, "tx");
        FindCoordinatorRequestData request = new FindCoordinatorRequestData().setKey("tx")
                .setKeyType(CoordinatorType.TRANSACTION.id());

        FindCoordinatorResponseData response = answered(request, 3, tenant);

        assertThat(response.errorCode()).isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
    }

    @Test
    void batchedKeysArePrefixedAndTheResponseKeysUnprefixed() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.GROUP, "secret");
        FindCoordinatorRequestData request = new FindCoordinatorRequestData()
                .setKeyType(CoordinatorType.GROUP.id()).setCoordinatorKeys(List.of("g1", "secret"));

        Mapping.Forward forward = forwarded(request, 6, tenant);
        assertThat(request.coordinatorKeys()).containsExactly("a.g1");

        FindCoordinatorResponseData brokerResponse = new FindCoordinatorResponseData().setCoordinators(List.of(
                new Coordinator().setKey("a.g1").setNodeId(1).setHost("broker1").setPort(9092)));
        FindCoordinatorResponseData tenantResponse = response(forward, brokerResponse, 6);

        assertThat(tenantResponse.coordinators()).extracting(Coordinator::key, Coordinator::errorCode)
                .containsExactly(tuple("g1", Errors.NONE.code()),
                        tuple("secret", Errors.GROUP_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void shareCoordinatorKeysAreRefused() {
        FindCoordinatorRequestData request = new FindCoordinatorRequestData()
                .setKeyType(CoordinatorType.SHARE.id()).setCoordinatorKeys(List.of("g:topic-id:0"));

        FindCoordinatorResponseData response = answered(request, 6, new ScriptedTenant());

        assertThat(response.coordinators()).extracting(Coordinator::errorCode)
                .containsExactly(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
    }
}
