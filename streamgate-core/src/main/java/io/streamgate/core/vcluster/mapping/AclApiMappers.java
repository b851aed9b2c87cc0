package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiError;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The ACL APIs of a virtual cluster. The gateway answers them itself, from and into the virtual cluster's own
 * bindings in the store, with logical resource names: they never reach the broker, whose ACLs are the physical
 * cluster's.
 */
final class AclApiMappers {

    private AclApiMappers() {
    }

    static void register(Map<ApiKeys, ApiMapper> mappers) {
        mappers.put(ApiKeys.CREATE_ACLS, new CreateAclsMapper());
        mappers.put(ApiKeys.DESCRIBE_ACLS, new DescribeAclsMapper());
        mappers.put(ApiKeys.DELETE_ACLS, new DeleteAclsMapper());
    }

    /**
     * Why the connection may not use an ACL API at all, or null when it may: as a broker answers, SECURITY_DISABLED
     * when the virtual cluster has no ACLs (a broker without an authorizer), else CLUSTER_AUTHORIZATION_FAILED
     * without {@code operation} on the cluster.
     */
    static ApiError refusal(TenantContext tenant, AclOperation operation) {
        if (!tenant.tenant().cluster().aclsEnabled()) {
            return new ApiError(Errors.SECURITY_DISABLED, "ACLs are not enabled in virtual cluster "
                    + tenant.tenant().name());
        }
        if (!tenant.authorized(operation, ResourceType.CLUSTER, Resource.CLUSTER_NAME)) {
            return new ApiError(Errors.CLUSTER_AUTHORIZATION_FAILED, "Cluster authorization failed: "
                    + operation + " on the cluster is required");
        }
        return null;
    }

    /**
     * The error of a store write that failed, for each result it leaves undone: a Kafka error as it is, anything else
     * UNKNOWN_SERVER_ERROR with its message.
     */
    static ApiError storeFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return new ApiError(Errors.forException(cause), cause.getMessage());
    }
}
