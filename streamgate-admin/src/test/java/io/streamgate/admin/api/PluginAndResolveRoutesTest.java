package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.admin.testing.AdminFixture;
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

class PluginAndResolveRoutesTest {

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
    void listsThePluginsWithTheirSchemaAsJsonAndWhereTheyCameFrom() {
        HttpResponse<String> response = admin.send(admin.asViewer("/api/v1/plugins"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode plugin = parse(response.body()).get("items").get(0);
        assertThat(plugin.get("id").asText()).isEqualTo("test-tag");
        assertThat(plugin.get("title").asText()).isEqualTo("Tag");
        assertThat(plugin.get("description").asText()).startsWith("Tags produced records");
        assertThat(plugin.get("version").asText()).isEqualTo("1.2.3");
        assertThat(plugin.get("source").asText()).isEqualTo("given");
        assertThat(plugin.at("/configSchema/required/0").asText()).isEqualTo("headers");
    }

    @Test
    void getsOnePluginOr404ListingTheKnownOnes() {
        assertThat(parse(admin.send(admin.asViewer("/api/v1/plugins/test-tag")).body()).get("id").asText())
                .isEqualTo("test-tag");

        HttpResponse<String> missing = admin.send(admin.asViewer("/api/v1/plugins/nope"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(parse(missing.body()).get("error").asText()).isEqualTo("no plugin 'nope'; known plugins: [test-tag]");
    }

    @Test
    void resolvesTheChainOfAnIdentityInOrderWithTheNarrowestScopeWinning() {
        put("audit-all", 5, "");
        put("tag", 50, "");
        put("tag", 20, ", \"scope\": {\"group\": \"ops\"}");
        put("alice-only", 30, ", \"scope\": {\"virtualCluster\": \"payments\", \"username\": \"alice\"}");
        put("bob-only", 1, ", \"scope\": {\"username\": \"bob\"}");
        await().atMost(Duration.ofSeconds(1)).until(() -> admin.registry().definitions().size() == 5);

        JsonNode chain = resolve("{\"virtualCluster\": \"payments\", \"username\": \"alice\", \"groups\": [\"ops\"]}");

        assertThat(names(chain)).containsExactly("audit-all", "tag", "alice-only");
        JsonNode tag = chain.get("interceptors").get(1);
        assertThat(tag.get("plugin").asText()).isEqualTo("test-tag");
        assertThat(tag.get("priority").asInt()).isEqualTo(20);
        assertThat(tag.at("/scope/group").asText()).isEqualTo("ops");
        assertThat(tag.get("timeout").asText()).isEqualTo("10s");
        assertThat(chain.get("username").asText()).isEqualTo("alice");

        assertThat(names(resolve("{\"username\": \"carol\"}"))).containsExactly("audit-all", "tag");
    }

    @Test
    void aResolveWithoutUsernameOrWithAnUnknownFieldIs400() {
        assertThat(resolveResponse("{\"groups\": [\"ops\"]}").statusCode()).isEqualTo(400);
        assertThat(parse(resolveResponse("{\"groups\": [\"ops\"]}").body()).get("field").asText()).isEqualTo("username");
        assertThat(parse(resolveResponse("{\"username\": \"a\", \"group\": \"ops\"}").body()).get("field").asText())
                .isEqualTo("group");
        assertThat(parse(resolveResponse("{\"username\": \"a\", \"groups\": \"ops\"}").body()).get("field").asText())
                .isEqualTo("groups");
        assertThat(resolveResponse("not json").statusCode()).isEqualTo(400);
    }

    private void put(String name, int priority, String metadataExtra) {
        HttpResponse<String> response = admin.putJson("{\"kind\": \"Interceptor\", \"metadata\": {\"name\": \"" + name
                + "\"" + metadataExtra + "}, \"spec\": {\"plugin\": \"test-tag\", \"priority\": " + priority
                + ", \"config\": {\"headers\": {\"x\": \"y\"}}}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private JsonNode resolve(String body) {
        HttpResponse<String> response = resolveResponse(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body());
    }

    private HttpResponse<String> resolveResponse(String body) {
        return admin.send(admin.asViewer("/api/v1/interceptors/resolve").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<String> names(JsonNode chain) {
        List<String> names = new ArrayList<>();
        chain.get("interceptors").forEach(interceptor -> names.add(interceptor.get("name").asText()));
        return names;
    }
}
