package io.streamgate.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.core.GatewayConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of the {@code listeners} list, bound to a {@link StreamgateConfig.Listener} with the same machinery
 * as the top level: the element's keys over the listener defaults (those of the default listener, with no name and
 * no port), each problem prefixed with the element's position.
 */
final class ListenerSection {

    private static final ConfigSchema SCHEMA = ConfigSchema.of(StreamgateConfig.Listener.class);

    private ListenerSection() {
    }

    /** The defaults of an additional listener: everything but its name and port. */
    static ConfigLayer defaults() {
        GatewayConfig.ListenerConfig listener = GatewayConfig.ListenerConfig.defaults();
        ConfigLayer.Builder layer = ConfigLayer.builder(SCHEMA)
                .set("bind", NullNode.getInstance(), "default")
                .set("advertisedHost", NullNode.getInstance(), "default")
                .set("brokerPorts.base", IntNode.valueOf(listener.brokerPortBase()), "default")
                .set("brokerPorts.minNodeId", "auto", "default")
                .set("brokerPorts.maxBrokers", IntNode.valueOf(listener.maxBrokers()), "default")
                .set("securityProtocol", "plaintext", "default")
                .set("tls", JsonNodeFactory.instance.objectNode(), "default")
                .set("routing", "ports", "default")
                .set("sni.bootstrapHost", NullNode.getInstance(), "default")
                .set("sni.brokerHostPattern", NullNode.getInstance(), "default")
                .set("sni.advertisedPort", IntNode.valueOf(0), "default")
                .set("virtualCluster", NullNode.getInstance(), "default");
        ConfigDefaults.authenticationDefaults(layer, "authentication.");
        return layer.build();
    }

    /**
     * @param position the element's place in the list, e.g. {@code [1]}, for problems
     * @param problems receives what is wrong, each starting with the position and naming the key, never a secret
     * @return the listener, or null if there were problems
     */
    static StreamgateConfig.Listener bind(JsonNode element, String position, List<String> problems) {
        if (!element.isObject()) {
            problems.add(position + ": expected a listener {name, port, ...}");
            return null;
        }
        String origin = "in listeners" + position;
        List<String> found = new ArrayList<>();
        ConfigLayer.Builder layer = ConfigLayer.builder(SCHEMA);
        read((ObjectNode) element, "", layer, origin, found);
        if (found.isEmpty()) {
            try {
                return RecordBinder.bind(StreamgateConfig.Listener.class, SCHEMA, defaults().overriddenBy(layer.build()));
            } catch (ConfigException e) {
                found.addAll(e.problems());
            }
        }
        found.forEach(problem -> problems.add(position + (problem.startsWith(":") ? "" : ".") + problem));
        return null;
    }

    private static void read(ObjectNode section, String prefix, ConfigLayer.Builder layer, String origin,
                             List<String> problems) {
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (SCHEMA.isSection(name)) {
                if (value.isObject()) {
                    read((ObjectNode) value, name, layer, origin, problems);
                } else {
                    problems.add(name + ": expected a section of keys");
                }
                continue;
            }
            ConfigKey key = SCHEMA.key(name).orElse(null);
            if (key == null) {
                problems.add(name + ": unknown key; expected one of " + SCHEMA.names());
            } else if (key.isOpenMap()) {
                if (!value.isObject()) {
                    problems.add(name + ": expected a map of names to values");
                    continue;
                }
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    if (entry.getValue().isContainerNode()) {
                        problems.add(name + "." + entry.getKey() + ": expected a single value");
                    } else if (!entry.getValue().isNull()) {
                        layer.setEntry(name, entry.getKey(), entry.getValue(), origin);
                    }
                }
            } else {
                layer.set(name, value, origin);
            }
        }
    }
}
