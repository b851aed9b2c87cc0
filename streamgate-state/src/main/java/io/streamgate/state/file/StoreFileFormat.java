package io.streamgate.state.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code resources.json}: {@code {"version": 1, "resources": [ ...resource documents... ]}},
 * indented, resources sorted by identity so that the file diffs well. Stateless.
 */
final class StoreFileFormat {

    static final int VERSION = 1;

    private StoreFileFormat() {
    }

    static byte[] encode(Map<ResourceId, Resource> resources) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("resources");
        new TreeMap<>(resources).values().forEach(resource -> array.add(ResourceDocuments.toNode(resource)));
        return (ResourceDocuments.toPrettyJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws InvalidResourceException saying what is wrong, and where
     */
    static Map<ResourceId, Resource> decode(byte[] content) {
        JsonNode root = ResourceDocuments.readJsonTree(new String(content, StandardCharsets.UTF_8), null);
        if (!root.isObject()) {
            throw new InvalidResourceException("", "expected an object {version, resources}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("version", "resources").contains(name)) {
                throw new InvalidResourceException(name, "unknown field; expected version, resources");
            }
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new InvalidResourceException("version", "expected " + VERSION + ", found " + version
                    + " (a file written by another Streamgate version?)");
        }
        JsonNode documents = root.get("resources");
        if (documents == null || !documents.isArray()) {
            throw new InvalidResourceException("resources", "expected an array");
        }
        Map<ResourceId, Resource> resources = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            Resource resource = ResourceDocuments.fromNode(documents.get(i), "resources[" + i + "]");
            if (resources.put(resource.id(), resource) != null) {
                throw new InvalidResourceException("resources[" + i + "]", resource.id() + " appears twice");
            }
        }
        return resources;
    }
}
