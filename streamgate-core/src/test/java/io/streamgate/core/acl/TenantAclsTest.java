package io.streamgate.core.acl;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.acl.AclPermissionType.ALLOW;
import static org.apache.kafka.common.acl.AclPermissionType.DENY;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

class TenantAclsTest {

    private static final String HOST = "10.0.0.1";

    @Test
    void deniesWhatNoBindingAllows() {
        assertThat(TenantAcls.NONE.authorize("alice", Set.of(), HOST, READ, TOPIC, "orders")).isFalse();
        TenantAcls acls = TenantAcls.of(List.of(binding(TOPIC, "orders", LITERAL, "User:alice", READ, ALLOW)));

        assertThat(allows(acls, "alice", READ, TOPIC, "orders")).isTrue();
        assertThat(allows(acls, "alice", WRITE, TOPIC, "orders")).isFalse();
        assertThat(allows(acls, "bob", READ, TOPIC, "orders")).isFalse();
        assertThat(allows(acls, "alice", READ, TOPIC, "payments")).isFalse();
        assertThat(allows(acls, "alice", READ, GROUP, "orders")).as("another resource type").isFalse();
    }

    @Test
    void aMatchingDenyWinsOverAnyAllow() {
        TenantAcls acls = TenantAcls.of(List.of(
                binding(TOPIC, "*", LITERAL, "User:*", ALL, ALLOW),
                binding(TOPIC, "orders", PREFIXED, "User:alice", READ, ALLOW),
                binding(TOPIC, "orders.secret", LITERAL, "User:alice", READ, DENY)));

        assertThat(allows(acls, "alice", READ, TOPIC, "orders.secret")).isFalse();
        assertThat(allows(acls, "alice", WRITE, TOPIC, "orders.secret")).as("denies only READ").isTrue();
        assertThat(allows(acls, "alice", READ, TOPIC, "orders.public")).isTrue();
    }

    @Test
    void aDenyOfAllDeniesEveryOperation() {
        TenantAcls acls = TenantAcls.of(List.of(
                binding(TOPIC, "orders", LITERAL, "User:alice", ALL, ALLOW),
                binding(TOPIC, "orders", PREFIXED, "User:bob", ALL, DENY),
                binding(TOPIC, "*", LITERAL, "User:bob", ALL, ALLOW)));

        for (AclOperation operation : List.of(READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS,
                ALTER_CONFIGS)) {
            assertThat(allows(acls, "alice", operation, TOPIC, "orders")).as("ALLOW ALL grants %s", operation)
                    .isTrue();
            assertThat(allows(acls, "bob", operation, TOPIC, "orders")).as("DENY ALL refuses %s", operation)
                    .isFalse();
        }
        assertThat(allows(acls, "bob", READ, TOPIC, "payments")).isTrue();
    }

    @Test
    void readWriteDeleteAndAlterImplyDescribe() {
        for (AclOperation implying : List.of(READ, WRITE, DELETE, ALTER)) {
            TenantAcls acls = TenantAcls.of(List.of(binding(TOPIC, "orders", LITERAL, "User:alice", implying,
                    ALLOW)));
            assertThat(allows(acls, "alice", DESCRIBE, TOPIC, "orders")).as("%s implies DESCRIBE", implying)
                    .isTrue();
            assertThat(allows(acls, "alice", DESCRIBE_CONFIGS, TOPIC, "orders")).isFalse();
        }
        TenantAcls create = TenantAcls.of(List.of(binding(TOPIC, "orders", LITERAL, "User:alice", CREATE, ALLOW)));
        assertThat(allows(create, "alice", DESCRIBE, TOPIC, "orders")).as("CREATE implies nothing").isFalse();
        TenantAcls describe = TenantAcls.of(List.of(binding(TOPIC, "orders", LITERAL, "User:alice", DESCRIBE,
                ALLOW)));
        assertThat(allows(describe, "alice", READ, TOPIC, "orders")).as("no implication backwards").isFalse();
    }

    @Test
    void alterConfigsImpliesDescribeConfigs() {
        TenantAcls acls = TenantAcls.of(List.of(binding(TOPIC, "orders", LITERAL, "User:alice", ALTER_CONFIGS,
                ALLOW)));

        assertThat(allows(acls, "alice", DESCRIBE_CONFIGS, TOPIC, "orders")).isTrue();
        assertThat(allows(acls, "alice", DESCRIBE, TOPIC, "orders")).isFalse();
    }

