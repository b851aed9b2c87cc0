package io.streamgate.state.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;

/**
 * The record key of a resource: its identity as compact JSON with a fixed field order,
 * {@code {"kind":"Interceptor","scope":{"virtualCluster":"payments","username":"alice"},"name":"x"}}, the scope
 * holding only its non-null parts in the order virtualCluster, group, username ({@code {}} for global).
 *
 * <p>Compaction keeps the last record per key byte-for-byte, so this format must never change: the same
 * identity must always produce the same bytes. JSON rather than a separator-joined string because scope
 * parts (user names) may contain any character. Stateless.
 */
final class ResourceKeyFormat {

    private ResourceKeyFormat() {
    }

    static String encode(ResourceId id) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.put("kind", id.kind());
        key.set("scope", ResourceDocuments.scopeNode(id.scope()));
        key.put("name", id.name());
        return key.toString();
    }

    /**
     * @throws InvalidResourceException when {@code key} is not a key this format writes
     */
    static ResourceId decode(String key) {
        if (key == null) {
            throw new InvalidResourceException("key", "missing");
        }
        JsonNode node = ResourceDocuments.readJsonTree(key, "key");
        JsonNode kind = node.get("kind");
        JsonNode name = node.get("name");
        JsonNode scope = node.get("scope");
        if (node.size() != 3 || kind == null || !kind.isTextual() || name == null || !name.isTextual()
                || scope == null || !scope.isObject()) {
            throw new InvalidResourceException("key", "expected {kind, scope, name}, found " + key);
        }
        try {
            return new ResourceId(kind.textValue(), name.textValue(), new Scope(text(scope, "virtualCluster"),
                    text(scope, "group"), text(scope, "username")));
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException("key", e.getMessage() + " in " + key, e);
        }
    }

    private static String text(JsonNode scope, String field) {
        JsonNode value = scope.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
