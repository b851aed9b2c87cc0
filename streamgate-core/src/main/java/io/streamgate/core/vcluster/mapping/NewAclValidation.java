package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.message.CreateAclsRequestData.AclCreation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Whether a creation of a CreateAcls may be stored for a virtual cluster: Kafka's checks of a new ACL (a concrete
 * resource type, pattern type, operation and permission; a resource name; {@code kafka-cluster} for the cluster),
 * and the gateway's own: only resource types whose names belong to the virtual cluster, principals the gateway can
 * match, and hosts it can compare. Checked on the wire codes, before an {@code AclBinding} (which refuses some
 * codes with an exception) is made of them.
 */
final class NewAclValidation {

    private static final String USER = "User:";
    private static final String GROUP = "Group:";

    private NewAclValidation() {
    }

    /** What is wrong with the creation, for its INVALID_REQUEST; null when it may be stored. */
    static String problem(AclCreation creation, String virtualCluster) {
        ResourceType resourceType = ResourceType.fromCode(creation.resourceType());
        switch (resourceType) {
            case TOPIC, GROUP, TRANSACTIONAL_ID, CLUSTER -> {
            }
            case UNKNOWN, ANY -> {
                return "Invalid resourceType " + resourceType;
            }
            default -> {
                return "ACLs on " + resourceType + " resources are not supported in virtual cluster "
                        + virtualCluster + ": only on TOPIC, GROUP, TRANSACTIONAL_ID and CLUSTER";
            }
        }
        PatternType patternType = PatternType.fromCode(creation.resourcePatternType());
        if (patternType != PatternType.LITERAL && patternType != PatternType.PREFIXED) {
            return "Invalid patternType " + patternType;
        }
        AclOperation operation = AclOperation.fromCode(creation.operation());
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            return "Invalid operation " + operation;
        }
        if (operation == AclOperation.CREATE_TOKENS || operation == AclOperation.DESCRIBE_TOKENS
                || operation == AclOperation.TWO_PHASE_COMMIT) {
            return "ACLs for operation " + operation + " are not supported in virtual cluster " + virtualCluster
                    + ": the gateway never checks it";
        }
        AclPermissionType permissionType = AclPermissionType.fromCode(creation.permissionType());
        if (permissionType != AclPermissionType.ALLOW && permissionType != AclPermissionType.DENY) {
            return "Invalid permissionType " + permissionType;
        }
        if (creation.resourceName().isEmpty()) {
            return "Resource name should not be empty";
        }
        if (resourceType == ResourceType.CLUSTER && !creation.resourceName().equals(Resource.CLUSTER_NAME)) {
            return "The only valid name for the CLUSTER resource is " + Resource.CLUSTER_NAME;
        }
        if (resourceType == ResourceType.CLUSTER && patternType != PatternType.LITERAL) {
            return "A CLUSTER binding must have a LITERAL pattern";
        }
        if (!hasTypeAndName(creation.principal())) {
            return "Invalid principal " + creation.principal() + ": expected " + USER + "<name> or " + GROUP
                    + "<name>";
        }
        if (creation.host().contains("/")) {
            // Kafka 4 brokers accept address ranges; the gateway compares addresses only, and a DENY it cannot
            // enforce must not be stored as if it were.
            return "Invalid host " + creation.host() + ": expected * or an IP address, not a range";
        }
        return null;
    }

    private static boolean hasTypeAndName(String principal) {
        return principal.startsWith(USER) && principal.length() > USER.length()
                || principal.startsWith(GROUP) && principal.length() > GROUP.length();
    }
}
