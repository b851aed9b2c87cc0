package io.streamgate.state.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceMetadata;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one document tree into a resource, refusing anything it does not know. Errors name the dotted path
 * of the offending field. Stateless.
 */
final class ResourceDocumentReader {

    /** {@code status} is what a gateway reports about a resource (e.g. which credentials it holds): read-only, so
     *  it is accepted, to let a document read from the API be written back, and ignored. */
    static final List<String> TOP_LEVEL_FIELDS = List.of("kind", "metadata", "spec", "status");
    static final List<String> METADATA_FIELDS = List.of("name", "scope", "labels", "revision", "updatedAt", "updatedBy");
    static final List<String> SCOPE_FIELDS = List.of("virtualCluster", "group", "username");

    private ResourceDocumentReader() {
    }

    static Resource read(JsonNode document) {
        if (!document.isObject()) {
            throw new InvalidResourceException("", "a resource must be an object {kind, metadata, spec}, not "
                    + describe(document));
        }
        onlyKnownFields(document, "", TOP_LEVEL_FIELDS);
        String kind = requiredString(document, "kind", "kind");
        if (!ResourceId.isValidKind(kind)) {
            throw new InvalidResourceException("kind", ResourceId.kindProblem(kind));
        }
        ResourceMetadata metadata = metadata(requiredObject(document, "metadata", "metadata"));
        JsonNode spec = document.get("spec");
        if (spec == null || spec.isNull()) {
            throw new InvalidResourceException("spec", "required (use {} for an empty spec)");
        }
        if (!spec.isObject()) {
            throw new InvalidResourceException("spec", "expected an object, not " + describe(spec));
        }
        return new Resource(kind, metadata, (ObjectNode) spec);
    }

    private static ResourceMetadata metadata(JsonNode metadata) {
        onlyKnownFields(metadata, "metadata.", METADATA_FIELDS);
        String name = requiredString(metadata, "name", "metadata.name");
        if (!ResourceId.isValidName(name)) {
            throw new InvalidResourceException("metadata.name", ResourceId.nameProblem(name));
        }
        Scope scope = scope(metadata.get("scope"));
        Map<String, String> labels = labels(metadata.get("labels"));
        long revision = revision(metadata.get("revision"));
        Instant updatedAt = instant(metadata.get("updatedAt"), "metadata.updatedAt");
        String updatedBy = optionalString(metadata.get("updatedBy"), "metadata.updatedBy");
        return new ResourceMetadata(name, scope, labels, revision, updatedAt, updatedBy);
    }

    private static Scope scope(JsonNode scope) {
        if (scope == null || scope.isNull()) {
            return Scope.GLOBAL;
        }
        if (!scope.isObject()) {
            throw new InvalidResourceException("metadata.scope", "expected an object with virtualCluster, group "
                    + "or username, not " + describe(scope));
        }
        onlyKnownFields(scope, "metadata.scope.", SCOPE_FIELDS);
        String virtualCluster = optionalString(scope.get("virtualCluster"), "metadata.scope.virtualCluster");
        String group = optionalString(scope.get("group"), "metadata.scope.group");
        String username = optionalString(scope.get("username"), "metadata.scope.username");
        try {
            return new Scope(virtualCluster, group, username);
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException("metadata.scope", e.getMessage(), e);
        }
    }

    private static Map<String, String> labels(JsonNode labels) {
        if (labels == null || labels.isNull()) {
            return Map.of();
        }
        if (!labels.isObject()) {
            throw new InvalidResourceException("metadata.labels", "expected an object of strings, not "
                    + describe(labels));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> label : labels.properties()) {
            if (label.getKey().isBlank()) {
                throw new InvalidResourceException("metadata.labels", "a label key must not be blank");
            }
            if (!label.getValue().isTextual()) {
                throw new InvalidResourceException("metadata.labels." + label.getKey(), "expected a string, not "
                        + describe(label.getValue()) + " (quote it)");
            }
            values.put(label.getKey(), label.getValue().textValue());
        }
        return values;
    }

    private static long revision(JsonNode revision) {
        if (revision == null || revision.isNull()) {
            return 0;
        }
        if (!revision.isIntegralNumber() || !revision.canConvertToLong() || revision.longValue() < 0) {
            throw new InvalidResourceException("metadata.revision", "expected a whole number of at least 0, not "
                    + describe(revision));
        }
        return revision.longValue();
    }

    private static Instant instant(JsonNode value, String field) {
        String text = optionalString(value, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidResourceException(field, "'" + text + "' is not an ISO-8601 instant such as "
                    + "2024-05-01T12:00:00Z", e);
        }
    }

    private static void onlyKnownFields(JsonNode object, String prefix, List<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidResourceException(prefix + name, "unknown field; expected one of "
                        + String.join(", ", known));
            }
        }
    }

    private static String requiredString(JsonNode object, String name, String field) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidResourceException(field, "required");
        }
        return optionalString(value, field);
    }

    private static JsonNode requiredObject(JsonNode object, String name, String field) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidResourceException(field, "required");
        }
        if (!value.isObject()) {
            throw new InvalidResourceException(field, "expected an object, not " + describe(value));
        }
        return value;
    }

    private static String optionalString(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidResourceException(field, "expected a string, not " + describe(value));
        }
        return value.textValue();
    }

    /** A short description of a value for error messages: {@code a number (42)}, {@code an array}, ... */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string ('" + value.textValue() + "')";
            case NUMBER -> "a number (" + value.asText() + ")";
            case BOOLEAN -> "a boolean (" + value.asText() + ")";
            case NULL, MISSING -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
