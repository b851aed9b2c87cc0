package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest.CoordinatorType;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * FindCoordinator for consumer groups and transactional ids, single ({@code key}, v0-3) and batched
 * ({@code coordinatorKeys}, v4+): keys are prefixed, so the broker hashes the physical name to its coordinator; the
 * batched response's keys are un-prefixed. Kafka asks DESCRIBE on the group or transactional id. Share-coordinator
 * keys (sent by brokers, naming share-partitions) are refused as a broker refuses them to a principal without
 * CLUSTER_ACTION. The coordinators' addresses are rewritten elsewhere.
 */
final class FindCoordinatorMapper implements ApiMapper {

    private static final short FIRST_BATCHED_VERSION = 4;

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        FindCoordinatorRequestData data = (FindCoordinatorRequestData) request;
        CoordinatorType type;
        try {
            type = CoordinatorType.forId(data.keyType());
        } catch (InvalidRequestException unknown) {
            return BrokerErrors.answer(request, version, Errors.INVALID_REQUEST);
        }
        if (type == CoordinatorType.SHARE) {
            return BrokerErrors.answer(request, version, Errors.CLUSTER_AUTHORIZATION_FAILED);
        }
        Errors denial = type == CoordinatorType.GROUP ? Errors.GROUP_AUTHORIZATION_FAILED
                : Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
        ResourceType resourceType = type == CoordinatorType.GROUP ? ResourceType.GROUP : ResourceType.TRANSACTIONAL_ID;
        TenantNamespace names = tenant.names();
        if (version < FIRST_BATCHED_VERSION) {
            if (!tenant.authorized(AclOperation.DESCRIBE, resourceType, data.key())) {
                return BrokerErrors.answer(request, version, denial);
            }
            data.setKey(physical(names, type, data.key()));
            return new Mapping.Forward(data, ResponseMapper.UNCHANGED);
        }
        List<String> physicalKeys = new ArrayList<>();
        List<Coordinator> refused = new ArrayList<>();
        for (String key : data.coordinatorKeys()) {
            if (tenant.authorized(AclOperation.DESCRIBE, resourceType, key)) {
                physicalKeys.add(physical(names, type, key));
            } else {
                refused.add(new Coordinator().setKey(key).setNodeId(-1).setHost("").setPort(-1)
                        .setErrorCode(denial.code()).setErrorMessage(denial.message()));
            }
        }
        if (physicalKeys.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new FindCoordinatorResponseData().setCoordinators(refused));
        }
        data.setCoordinatorKeys(physicalKeys);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            FindCoordinatorResponseData found = (FindCoordinatorResponseData) response;
            List<Coordinator> coordinators = new ArrayList<>(found.coordinators().size() + refused.size());
            for (Coordinator coordinator : found.coordinators()) {
                String logical = logical(names, type, coordinator.key());
                if (logical != null) {
                    coordinators.add(coordinator.setKey(logical));
                }
            }
            coordinators.addAll(refused);
            return found.setCoordinators(coordinators);
        });
    }

    private static String physical(TenantNamespace names, CoordinatorType type, String key) {
        return type == CoordinatorType.GROUP ? names.physicalGroup(key) : names.physicalTransactionalId(key);
    }

    private static String logical(TenantNamespace names, CoordinatorType type, String key) {
        return type == CoordinatorType.GROUP ? names.logicalGroup(key) : names.logicalTransactionalId(key);
    }
}
