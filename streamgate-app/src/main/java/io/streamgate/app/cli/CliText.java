package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.api.Scope;
import io.streamgate.state.Resource;
import io.streamgate.state.document.ResourceDocuments;

import java.util.Locale;

/** How the client commands name resources and scopes in what they print. */
final class CliText {

    private CliText() {
    }

    /** {@code interceptor/tag}, or {@code interceptor/tag (username=alice)} outside the global scope. */
    static String resourceName(Resource resource) {
        Scope scope = resource.metadata().scope();
        return resource.kind().toLowerCase(Locale.ROOT) + "/" + resource.metadata().name()
                + (scope.isGlobal() ? "" : " (" + scope + ")");
    }

    /** A scope object of the API as text: {@code global}, {@code vcluster=a,username=b}. */
    static String scope(JsonNode scope) {
        if (scope == null || scope.isNull() || scope.isMissingNode()) {
            return Scope.GLOBAL.toString();
        }
        return new Scope(text(scope, "virtualCluster"), text(scope, "group"), text(scope, "username")).toString();
    }

    /** A resource document of the API as a resource. */
    static Resource resource(JsonNode document) {
        return ResourceDocuments.fromNode(document, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
