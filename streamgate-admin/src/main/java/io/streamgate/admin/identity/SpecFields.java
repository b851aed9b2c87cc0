package io.streamgate.admin.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.document.ResourceDocuments;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of the fields of the specs of the gateway's own kinds (identities, virtual clusters); every refusal
 * names the field ({@code spec.members[2]}).
 */
public final class SpecFields {

    private SpecFields() {
    }

    public static void onlyKnown(ObjectNode spec, String kind, List<String> fields) {
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidResourceException("spec." + name, "unknown field; a " + kind + "'s spec has "
                        + String.join(", ", fields));
            }
        }
    }

    /** A non-blank string, or null when absent. */
    public static String optionalText(ObjectNode spec, String field) {
        JsonNode value = spec.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidResourceException("spec." + field, "expected a non-empty string, not " + describe(value));
        }
        return value.textValue();
    }

    /** A boolean, or {@code absent} when the field is absent. */
    public static boolean optionalBoolean(ObjectNode spec, String field, boolean absent) {
        JsonNode value = spec.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new InvalidResourceException("spec." + field, "expected true or false, not " + describe(value));
        }
        return value.booleanValue();
    }

    /** A list of distinct non-blank strings; empty when absent. */
    public static Set<String> textList(ObjectNode spec, String field) {
        JsonNode value = spec.get(field);
        if (value == null || value.isNull()) {
            return Set.of();
        }
        if (!value.isArray()) {
            throw new InvalidResourceException("spec." + field, "expected a list of strings, not " + describe(value));
        }
        Set<String> items = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String path = "spec." + field + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new InvalidResourceException(path, "expected a non-empty string, not " + describe(item));
            }
            if (!items.add(item.textValue())) {
                throw new InvalidResourceException(path, "'" + item.textValue() + "' is listed twice");
            }
        }
        return Collections.unmodifiableSet(items);
    }

    public static String describe(JsonNode value) {
        return ResourceDocuments.describe(value);
    }
}