    @Test
    void aDenyImpliesNothing() {
        TenantAcls acls = TenantAcls.of(List.of(
                binding(TOPIC, "orders", LITERAL, "User:alice", DESCRIBE, ALLOW),
                binding(TOPIC, "orders", LITERAL, "User:alice", DESCRIBE_CONFIGS, ALLOW),
                binding(TOPIC, "orders", LITERAL, "User:alice", READ, DENY),
                binding(TOPIC, "orders", LITERAL, "User:alice", ALTER_CONFIGS, DENY)));

        assertThat(allows(acls, "alice", DESCRIBE, TOPIC, "orders")).isTrue();
        assertThat(allows(acls, "alice", DESCRIBE_CONFIGS, TOPIC, "orders")).isTrue();
    }

    @Test
    void aLiteralPatternMatchesOnlyItsName() {
        TenantAcls acls = TenantAcls.of(List.of(binding(TOPIC, "orders", LITERAL, "User:alice", READ, ALLOW)));

        assertThat(allows(acls, "alice", READ, TOPIC, "orders")).isTrue();
        assertThat(allows(acls, "alice", READ, TOPIC, "orders2")).isFalse();
        assertThat(allows(acls, "alice", READ, TOPIC, "order")).isFalse();
    }

    @Test
    void aPrefixedPatternMatchesEveryNameStartingWithIt() {
        TenantAcls acls = TenantAcls.of(List.of(
                binding(TOPIC, "orders.", PREFIXED, "User:alice", READ, ALLOW),
                binding(TOPIC, "*", PREFIXED, "User:alice", WRITE, ALLOW)));

        assertThat(allows(acls, "alice", READ, TOPIC, "orders.eu")).isTrue();
        assertThat(allows(acls, "alice", READ, TOPIC, "orders.")).isTrue();
        assertThat(allows(acls, "alice", READ, TOPIC, "orders")).isFalse();
        assertThat(allows(acls, "alice", READ, TOPIC, "my.orders.eu")).isFalse();
        assertThat(allows(acls, "alice", WRITE, TOPIC, "orders.eu")).as("a prefixed * is no wildcard").isFalse();
        assertThat(allows(acls, "alice", WRITE, TOPIC, "*starred")).isTrue();
    }

    @Test
    void theLiteralWildcardMatchesEveryNameOfItsResourceType() {
        TenantAcls acls = TenantAcls.of(List.of(binding(GROUP, "*", LITERAL, "User:alice", READ, ALLOW)));

        assertThat(allows(acls, "alice", READ, GROUP, "billing")).isTrue();
        assertThat(allows(acls, "alice", READ, GROUP, "*")).isTrue();
        assertThat(allows(acls, "alice", READ, TOPIC, "billing")).isFalse();
    }

    @Test
    void matchesUsersByNameOrWildcardAndGroupsOfTheConnection() {
        TenantAcls acls = TenantAcls.of(List.of(
                binding(TOPIC, "orders", LITERAL, "User:*", DESCRIBE, ALLOW),
                binding(TOPIC, "orders", LITERAL, "Group:billing", READ, ALLOW),
                binding(TOPIC, "orders", LITERAL, "Group:interns", WRITE, DENY),
                binding(TOPIC, "orders", LITERAL, "User:alice", WRITE, ALLOW),
                binding(TOPIC, "orders", LITERAL, "alice", DELETE, ALLOW),
                binding(TOPIC, "orders", LITERAL, "Role:alice", ALTER, ALLOW)));

        assertThat(TenantAcls.NONE.authorize("x", Set.of("billing"), HOST, READ, TOPIC, "orders")).isFalse();
        assertThat(acls.authorize("carol", Set.of(), HOST, DESCRIBE, TOPIC, "orders")).isTrue();
        assertThat(acls.authorize("carol", Set.of(), HOST, READ, TOPIC, "orders")).isFalse();
        assertThat(acls.authorize("carol", Set.of("staff", "billing"), HOST, READ, TOPIC, "orders")).isTrue();
        assertThat(acls.authorize("billing", Set.of(), HOST, READ, TOPIC, "orders"))
                .as("a user is not a group of the same name").isFalse();
        assertThat(acls.authorize("alice", Set.of(), HOST, WRITE, TOPIC, "orders")).isTrue();
        assertThat(acls.authorize("alice", Set.of("interns"), HOST, WRITE, TOPIC, "orders"))
                .as("a group's DENY applies to its members").isFalse();
        assertThat(acls.authorize("alice", Set.of(), HOST, DELETE, TOPIC, "orders"))
                .as("a principal without a type").isFalse();
        assertThat(acls.authorize("alice", Set.of(), HOST, ALTER, TOPIC, "orders"))
                .as("a principal of another type").isFalse();
    }

