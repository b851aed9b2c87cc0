package io.streamgate.admin.vcluster;

import io.streamgate.admin.identity.ServiceAccountSpec;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualClusterResourceValidatorTest {

    private final VirtualClusterResourceValidator validator = new VirtualClusterResourceValidator();
    private final Map<ResourceId, Resource> store = new HashMap<>();

    @Test
    void aVirtualClusterDefaultsToItsNameAndADotWithAclsOffAndWritable() {
        VirtualClusterSpec spec = VirtualClusterSpec.of(parse("""
                {"kind": "VirtualCluster", "metadata": {"name": "payments"}, "spec": {}}"""));

        assertThat(spec.toVirtualCluster("payments")).satisfies(cluster -> {
            assertThat(cluster.prefix()).isEqualTo("payments.");
            assertThat(cluster.aclsEnabled()).isFalse();
            assertThat(cluster.readOnly()).isFalse();
            assertThat(cluster.superUsers()).isEmpty();
        });
        assertThat(VirtualClusterSpec.of(parse("""
                {"kind": "VirtualCluster", "metadata": {"name": "p"},
                 "spec": {"prefix": "tenant-p_", "acls": {"enabled": true}, "superUsers": ["User:alice"],
                          "readOnly": true}}""")).toVirtualCluster("p"))
                .satisfies(cluster -> {
                    assertThat(cluster.prefix()).isEqualTo("tenant-p_");
                    assertThat(cluster.aclsEnabled()).isTrue();
                    assertThat(cluster.readOnly()).isTrue();
                    assertThat(cluster.superUsers()).containsExactly("User:alice");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            passthrough          | {"kind":"VirtualCluster","metadata":{"name":"passthrough"},"spec":{}}                        | metadata.name          | 'passthrough' is the built-in transparent cluster
            scoped               | {"kind":"VirtualCluster","metadata":{"name":"a","scope":{"group":"g"}},"spec":{}}          | metadata.scope         | virtual clusters are global
            prefix with a space  | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"prefix":"a b"}}                   | spec.prefix            | the prefix 'a b' is not the start of a Kafka topic name
            prefix underscore    | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"prefix":"_"}}                     | spec.prefix            | the prefix '_' is not the start of a Kafka topic name
            prefix dot           | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"prefix":"."}}                     | spec.prefix            | the prefix '.' is not the start
            acls not an object   | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"acls":true}}                      | spec.acls              | expected {enabled: true
            acls unknown field   | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"acls":{"on":true}}}               | spec.acls.on           | unknown field; spec.acls has enabled
            acls enabled text    | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"acls":{"enabled":"yes"}}}         | spec.acls.enabled      | expected true or false
            super user no type   | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"superUsers":["alice"]}}           | spec.superUsers[0]     | expected User:<name>, not 'alice'
            super user group     | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"superUsers":["User:a","Group:g"]}} | spec.superUsers[1]   | expected User:<name>, not 'Group:g'
            readOnly text        | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"readOnly":"no"}}                  | spec.readOnly          | expected true or false
            unknown field        | {"kind":"VirtualCluster","metadata":{"name":"a"},"spec":{"prefx":"a."}}                     | spec.prefx             | unknown field; a VirtualCluster's spec has prefix, acls, superUsers, readOnly
            alias global         | {"kind":"AliasTopic","metadata":{"name":"t"},"spec":{"physicalTopic":"x"}}                  | metadata.scope         | alias topics belong to a virtual cluster
            alias with username  | {"kind":"AliasTopic","metadata":{"name":"t","scope":{"virtualCluster":"a","username":"u"}},"spec":{"physicalTopic":"x"}} | metadata.scope | alias topics belong to a virtual cluster
            alias no target      | {"kind":"AliasTopic","metadata":{"name":"t","scope":{"virtualCluster":"a"}},"spec":{}}      | spec.physicalTopic     | required
            alias bad target     | {"kind":"AliasTopic","metadata":{"name":"t","scope":{"virtualCluster":"a"}},"spec":{"physicalTopic":"a/b"}} | spec.physicalTopic | Topic name is invalid: 'a/b' contains one or more characters other than
            alias internal topic | {"kind":"AliasTopic","metadata":{"name":"t","scope":{"virtualCluster":"a"}},"spec":{"physicalTopic":"__consumer_offsets"}} | spec.physicalTopic | '__consumer_offsets' is an internal topic
            acl global           | {"kind":"AclBinding","metadata":{"name":"b"},"spec":{}}                                     | metadata.scope         | ACL bindings belong to a virtual cluster
            acl resource type    | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"USER","patternType":"LITERAL","resourceName":"x","principal":"User:a","operation":"READ","permission":"ALLOW"}} | spec.resourceType | expected one of TOPIC, GROUP, TRANSACTIONAL_ID, CLUSTER, not 'USER'
            acl pattern MATCH    | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"TOPIC","patternType":"MATCH","resourceName":"x","principal":"User:a","operation":"READ","permission":"ALLOW"}} | spec.patternType | expected one of LITERAL, PREFIXED, not 'MATCH'
            acl token operation  | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"TOPIC","patternType":"LITERAL","resourceName":"x","principal":"User:a","operation":"CREATE_TOKENS","permission":"ALLOW"}} | spec.operation | expected one of READ, WRITE, CREATE
            acl permission       | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"TOPIC","patternType":"LITERAL","resourceName":"x","principal":"User:a","operation":"READ","permission":"ANY"}} | spec.permission | expected one of ALLOW, DENY, not 'ANY'
            acl principal        | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"TOPIC","patternType":"LITERAL","resourceName":"x","principal":"alice","operation":"READ","permission":"ALLOW"}} | spec.principal | expected User:<name> or Group:<group>, not 'alice'
            acl no resource name | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"TOPIC","patternType":"LITERAL","principal":"User:a","operation":"READ","permission":"ALLOW"}} | spec.resourceName | required
            acl cluster name     | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"CLUSTER","patternType":"LITERAL","resourceName":"x","principal":"User:a","operation":"ALTER","permission":"ALLOW"}} | spec.resourceName | a CLUSTER binding names the LITERAL resource kafka-cluster
            acl unknown field    | {"kind":"AclBinding","metadata":{"name":"b","scope":{"virtualCluster":"a"}},"spec":{"resourceType":"TOPIC","patternType":"LITERAL","resourceName":"x","principal":"User:a","operation":"READ","permission":"ALLOW","ttl":3}} | spec.ttl | unknown field
            other kind           | {"kind":"Interceptor","metadata":{"name":"i"},"spec":{}}                                     | kind                   | expected VirtualCluster, AliasTopic or AclBinding, not Interceptor
            """)
    void refusesASpecThatDoesNotReadNamingTheField(String caseName, String json, String field, String problem) {
        assertRefused(() -> validator.validate(parse(json)), field, problem);
    }

    @Test
    void aPrefixIsNeitherAnothersNorTheStartOfAnothersNorStartsWithAnothersInEitherOrderOfWriting() {
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {"prefix": "team.a."}}""");

        assertRefused(() -> check("""
                {"kind": "VirtualCluster", "metadata": {"name": "b"}, "spec": {"prefix": "team.a."}}"""),
                "spec.prefix", "the prefix 'team.a.' is already virtual cluster a's");
        assertRefused(() -> check("""
                {"kind": "VirtualCluster", "metadata": {"name": "b"}, "spec": {"prefix": "team."}}"""),
                "spec.prefix", "the prefix 'team.' is the start of virtual cluster a's prefix 'team.a.'");
        assertRefused(() -> check("""
                {"kind": "VirtualCluster", "metadata": {"name": "b"}, "spec": {"prefix": "team.a.b."}}"""),
                "spec.prefix", "the prefix 'team.a.b.' starts with virtual cluster a's prefix 'team.a.'");
        // The default prefix counts too, and the message then names the field that makes it.
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "x"}, "spec": {}}""");
        assertRefused(() -> check("""
                {"kind": "VirtualCluster", "metadata": {"name": "b"}, "spec": {"prefix": "x"}}"""),
                "spec.prefix", "the prefix 'x' is the start of virtual cluster x's prefix 'x.'");
        assertRefused(() -> check("""
                {"kind": "VirtualCluster", "metadata": {"name": "x.y"}, "spec": {}}"""),
                "metadata.name", "the prefix 'x.y.' starts with virtual cluster x's prefix 'x.'");
        check("""
                {"kind": "VirtualCluster", "metadata": {"name": "team.b"}, "spec": {"prefix": "team.b."}}""");
        // A virtual cluster written again is not its own rival.
        check("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {"prefix": "team.a.", "readOnly": true}}""");
    }

    @Test
    void anAliasNeedsItsVirtualClusterAndNeverShowsATopicUnderAVirtualClustersPrefix() {
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {}}""");
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "b"}, "spec": {}}""");

        check(alias("a", "rates", "shared.fx-rates"));
        check(alias("b", "rates", "shared.fx-rates"));
        assertRefused(() -> check(alias("ghost", "rates", "shared.fx-rates")), "metadata.scope.virtualCluster",
                "no virtual cluster named ghost");
        assertRefused(() -> check(alias("a", "orders", "b.orders")), "spec.physicalTopic",
                "'b.orders' starts with virtual cluster b's prefix 'b.': an alias cannot show a virtual cluster's "
                        + "topic");
        assertRefused(() -> check(alias("a", "own", "a.orders")), "spec.physicalTopic",
                "'a.orders' starts with virtual cluster a's prefix 'a.'");
    }

    @Test
    void aPhysicalTopicIsAliasedOncePerVirtualCluster() {
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {}}""");
        stored(alias("a", "rates", "shared.fx-rates"));

        assertRefused(() -> check(alias("a", "fx", "shared.fx-rates")), "spec.physicalTopic",
                "'shared.fx-rates' is already aliased in virtual cluster a as rates");
        check(alias("a", "rates", "shared.fx-rates").replace("fx-rates\"}", "fx-rates\", \"readOnly\": false}"));
    }

    @Test
    void aNewPrefixMustNotTakeInATopicThatAnAliasShows() {
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {}}""");
        stored(alias("a", "rates", "shared.fx-rates"));

        assertRefused(() -> check("""
                {"kind": "VirtualCluster", "metadata": {"name": "shared"}, "spec": {}}"""), "metadata.name",
                "the prefix 'shared.' would take in 'shared.fx-rates', which alias topic rates of virtual cluster a "
                        + "shows");
    }

    @Test
    void anAclBindingNeedsItsVirtualClusterAndIsStoredOncePerVirtualClusterWhateverItsName() {
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {}}""");
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "b"}, "spec": {}}""");
        AclBindingSpec read = new AclBindingSpec(ResourceType.TOPIC, PatternType.LITERAL, "orders", "User:alice", "*",
                AclOperation.READ, AclPermissionType.ALLOW);
        store.put(read.toResource("a", "alice-reads").id(), read.toResource("a", "alice-reads"));

        assertRefused(() -> validator.validate(read.toResource("a", read.derivedName()), planned(
                read.toResource("a", read.derivedName()))), "spec", "virtual cluster a already has this binding, as "
                + "alice-reads");
        validator.validate(read.toResource("b", read.derivedName()), planned(read.toResource("b", read.derivedName())));
        assertRefused(() -> validator.validate(read.toResource("ghost", "x"), planned(read.toResource("ghost", "x"))),
                "metadata.scope.virtualCluster", "no virtual cluster named ghost");
    }

    @Test
    void anAclBindingHasANameDerivedFromItAloneAndReadsBackAsTheKafkaBinding() {
        AclBinding kafka = new AclBinding(new ResourcePattern(ResourceType.GROUP, "orders-", PatternType.PREFIXED),
                new AccessControlEntry("Group:payments", "*", AclOperation.READ, AclPermissionType.DENY));
        AclBindingSpec spec = AclBindingSpec.of(kafka);

        assertThat(spec.derivedName()).matches("acl-[0-9a-f]{16}").isEqualTo(AclBindingSpec.of(kafka).derivedName());
        assertThat(new AclBindingSpec(ResourceType.GROUP, PatternType.PREFIXED, "orders-", "Group:payments", "*",
                AclOperation.READ, AclPermissionType.ALLOW).derivedName()).isNotEqualTo(spec.derivedName());
        Resource resource = spec.toResource("a", spec.derivedName());
        validator.validate(resource);
        assertThat(AclBindingSpec.of(resource).toAclBinding()).isEqualTo(kafka);
        assertThat(AclBindingSpec.of(parse("""
                {"kind": "AclBinding", "metadata": {"name": "b", "scope": {"virtualCluster": "a"}},
                 "spec": {"resourceType": "group", "patternType": "prefixed", "resourceName": "orders-",
                          "principal": "Group:payments", "operation": "read", "permission": "deny"}}""")))
                .as("enum names in any case, host * by default").isEqualTo(spec);
    }

    @Test
    void aServiceAccountMayLandInAVirtualClusterThatExists() {
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {}}""");
        ServiceAccountSpec inA = ServiceAccountSpec.of(parse("""
                {"kind": "ServiceAccount", "metadata": {"name": "app"}, "spec": {"type": "LOCAL", "virtualCluster": "a"}}"""));
        ServiceAccountSpec inGhost = ServiceAccountSpec.of(parse("""
                {"kind": "ServiceAccount", "metadata": {"name": "app"},
                 "spec": {"type": "LOCAL", "virtualCluster": "ghost"}}"""));

        VirtualClusterRules.checkServiceAccount(inA, store);
        assertRefused(() -> VirtualClusterRules.checkServiceAccount(inGhost, store), "spec.virtualCluster",
                "no virtual cluster named ghost");
        assertThat(inA.virtualCluster()).contains("a");
    }

    @Test
    void theDependentsOfAVirtualClusterAreItsAliasesBindingsAndAccounts() {
        stored("""
                {"kind": "VirtualCluster", "metadata": {"name": "a"}, "spec": {}}""");
        stored(alias("a", "rates", "shared.fx-rates"));
        stored("""
                {"kind": "ServiceAccount", "metadata": {"name": "app"}, "spec": {"type": "LOCAL", "virtualCluster": "a"}}""");
        stored("""
                {"kind": "ServiceAccount", "metadata": {"name": "other"}, "spec": {"type": "LOCAL"}}""");

        assertThat(VirtualClusterRules.dependents("a", store.values())).extracting(ResourceId::toString)
                .containsExactly("AliasTopic rates (vcluster=a)", "ServiceAccount app (global)");
        assertThat(VirtualClusterRules.dependents("b", store.values())).isEmpty();
    }

    private void check(String json) {
        Resource resource = parse(json);
        validator.validate(resource, planned(resource));
    }

    private Map<ResourceId, Resource> planned(Resource resource) {
        Map<ResourceId, Resource> planned = new HashMap<>(store);
        planned.put(resource.id(), resource);
        return planned;
    }

    private void stored(String json) {
        Resource resource = parse(json);
        store.put(resource.id(), resource);
    }

    private static String alias(String virtualCluster, String name, String physicalTopic) {
        return """
                {"kind": "AliasTopic", "metadata": {"name": "%s", "scope": {"virtualCluster": "%s"}},
                 "spec": {"physicalTopic": "%s"}}""".formatted(name, virtualCluster, physicalTopic);
    }

    private static Resource parse(String json) {
        return ResourceDocuments.parseSingle(json, null);
    }

    private static void assertRefused(ThrowingCallable call, String field, String problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidResourceException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).startsWith(problem);
        });
    }
}
