package io.streamgate.admin.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The small JSON object body of an action route ({@code POST /api/v1/tokens}, the SCRAM route): strictly read, and
 * refused with messages that never repeat the body, since it may hold a password.
 */
final class RequestObject {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ObjectNode body;

    private RequestObject(ObjectNode body) {
        this.body = body;
    }

    /**
     * @param fields the fields the object may have, for the messages
     * @throws ApiException 415 for a body that is not JSON by its content type, 400 for one that is not a JSON
     *     object of those fields
     */
    static RequestObject read(Context ctx, List<String> fields) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.isBlank()
                && !contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw new ApiException(415, "send the request as application/json");
        }
        String expected = "the body must be a JSON object with " + String.join(", ", fields);
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            // Not e.getMessage(): the parser quotes the input, which may hold a password.
            throw new ApiException(400, expected);
        }
        if (body == null || !body.isObject()) {
            throw new ApiException(400, expected);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new ApiException(400, "unknown field '" + name + "'; " + expected, name);
            }
        }
        return new RequestObject((ObjectNode) body);
    }

    /** The object itself, a copy. */
    ObjectNode object() {
        return body.deepCopy();
    }

    /** A non-blank string field, or null when absent. */
    String text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new ApiException(400, field + ": expected a non-empty string", field);
        }
        return value.textValue();
    }

    /** A required non-blank string field. */
    String requiredText(String field, String what) {
        String value = text(field);
        if (value == null) {
            throw new ApiException(400, field + ": required: " + what, field);
        }
        return value;
    }

    /** A whole-number field, or null when absent. */
    Integer integer(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ApiException(400, field + ": expected a whole number", field);
        }
        return value.intValue();
    }
}
