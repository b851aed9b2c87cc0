package io.streamgate.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.streamgate.admin.interceptors.InterceptorSpec;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.state.document.ResourceDocuments;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/interceptors/resolve} with {@code {"virtualCluster": ..., "username": ..., "groups": [...]}}:
 * the chain a connection with that identity gets on this instance, in the order it runs on requests. It comes from
 * the interceptors installed here, so an interceptor this instance could not install does not appear.
 */
final class ChainResolution {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("virtualCluster", "username", "groups");

    private final InterceptorRegistry registry;

    ChainResolution(InterceptorRegistry registry) {
        this.registry = registry;
    }

    void resolve(Context ctx) {
        PluginEndpoints.noQueryParameters(ctx);
        JsonNode request = body(ctx.body());
        String virtualCluster = optionalText(request, "virtualCluster");
        String username = optionalText(request, "username");
        if (username == null) {
            throw new ApiException(400, "username: required, the user whose chain to resolve", "username");
        }
        Set<String> groups = groups(request.get("groups"));
        List<InterceptorDefinition> chain = registry.resolve(virtualCluster, username, groups);

        ObjectNode body = JSON.createObjectNode();
        body.put("virtualCluster", virtualCluster);
        body.put("username", username);
        ArrayNode groupsNode = body.putArray("groups");
        groups.forEach(groupsNode::add);
        ArrayNode interceptors = body.putArray("interceptors");
        for (InterceptorDefinition definition : chain) {
            ObjectNode node = interceptors.addObject();
            node.put("name", definition.name());
            node.put("plugin", definition.pluginId());
            node.put("priority", definition.priority());
            node.set("scope", ResourceDocuments.scopeNode(definition.scope()));
            node.put("timeout", InterceptorSpec.format(definition.timeout()));
        }
        ctx.json(body);
    }

    private static JsonNode body(String text) {
        if (text.isBlank()) {
            throw new ApiException(400, "the request body must be a JSON object {virtualCluster, username, groups}");
        }
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new ApiException(400, "the request body must be a JSON object {virtualCluster, username, groups}");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ApiException(400, name + ": unknown field; expected " + String.join(", ", FIELDS), name);
            }
        }
        return request;
    }

    private static String optionalText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException(400, field + ": expected a string", field);
        }
        return value.textValue().isBlank() ? null : value.textValue();
    }

    private static Set<String> groups(JsonNode value) {
        Set<String> groups = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return groups;
        }
        if (!value.isArray()) {
            throw new ApiException(400, "groups: expected an array of strings", "groups");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new ApiException(400, "groups[" + i + "]: expected a string", "groups[" + i + "]");
            }
            groups.add(value.get(i).textValue());
        }
        return groups;
    }
}
