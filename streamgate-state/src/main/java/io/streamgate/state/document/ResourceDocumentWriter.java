package io.streamgate.state.document;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.Scope;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceMetadata;

/**
 * Turns a resource into a document tree with a fixed field order ({@code kind, metadata, spec}), leaving out
 * what is empty: a global scope, no labels, the store's fields of a resource never stored. Stateless.
 */
final class ResourceDocumentWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceDocumentWriter() {
    }

    static ObjectNode write(Resource resource) {
        ObjectNode document = NODES.objectNode();
        document.put("kind", resource.kind());
        document.set("metadata", metadata(resource.metadata()));
        document.set("spec", resource.spec());
        return document;
    }

    /** A scope as an object of its non-null parts, in a fixed order; {@code {}} for global. */
    static ObjectNode scope(Scope scope) {
        ObjectNode node = NODES.objectNode();
        putIfPresent(node, "virtualCluster", scope.virtualCluster());
        putIfPresent(node, "group", scope.group());
        putIfPresent(node, "username", scope.username());
        return node;
    }

    private static ObjectNode metadata(ResourceMetadata metadata) {
        ObjectNode node = NODES.objectNode();
        node.put("name", metadata.name());
        if (!metadata.scope().isGlobal()) {
            node.set("scope", scope(metadata.scope()));
        }
        if (!metadata.labels().isEmpty()) {
            ObjectNode labels = node.putObject("labels");
            metadata.labels().forEach(labels::put);
        }
        if (metadata.revision() > 0) {
            node.put("revision", metadata.revision());
        }
        if (metadata.updatedAt() != null) {
            node.put("updatedAt", metadata.updatedAt().toString());
        }
        putIfPresent(node, "updatedBy", metadata.updatedBy());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
