package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.admin.testing.AdminFixture;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.streamgate.admin.testing.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InterceptorRoutesTest {

    private static final String TAG = """
            {"kind": "Interceptor", "metadata": {"name": "tag"},
             "spec": {"plugin": "test-tag", "priority": 10, "config": {"headers": {"x-team": "payments"}}}}""";

    @TempDir
    Path dataDir;

    private AdminFixture admin;

    @BeforeEach
    void start() {
        admin = new AdminFixture(dataDir);
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void aPutCreatesTheInterceptorWith201AndEveryInstanceOfTheRegistryRunsItWithinASecond() {
        HttpResponse<String> response = admin.putJson(TAG);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = parse(response.body());
        assertThat(body.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(body.at("/resource/metadata/revision").asLong()).isEqualTo(1);
        assertThat(body.at("/resource/metadata/updatedBy").asText()).isEqualTo("ci");
        assertThat(body.at("/resource/spec/config/headers/x-team").asText()).isEqualTo("payments");
        assertThat(admin.store().get(new ResourceId("Interceptor", "tag", Scope.GLOBAL))).isPresent();
        await().atMost(Duration.ofSeconds(1)).until(() -> admin.registry().find("tag", Scope.GLOBAL).isPresent());
    }

    @Test
    void theSamePutAgainIsUnchangedAndAnotherSpecIsAnUpdateBoth200() {
        admin.putJson(TAG);

        HttpResponse<String> again = admin.putJson(TAG);
        HttpResponse<String> changed = admin.putJson(TAG.replace("\"priority\": 10", "\"priority\": 20"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(parse(again.body()).get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(parse(changed.body()).get("outcome").asText()).isEqualTo("UPDATED");
        assertThat(parse(changed.body()).at("/resource/metadata/revision").asLong()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(1)).until(() -> admin.registry().find("tag", Scope.GLOBAL)
                .map(InterceptorDefinition::priority).orElse(0) == 20);
    }

    @Test
    void aPutTakesYaml() {
        HttpResponse<String> response = admin.put("""
                kind: Interceptor
                metadata:
                  name: yaml-tag
                  scope: {virtualCluster: payments, username: alice}
                spec:
                  plugin: test-tag
                  timeout: 500ms
                  config: {headers: {x: y}}
                """, "application/yaml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Resource stored = admin.store().get(new ResourceId("Interceptor", "yaml-tag",
                new Scope("payments", null, "alice"))).orElseThrow();
        assertThat(stored.spec().get("timeout").asText()).isEqualTo("500ms");
    }

    @Test
    void aDryRunValidatesAndTellsTheOutcomeButStoresNothing() {
        HttpResponse<String> created = send(admin.asAdmin("/api/v1/interceptors?dryRun=true")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(TAG)));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(parse(created.body()).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(parse(created.body()).get("dryRun").asBoolean()).isTrue();
        assertThat(admin.store().snapshot()).isEmpty();

        admin.putJson(TAG);
        HttpResponse<String> updated = send(admin.asAdmin("/api/v1/interceptors?dryRun=true")
                .PUT(HttpRequest.BodyPublishers.ofString(TAG.replace("10", "11"))));
        assertThat(parse(updated.body()).get("outcome").asText()).isEqualTo("UPDATED");
        assertThat(admin.store().list("Interceptor")).singleElement()
                .satisfies(resource -> assertThat(resource.spec().get("priority").asInt()).isEqualTo(10));

        HttpResponse<String> invalid = send(admin.asAdmin("/api/v1/interceptors?dryRun=true")
                .PUT(HttpRequest.BodyPublishers.ofString(TAG.replace("test-tag", "nope"))));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(parse(invalid.body()).get("field").asText()).isEqualTo("spec.plugin");
    }

    @Test
    void invalidResourcesAre400NamingTheFieldAndNothingIsStored() {
        assertInvalid(TAG.replace("test-tag", "nope"), "spec.plugin",
                "spec.plugin: unknown plugin 'nope'; known plugins: [test-tag]");
        assertInvalid(TAG.replace("\"payments\"", "42"), "spec.config.headers.x-team", "spec.config.headers.x-team: ");
        assertInvalid(TAG.replace("\"x-team\"", "\"forbidden\""), "spec.config.headers.forbidden",
                "spec.config.headers.forbidden: this header name is reserved");
        assertInvalid(TAG.replace("\"priority\": 10", "\"priority\": \"high\""), "spec.priority",
                "spec.priority: expected a whole number");
        assertInvalid(TAG.replace("\"priority\": 10", "\"colour\": \"red\""), "spec.colour",
                "spec.colour: unknown field");
        assertInvalid(TAG.replace("{\"name\": \"tag\"}", "{\"name\": \"tag\", \"scope\": {\"group\": \"g\", "
                + "\"username\": \"u\"}}"), "metadata.scope", "metadata.scope: a scope names a group or a username");
        assertInvalid(TAG.replace("{\"name\": \"tag\"}", "{\"name\": \"tag\", \"scope\": {\"team\": \"g\"}}"),
                "metadata.scope.team", "metadata.scope.team: unknown field");
        assertInvalid(TAG.replace("\"tag\"", "\"-bad name\""), "metadata.name", "metadata.name: '-bad name' is not");
        assertInvalid(TAG.replace("\"Interceptor\"", "\"Quota\""), "kind", "kind: unknown kind");
        assertInvalid("{\"kind\": \"Interceptor\"", null, "not valid JSON");
        assertThat(admin.store().snapshot()).isEmpty();
    }

    @Test
    void aBodyThatIsNeitherJsonNorYamlIs415AndAnEmptyOneIs400() {
        assertThat(admin.put(TAG, "text/plain").statusCode()).isEqualTo(415);
        assertThat(admin.put("", "application/json").statusCode()).isEqualTo(400);
        assertThat(admin.put(TAG + "\n---\n" + TAG, "application/yaml").statusCode()).isEqualTo(400);
    }

    @Test
    void aStaleRevisionIsAConflictAndTheCurrentOneOrNoneIsAccepted() {
        admin.putJson(TAG);
        admin.putJson(TAG.replace("10", "11"));
        String atRevision1 = TAG.replace("{\"name\": \"tag\"}", "{\"name\": \"tag\", \"revision\": 1}")
                .replace("10", "12");

        HttpResponse<String> stale = admin.putJson(atRevision1);

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(parse(stale.body()).get("field").asText()).isEqualTo("metadata.revision");
        assertThat(parse(stale.body()).get("error").asText()).contains("is at revision 2");
        assertThat(admin.putJson(atRevision1.replace("\"revision\": 1", "\"revision\": 2")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aGetListsEveryInterceptorAndFiltersByScope() {
        put("tag", "");
        put("tag", ", \"scope\": {\"username\": \"alice\"}");
        put("other", ", \"scope\": {\"virtualCluster\": \"payments\", \"username\": \"alice\"}");
        put("third", ", \"scope\": {\"virtualCluster\": \"payments\"}");

        assertThat(names("/api/v1/interceptors")).containsExactly("other", "tag", "tag", "third");
        assertThat(names("/api/v1/interceptors?username=alice")).containsExactly("other", "tag");
        assertThat(names("/api/v1/interceptors?vcluster=payments")).containsExactly("other", "third");
        assertThat(names("/api/v1/interceptors?vcluster=payments&username=alice")).containsExactly("other");
        assertThat(names("/api/v1/interceptors?global=true")).containsExactly("tag");
        assertThat(names("/api/v1/interceptors?group=ops")).isEmpty();
    }

    @Test
    void aGetOfOneNameFindsItInItsOnlyScopeOrNeedsTheScopeWhenSeveralHaveIt() {
        put("solo", ", \"scope\": {\"group\": \"ops\"}");
        put("tag", "");
        put("tag", ", \"scope\": {\"username\": \"alice\"}");

        HttpResponse<String> solo = send(admin.asAdmin("/api/v1/interceptors/solo"));
        assertThat(solo.statusCode()).isEqualTo(200);
        assertThat(parse(solo.body()).at("/metadata/scope/group").asText()).isEqualTo("ops");

        HttpResponse<String> ambiguous = send(admin.asAdmin("/api/v1/interceptors/tag"));
        assertThat(ambiguous.statusCode()).isEqualTo(409);
        assertThat(parse(ambiguous.body()).get("error").asText()).contains("global; username=alice");

        HttpResponse<String> alices = send(admin.asAdmin("/api/v1/interceptors/tag?username=alice"));
        assertThat(parse(alices.body()).at("/metadata/scope/username").asText()).isEqualTo("alice");
        HttpResponse<String> global = send(admin.asAdmin("/api/v1/interceptors/tag?global=true"));
        assertThat(parse(global.body()).at("/metadata/scope").isMissingNode()).isTrue();

        assertThat(send(admin.asAdmin("/api/v1/interceptors/tag?username=bob")).statusCode()).isEqualTo(404);
        assertThat(send(admin.asAdmin("/api/v1/interceptors/nothing")).statusCode()).isEqualTo(404);
        assertThat(parse(send(admin.asAdmin("/api/v1/interceptors/nothing")).body()).get("error").asText())
                .isEqualTo("no interceptor named nothing");
    }

    @Test
    void aResourceReadFromTheApiCanBeWrittenBackUnchanged() {
        put("tag", ", \"scope\": {\"username\": \"alice\"}, \"labels\": {\"team\": \"platform\"}");
        String read = send(admin.asAdmin("/api/v1/interceptors/tag")).body();

        HttpResponse<String> written = admin.putJson(read);

        assertThat(parse(written.body()).get("outcome").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    void badScopeParametersAre400NamingTheParameter() {
        assertBadParameter("/api/v1/interceptors?user=alice", "user");
        assertBadParameter("/api/v1/interceptors?global=true&username=alice", "global");
        assertBadParameter("/api/v1/interceptors?group=ops&username=alice", "group");
        assertBadParameter("/api/v1/interceptors?global=yes", "global");
        assertBadParameter("/api/v1/interceptors/tag?vcluster=a&vcluster=b", "vcluster");
    }

    @Test
    void aDeleteRemovesTheInterceptorFromTheStoreAndTheRegistry() {
        put("tag", "");
        put("tag", ", \"scope\": {\"username\": \"alice\"}");
        await().atMost(Duration.ofSeconds(1)).until(() -> admin.registry().definitions().size() == 2);

        assertThat(send(admin.asAdmin("/api/v1/interceptors/tag").DELETE()).statusCode()).isEqualTo(409);
        HttpResponse<String> deleted = send(admin.asAdmin("/api/v1/interceptors/tag?username=alice").DELETE());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(admin.store().list("Interceptor")).singleElement()
                .satisfies(resource -> assertThat(resource.metadata().scope()).isEqualTo(Scope.GLOBAL));
        await().atMost(Duration.ofSeconds(1)).until(() -> admin.registry().definitions().size() == 1);

        assertThat(send(admin.asAdmin("/api/v1/interceptors/tag").DELETE()).statusCode()).isEqualTo(204);
        HttpResponse<String> again = send(admin.asAdmin("/api/v1/interceptors/tag").DELETE());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(parse(again.body()).get("error").asText()).isEqualTo("no interceptor named tag");
    }

    private void put(String name, String metadataExtra) {
        HttpResponse<String> response = admin.putJson(TAG.replace("{\"name\": \"tag\"}",
                "{\"name\": \"" + name + "\"" + metadataExtra + "}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private List<String> names(String path) {
        HttpResponse<String> response = send(admin.asAdmin(path));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        parse(response.body()).get("items").forEach(item -> names.add(item.at("/metadata/name").asText()));
        return names;
    }

    private void assertInvalid(String document, String field, String errorStart) {
        HttpResponse<String> response = admin.putJson(document);
        assertThat(response.statusCode()).as(document).isEqualTo(400);
        JsonNode body = parse(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("error").asText()).as(document).contains(errorStart);
        if (field == null) {
            assertThat(body.has("field")).isFalse();
        } else {
            assertThat(body.get("field").asText()).as(document).isEqualTo(field);
        }
    }

    private void assertBadParameter(String path, String parameter) {
        HttpResponse<String> response = send(admin.asAdmin(path));
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(parse(response.body()).get("field").asText()).as(path).isEqualTo(parameter);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return admin.send(request);
    }
}
