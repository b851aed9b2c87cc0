package io.streamgate.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.streamgate.state.Resource;
import io.streamgate.state.document.ResourceDocuments;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints admin API answers as indented JSON or as YAML. Resources are printed as YAML documents in the resource
 * format, so that what {@code get -o yaml} prints, {@code apply -f} takes back.
 */
public final class JsonPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private JsonPrinter() {
    }

    public static void json(PrintWriter out, JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    public static void yaml(PrintWriter out, JsonNode node) {
        try {
            out.print(YAML.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Resource documents as YAML documents, each starting with {@code ---}. */
    public static void resourcesYaml(PrintWriter out, Iterable<JsonNode> documents) {
        List<Resource> resources = new ArrayList<>();
        documents.forEach(document -> resources.add(ResourceDocuments.fromNode(document, null)));
        out.print(ResourceDocuments.toYaml(resources));
        out.flush();
    }
}
