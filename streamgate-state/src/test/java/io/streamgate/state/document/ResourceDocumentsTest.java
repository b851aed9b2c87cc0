package io.streamgate.state.document;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceDocumentsTest {

    private static final String TRACING_YAML = """
            kind: Interceptor
            metadata:
              name: add-tracing-headers
              scope: {virtualCluster: payments, username: alice}
              labels: {team: platform}
            spec:
              plugin: inject-headers
              priority: 100
              config: {headers: {x-user: "{{user}}"}}
            """;

    @Test
    void parsesAYamlDocumentWithScopeLabelsAndSpec() {
        Resource resource = ResourceDocuments.parseSingle(TRACING_YAML, "tracing.yaml");

        assertThat(resource.kind()).isEqualTo("Interceptor");
        assertThat(resource.metadata().name()).isEqualTo("add-tracing-headers");
        assertThat(resource.metadata().scope()).isEqualTo(new Scope("payments", null, "alice"));
        assertThat(resource.metadata().labels()).containsExactly(Map.entry("team", "platform"));
        assertThat(resource.metadata().revision()).isZero();
        assertThat(resource.spec().get("priority").intValue()).isEqualTo(100);
        assertThat(resource.spec().at("/config/headers/x-user").textValue()).isEqualTo("{{user}}");
    }

    @Test
    void treatsAMissingScopeAsGlobalAndMissingLabelsAsNone() {
        Resource resource = ResourceDocuments.parseSingle("""
                {"kind": "Interceptor", "metadata": {"name": "a"}, "spec": {}}
                """, null);

        assertThat(resource.metadata().scope()).isEqualTo(Scope.GLOBAL);
        assertThat(resource.metadata().labels()).isEmpty();
    }

    @Test
    void parsesMultiDocumentYamlInOrderSkippingEmptyDocuments() {
        List<Resource> resources = ResourceDocuments.parse("""
                ---
                kind: Interceptor
                metadata: {name: first}
                spec: {}
                ---
                ---
                kind: Interceptor
                metadata: {name: second}
                spec: {}
                ---
                """, "many.yaml");

        assertThat(resources).extracting(resource -> resource.metadata().name()).containsExactly("first", "second");
    }

    @Test
    void parsesAJsonArrayAsSeveralDocuments() {
        List<ResourceDocument> documents = ResourceDocuments.parseDocuments("""
                [ {"kind": "Interceptor", "metadata": {"name": "a"}, "spec": {}},
                  {"kind": "VirtualCluster", "metadata": {"name": "b"}, "spec": {"x": 1}} ]
                """, "all.json");

        assertThat(documents).extracting(document -> document.resource().kind())
                .containsExactly("Interceptor", "VirtualCluster");
        assertThat(documents).extracting(ResourceDocument::source)
                .containsExactly("all.json, document 1", "all.json, document 2");
    }

    @Test
    void parsesNothingFromEmptyInput() {
        assertThat(ResourceDocuments.parse("", "empty.yaml")).isEmpty();
        assertThat(ResourceDocuments.parse("# only a comment\n", "empty.yaml")).isEmpty();
    }

    @Test
    void roundTripsThroughJsonAndYamlUnchanged() {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.put("plugin", "inject-headers").put("priority", 100).put("ratio", 0.25).put("enabled", true);
        // Strings that YAML would read as something else if written bare.
        spec.put("looksLikeNumber", "100").put("looksLikeBoolean", "true").put("yes", "no").put("nothing", "null");
        spec.putArray("topics").add("orders").add("payments.*");
        spec.putObject("config").putObject("headers").put("x-user", "{{user}}").put("multi", "line one\nline two");
        spec.putNull("explicitNull");
        Resource resource = new Resource("Interceptor", new ResourceMetadata("add-tracing-headers",
                new Scope("payments", "ops", null), Map.of("team", "platform", "tier", "1"), 7,
                Instant.parse("2024-05-01T12:00:00.123Z"), "alice"), spec);

        assertThat(ResourceDocuments.parseSingle(ResourceDocuments.toJson(resource), "json")).isEqualTo(resource);
        assertThat(ResourceDocuments.parseSingle(ResourceDocuments.toYaml(resource), "yaml")).isEqualTo(resource);
        assertThat(ResourceDocuments.parse(ResourceDocuments.toJson(List.of(resource, resource)), "array"))
                .containsExactly(resource, resource);
        assertThat(ResourceDocuments.parse(ResourceDocuments.toYaml(List.of(resource, resource)), "multi"))
                .containsExactly(resource, resource);
    }

    @Test
    void writesFieldsInAFixedOrderLeavingOutWhatIsEmpty() {
        Resource resource = Resource.of("Interceptor", "a", JsonNodeFactory.instance.objectNode().put("plugin", "p"));

        assertThat(ResourceDocuments.toJson(resource))
                .isEqualTo("{\"kind\":\"Interceptor\",\"metadata\":{\"name\":\"a\"},\"spec\":{\"plugin\":\"p\"}}");
        assertThat(ResourceDocuments.toYaml(resource)).isEqualTo("""
                ---
                kind: Interceptor
                metadata:
                  name: a
                spec:
                  plugin: p
                """);
    }

    @Test
    void readsAFileNamingItInErrors(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("interceptors.yaml");
        Files.writeString(file, TRACING_YAML + "---\nkind: Interceptor\nmetadata: {name: b}\nspec: []\n");

        assertThatThrownBy(() -> ResourceDocuments.read(file))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("interceptors.yaml, document 2: spec: expected an object, not an array");
    }

    @Test
    void ignoresTheReadOnlyStatusSoThatADocumentFromTheApiCanBeWrittenBack() {
        Resource resource = ResourceDocuments.parseSingle("""
                {"kind": "ServiceAccount", "metadata": {"name": "orders-app"}, "spec": {"type": "LOCAL"},
                 "status": {"scram": {"SCRAM-SHA-512": {"iterations": 8192}}}}""", null);

        assertThat(ResourceDocuments.toNode(resource).has("status")).isFalse();
        assertThat(resource.spec().get("type").asText()).isEqualTo("LOCAL");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level field  | {"kind":"Interceptor","metadata":{"name":"a"},"spec":{},"state":{}}               | state                  | unknown field; expected one of kind, metadata, spec, status
            missing kind             | {"metadata":{"name":"a"},"spec":{}}                                                | kind                   | required
            kind not a string        | {"kind":7,"metadata":{"name":"a"},"spec":{}}                                       | kind                   | expected a string, not a number (7)
            lower-case kind          | {"kind":"interceptor","metadata":{"name":"a"},"spec":{}}                           | kind                   | 'interceptor' is not a valid kind: expected an upper-case letter followed by letters and digits
            missing metadata         | {"kind":"Interceptor","spec":{}}                                                   | metadata               | required
            metadata not an object   | {"kind":"Interceptor","metadata":"a","spec":{}}                                    | metadata               | expected an object, not a string ('a')
            unknown metadata field   | {"kind":"Interceptor","metadata":{"name":"a","namespace":"x"},"spec":{}}           | metadata.namespace     | unknown field; expected one of name, scope, labels, revision, updatedAt, updatedBy
            missing name             | {"kind":"Interceptor","metadata":{},"spec":{}}                                     | metadata.name          | required
            bad name                 | {"kind":"Interceptor","metadata":{"name":"-a b"},"spec":{}}                        | metadata.name          | '-a b' is not a valid name: expected 1 to 253 letters, digits, '.', '_' or '-', starting with a letter or digit
            group and username       | {"kind":"Interceptor","metadata":{"name":"a","scope":{"group":"g","username":"u"}},"spec":{}} | metadata.scope | a scope names a group or a username, not both
            scope not an object      | {"kind":"Interceptor","metadata":{"name":"a","scope":"global"},"spec":{}}          | metadata.scope         | expected an object with virtualCluster, group or username, not a string ('global')
            unknown scope field      | {"kind":"Interceptor","metadata":{"name":"a","scope":{"cluster":"c"}},"spec":{}}   | metadata.scope.cluster | unknown field; expected one of virtualCluster, group, username
            scope part not a string  | {"kind":"Interceptor","metadata":{"name":"a","scope":{"username":1}},"spec":{}}    | metadata.scope.username | expected a string, not a number (1)
            labels not an object     | {"kind":"Interceptor","metadata":{"name":"a","labels":["x"]},"spec":{}}            | metadata.labels        | expected an object of strings, not an array
            label not a string       | {"kind":"Interceptor","metadata":{"name":"a","labels":{"tier":1}},"spec":{}}       | metadata.labels.tier   | expected a string, not a number (1) (quote it)
            negative revision        | {"kind":"Interceptor","metadata":{"name":"a","revision":-1},"spec":{}}             | metadata.revision      | expected a whole number of at least 0, not a number (-1)
            bad updatedAt            | {"kind":"Interceptor","metadata":{"name":"a","updatedAt":"yesterday"},"spec":{}}   | metadata.updatedAt     | 'yesterday' is not an ISO-8601 instant such as 2024-05-01T12:00:00Z
            missing spec             | {"kind":"Interceptor","metadata":{"name":"a"}}                                     | spec                   | required (use {} for an empty spec)
            spec not an object       | {"kind":"Interceptor","metadata":{"name":"a"},"spec":"plugin"}                     | spec                   | expected an object, not a string ('plugin')
            """)
    void refusesABadDocumentNamingSourceDocumentAndField(String caseName, String json, String field, String problem) {
        assertThatThrownBy(() -> ResourceDocuments.parse(json, "bad.json"))
                .isInstanceOfSatisfying(InvalidResourceException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.source()).isEqualTo("bad.json, document 1");
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e).hasMessage("bad.json, document 1: " + field + ": " + problem);
                });
    }

    @Test
    void refusesADocumentThatIsNotAnObject() {
        assertThatThrownBy(() -> ResourceDocuments.parse("- just\n- a list\n", "list.yaml"))
                .hasMessage("list.yaml, document 1: a resource must be an object {kind, metadata, spec}, not an array");
    }

    @Test
    void namesTheDocumentOfAnErrorInMultiDocumentYaml() {
        String yaml = TRACING_YAML + """
                ---
                kind: Interceptor
                metadata:
                  name: both
                  scope: {group: ops, username: alice}
                spec: {}
                """;

        assertThatThrownBy(() -> ResourceDocuments.parse(yaml, "interceptors.yaml"))
                .hasMessage("interceptors.yaml, document 2: metadata.scope: a scope names a group or a username, not both");
    }

    @Test
    void namesOnlyTheDocumentWhenTheSourceIsUnknown() {
        assertThatThrownBy(() -> ResourceDocuments.parse("{\"metadata\":{\"name\":\"a\"},\"spec\":{}}", null))
                .hasMessage("document 1: kind: required");
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> ResourceDocuments.parse("kind: Interceptor\nkind: Group\n", "dup.yaml"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageStartingWith("dup.yaml: not valid YAML (line 2, column ")
                .hasMessageContaining("Duplicate field 'kind'");
        assertThatThrownBy(() -> ResourceDocuments.parse("{\"kind\":\"A\",\"kind\":\"B\"}", "dup.json"))
                .hasMessageStartingWith("dup.json: not valid JSON (line 1, column ")
                .hasMessageContaining("Duplicate field 'kind'");
    }

    @Test
    void refusesMalformedYamlAndJsonWithTheirLocation() {
        assertThatThrownBy(() -> ResourceDocuments.parse("kind: Interceptor\nmetadata: {name: [a\n", "broken.yaml"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageStartingWith("broken.yaml: not valid YAML (line ");
        assertThatThrownBy(() -> ResourceDocuments.parse("{\"kind\": \"Interceptor\",", "broken.json"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageStartingWith("broken.json: not valid JSON (line 1, column ");
        assertThatThrownBy(() -> ResourceDocuments.parse("{} {}", "two.json"))
                .hasMessageStartingWith("two.json: not valid JSON");
    }

    @Test
    void parseSingleRefusesAnythingButOneResource() {
        assertThatThrownBy(() -> ResourceDocuments.parseSingle("[]", "body"))
                .hasMessage("body: expected one resource, found 0");
    }
}