    @Test
    void matchesAnyHostOrExactlyTheClientAddress() {
        TenantAcls acls = TenantAcls.of(List.of(
                new AclBinding(new ResourcePattern(TOPIC, "orders", LITERAL),
                        new AccessControlEntry("User:alice", "10.0.0.1", READ, ALLOW)),
                new AclBinding(new ResourcePattern(TOPIC, "orders", LITERAL),
                        new AccessControlEntry("User:alice", "*", DESCRIBE, ALLOW)),
                new AclBinding(new ResourcePattern(TOPIC, "orders", LITERAL),
                        new AccessControlEntry("User:alice", "10.0.0.66", DESCRIBE, DENY))));

        assertThat(acls.authorize("alice", Set.of(), "10.0.0.1", READ, TOPIC, "orders")).isTrue();
        assertThat(acls.authorize("alice", Set.of(), "10.0.0.2", READ, TOPIC, "orders")).isFalse();
        assertThat(acls.authorize("alice", Set.of(), "10.0.0.2", DESCRIBE, TOPIC, "orders")).isTrue();
        assertThat(acls.authorize("alice", Set.of(), "10.0.0.66", DESCRIBE, TOPIC, "orders")).isFalse();
    }

    @Test
    void findsTheBindingsAFilterMatches() {
        AclBinding ordersRead = binding(TOPIC, "orders", LITERAL, "User:alice", READ, ALLOW);
        AclBinding ordersPrefixed = binding(TOPIC, "ord", PREFIXED, "User:bob", WRITE, ALLOW);
        AclBinding everyTopic = binding(TOPIC, "*", LITERAL, "User:carol", DESCRIBE, DENY);
        AclBinding group = binding(GROUP, "orders", LITERAL, "User:alice", READ, ALLOW);
        TenantAcls acls = TenantAcls.of(List.of(ordersRead, ordersPrefixed, everyTopic, group));

        assertThat(acls.matching(AclBindingFilter.ANY)).containsExactly(ordersRead, ordersPrefixed, everyTopic,
                group);
        assertThat(acls.matching(filter(TOPIC, "orders", PatternType.MATCH)))
                .containsExactly(ordersRead, ordersPrefixed, everyTopic);
        assertThat(acls.matching(filter(TOPIC, "orders", LITERAL))).containsExactly(ordersRead);
        assertThat(acls.matching(filter(ResourceType.ANY, null, PatternType.ANY)))
                .containsExactly(ordersRead, ordersPrefixed, everyTopic, group);
        assertThat(acls.matching(new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:alice", null, AclOperation.ANY, AclPermissionType.ANY))))
                .containsExactly(ordersRead, group);
        assertThat(acls.matching(filter(TOPIC, "payments", LITERAL))).isEmpty();
    }

    @Test
    void keepsEveryBindingItWasGiven() {
        AclBinding unknownPrincipalType = binding(TOPIC, "orders", LITERAL, "Role:admins", READ, ALLOW);
        AclBinding readable = binding(TOPIC, "orders", LITERAL, "User:alice", READ, ALLOW);

        assertThat(TenantAcls.of(List.of(unknownPrincipalType, readable)).bindings())
                .containsExactly(unknownPrincipalType, readable);
    }

    private static boolean allows(TenantAcls acls, String principal, AclOperation operation,
                                  ResourceType resourceType, String name) {
        return acls.authorize(principal, Set.of(), HOST, operation, resourceType, name);
    }

    private static AclBinding binding(ResourceType type, String name, PatternType patternType, String principal,
                                      AclOperation operation, AclPermissionType permission) {
        return new AclBinding(new ResourcePattern(type, name, patternType),
                new AccessControlEntry(principal, "*", operation, permission));
    }

    private static AclBindingFilter filter(ResourceType type, String name, PatternType patternType) {
        return new AclBindingFilter(new ResourcePatternFilter(type, name, patternType),
                AccessControlEntryFilter.ANY);
    }
}
