package io.streamgate.state.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes resources as JSON or YAML documents:
 *
 * <pre>{@code
 * kind: Interceptor
 * metadata:
 *   name: add-tracing-headers
 *   scope: {virtualCluster: payments, username: alice}   # optional; absent = global
 *   labels: {team: platform}                             # optional
 * spec: {plugin: inject-headers, priority: 100}
 * }</pre>
 *
 * <p>Input may be one document, several YAML documents separated by {@code ---}, or a JSON array. Reading
 * is strict: an unknown field, a missing kind, name or spec, a spec that is not an object, a duplicated key
 * or a scope naming both a group and a username is an {@link InvalidResourceException} that names the source
 * and document (when known) and the field: {@code a.yaml, document 2: metadata.scope: a scope names a group or
 * a username, not both}. The store's fields ({@code revision}, {@code updatedAt}, {@code updatedBy}) are read
 * when present, so that a resource read back from the store or the admin API can be written again unchanged; so is a
 * top-level {@code status} (what the admin API reports about a resource), which is ignored.
 *
 * <p>Output has a fixed field order and leaves out what is empty. Stateless and thread-safe.
 */
public final class ResourceDocuments {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectMapper PRETTY_JSON = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // Without it, the label "1" would be written bare and read back as a number.
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ResourceDocuments() {
    }

    /**
     * Parses JSON (an object or an array of objects) or YAML (one or more documents separated by
     * {@code ---}). Empty YAML documents are skipped; documents are numbered from 1 in the order they appear.
     *
     * @param sourceName what to call the input in error messages, e.g. a file name; null if unknown
     * @throws InvalidResourceException naming the source, the document and the field
     */
    public static List<Resource> parse(String text, String sourceName) {
        return parseDocuments(text, sourceName).stream().map(ResourceDocument::resource).toList();
    }

    /** As {@link #parse}, keeping where each resource came from, e.g. {@code a.yaml, document 3}. */
    public static List<ResourceDocument> parseDocuments(String text, String sourceName) {
        List<JsonNode> documents = looksLikeJson(text) ? jsonDocuments(text, sourceName) : yamlDocuments(text, sourceName);
        List<ResourceDocument> resources = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            if (document != null) {
                String source = documentSource(sourceName, i + 1);
                resources.add(new ResourceDocument(fromNode(document, source), source));
            }
        }
        return List.copyOf(resources);
    }

    /** Parses exactly one resource, e.g. the body of an HTTP request. */
    public static Resource parseSingle(String text, String sourceName) {
        List<Resource> resources = parse(text, sourceName);
        if (resources.size() != 1) {
            throw new InvalidResourceException(sourceName, "", "expected one resource, found " + resources.size(), null);
        }
        return resources.get(0);
    }

    /** Parses a file; error messages name it by its file name. */
    public static List<Resource> read(Path file) {
        return readDocuments(file).stream().map(ResourceDocument::resource).toList();
    }

    /** As {@link #read}, keeping where each resource came from, e.g. {@code a.yaml, document 3}. */
    public static List<ResourceDocument> readDocuments(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parseDocuments(text, file.getFileName().toString());
    }

    /**
     * Turns a parsed document tree into a resource.
     *
     * @param source what to call the document in error messages, e.g. {@code a.yaml, document 2}; or null
     */
    public static Resource fromNode(JsonNode document, String source) {
        try {
            return ResourceDocumentReader.read(document);
        } catch (InvalidResourceException e) {
            throw source == null ? e : e.withSource(source);
        }
    }

    /**
     * A value as error messages describe what was found instead of what was expected: {@code a string ('x')},
     * {@code a number (7)}, {@code an array}, ...
     */
    public static String describe(JsonNode value) {
        return ResourceDocumentReader.describe(value);
    }

    /** A resource as a JSON tree: {@code kind, metadata, spec}, in that order. */
    public static ObjectNode toNode(Resource resource) {
        return ResourceDocumentWriter.write(resource);
    }

    /** A scope as a JSON object of its non-null parts in the order virtualCluster, group, username. */
    public static ObjectNode scopeNode(Scope scope) {
        return ResourceDocumentWriter.scope(scope);
    }

    /** Compact JSON, one line. */
    public static String toJson(Resource resource) {
        return writeJson(JSON, toNode(resource));
    }

    /** Indented JSON: an array of resources. */
    public static String toJson(List<Resource> resources) {
        ArrayNode array = JSON.createArrayNode();
        resources.forEach(resource -> array.add(toNode(resource)));
        return writeJson(PRETTY_JSON, array);
    }

    /** Indented JSON of any tree, as the stores write their files. */
    public static String toPrettyJson(JsonNode tree) {
        return writeJson(PRETTY_JSON, tree);
    }

    /** Parses JSON strictly (duplicate keys and trailing content are errors). */
    public static JsonNode readJsonTree(String text, String sourceName) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError("JSON", sourceName, e);
        }
    }

    /** One YAML document, starting with {@code ---}. */
    public static String toYaml(Resource resource) {
        return toYaml(List.of(resource));
    }

    /** YAML documents, each starting with {@code ---}. */
    public static String toYaml(List<Resource> resources) {
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = YAML.writer().writeValues(out)) {
            for (Resource resource : resources) {
                writer.write(toNode(resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private static List<JsonNode> jsonDocuments(String text, String sourceName) {
        JsonNode root = readJsonTree(text, sourceName);
        List<JsonNode> documents = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(documents::add);
        } else {
            documents.add(root);
        }
        return documents;
    }

    private static List<JsonNode> yamlDocuments(String text, String sourceName) {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text);
             MappingIterator<JsonNode> values = YAML.readValues(parser, JsonNode.class)) {
            while (values.hasNextValue()) {
                JsonNode document = values.nextValue();
                documents.add(isEmptyDocument(document) ? null : document);
            }
        } catch (JsonProcessingException e) {
            throw syntaxError("YAML", sourceName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // The YAML parser reports some malformed input as unchecked exceptions of its own.
            if (e.getCause() instanceof JsonProcessingException processing) {
                throw syntaxError("YAML", sourceName, processing);
            }
            throw new InvalidResourceException(sourceName, "", "not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** An empty YAML document ({@code ---} followed by nothing) reads as null or as an empty string. */
    private static boolean isEmptyDocument(JsonNode document) {
        return document == null || document.isNull() || document.isMissingNode()
                || document.isTextual() && document.textValue().isEmpty();
    }

    private static InvalidResourceException syntaxError(String format, String sourceName, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new InvalidResourceException(sourceName, "", "not valid " + format + where + ": "
                + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }

    private static String documentSource(String sourceName, int index) {
        return (sourceName == null ? "" : sourceName + ", ") + "document " + index;
    }

    private static String writeJson(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
