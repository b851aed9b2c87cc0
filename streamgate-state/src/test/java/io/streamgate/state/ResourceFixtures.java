package io.streamgate.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.Scope;

import java.util.Map;

/** Resources for tests. */
public final class ResourceFixtures {

    private ResourceFixtures() {
    }

    public static Resource interceptor(String name, int priority) {
        return interceptor(name, Scope.GLOBAL, priority);
    }

    public static Resource interceptor(String name, Scope scope, int priority) {
        return interceptor(name, scope, Map.of(), priority);
    }

    public static Resource interceptor(String name, Scope scope, Map<String, String> labels, int priority) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode()
                .put("plugin", "inject-headers")
                .put("priority", priority);
        spec.putObject("config").putObject("headers").put("x-user", "{{user}}");
        return new Resource("Interceptor", ResourceMetadata.of(name, scope, labels), spec);
    }

    public static ResourceId interceptorId(String name) {
        return new ResourceId("Interceptor", name, Scope.GLOBAL);
    }
}
