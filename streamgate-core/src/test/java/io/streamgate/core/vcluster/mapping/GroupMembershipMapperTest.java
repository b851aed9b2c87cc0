package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

class GroupMembershipMapperTest {

    @Test
    void joinGroupPrefixesTheGroupAndLeavesTheProtocolMetadataAsWritten() {
        byte[] metadata = "orders".getBytes(StandardCharsets.UTF_8);
        JoinGroupRequestProtocolCollection protocols = new JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestProtocol().setName("range").setMetadata(metadata));
        JoinGroupRequestData request = new JoinGroupRequestData().setGroupId("app").setProtocolType("consumer")
                .setProtocols(protocols);

        Mapping.Forward forward = forwarded(request, 9, new ScriptedTenant());

        assertThat(request.groupId()).isEqualTo("a.app");
        assertThat(request.protocols().find("range").metadata()).isEqualTo(metadata);
        assertThat(forward.response()).isSameAs(ResponseMapper.UNCHANGED);
    }

    @Test
    void joinGroupWithoutReadOnTheGroupIsRefused() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.READ, ResourceType.GROUP, "app");

        JoinGroupResponseData response = answered(new JoinGroupRequestData().setGroupId("app")
                .setProtocolType("consumer"), 5, tenant);

        assertThat(response.errorCode()).isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
    }

    @Test
    void syncGroupHeartbeatAndLeaveGroupPrefixTheGroup() {
        SyncGroupRequestData sync = new SyncGroupRequestData().setGroupId("app");
        HeartbeatRequestData heartbeat = new HeartbeatRequestData().setGroupId("app");
        LeaveGroupRequestData leave = new LeaveGroupRequestData().setGroupId("app")
                .setMembers(List.of(new LeaveGroupRequestData.MemberIdentity().setMemberId("m1")));

        forwarded(sync, 5, new ScriptedTenant());
        forwarded(heartbeat, 4, new ScriptedTenant());
        forwarded(leave, 5, new ScriptedTenant());

        assertThat(List.of(sync.groupId(), heartbeat.groupId(), leave.groupId())).containsOnly("a.app");
    }

    @Test
    void syncGroupAndHeartbeatWithoutReadAreRefused() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.READ, ResourceType.GROUP, "app");

        SyncGroupResponseData sync = answered(new SyncGroupRequestData().setGroupId("app"), 5, tenant);
        HeartbeatResponseData heartbeat = answered(new HeartbeatRequestData().setGroupId("app"), 4, tenant);

        assertThat(sync.errorCode()).isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
        assertThat(heartbeat.errorCode()).isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
    }
}
