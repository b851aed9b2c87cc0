package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.admin.testing.AdminFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.streamgate.admin.testing.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

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
    void isAnOpenApi31DocumentServedAsJson() {
        HttpResponse<String> response = admin.send(admin.request("/openapi.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode document = parse(response.body());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void describesEveryRouteTheServerRegistersAndNothingElse() {
        JsonNode paths = parse(admin.send(admin.request("/openapi.json")).body()).get("paths");
        List<String> registered = admin.server().routes();
        List<String> documented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(registered).contains("GET /health/live", "GET /metrics", "PUT /api/v1/interceptors",
                "POST /api/v1/interceptors/resolve", "DELETE /api/v1/interceptors/{name}");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void everyReferenceResolvesAndEveryPathParameterIsDeclared() {
        JsonNode document = parse(admin.send(admin.request("/openapi.json")).body());
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty().allSatisfy(reference ->
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse());
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            List<String> declared = new ArrayList<>();
            operation.getValue().path("parameters").forEach(parameter -> {
                JsonNode resolved = parameter.has("$ref")
                        ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
                if (resolved.path("in").asText().equals("path")) {
                    declared.add(resolved.get("name").asText());
                }
            });
            List<String> inPath = new ArrayList<>();
            Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
            while (parameter.find()) {
                inPath.add(parameter.group(1));
            }
            assertThat(declared).as(operation.getKey() + " " + path.getKey()).containsExactlyElementsOf(inPath);
        }));
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
