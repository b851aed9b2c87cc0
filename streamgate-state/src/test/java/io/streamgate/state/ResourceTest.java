package io.streamgate.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.Scope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void cannotBeChangedThroughTheSpecItWasBuiltFromNorTheSpecItReturns() {
        ObjectNode spec = NODES.objectNode().put("priority", 100);
        Resource resource = Resource.of("Interceptor", "a", spec);

        spec.put("priority", 1);
        resource.spec().put("priority", 2);

        assertThat(resource.spec().get("priority").intValue()).isEqualTo(100);
    }

    @Test
    void cannotBeChangedThroughTheLabelsItWasBuiltFrom() {
        Map<String, String> labels = new HashMap<>(Map.of("team", "platform"));
        ResourceMetadata metadata = ResourceMetadata.of("a", Scope.GLOBAL, labels);

        labels.put("team", "other");

        assertThat(metadata.labels()).containsExactly(Map.entry("team", "platform"));
    }

    @Test
    void hasTheSameContentWhateverTheStoreRecordedAboutIt() {
        Resource written = Resource.of("Interceptor", "a", NODES.objectNode().put("priority", 100));
        Resource stored = written.withMetadata(written.metadata().stored(4, Instant.EPOCH, "alice"));

        assertThat(stored.hasSameContentAs(written)).isTrue();
        assertThat(stored).isNotEqualTo(written);
    }

    @Test
    void comparesSpecNumbersByValue() {
        Resource asInt = Resource.of("Interceptor", "a", NODES.objectNode().put("priority", 100));
        Resource asLong = Resource.of("Interceptor", "a", NODES.objectNode().put("priority", 100L));
        Resource asDecimal = Resource.of("Interceptor", "a", NODES.objectNode().put("priority", 100.0));
        Resource other = Resource.of("Interceptor", "a", NODES.objectNode().put("priority", 101));

        assertThat(asInt.hasSameContentAs(asLong)).isTrue();
        assertThat(asInt.hasSameContentAs(asDecimal)).isTrue();
        assertThat(asInt.hasSameContentAs(other)).isFalse();
    }

    @Test
    void differsInContentWhenLabelsScopeOrSpecDiffer() {
        Resource base = new Resource("Interceptor", ResourceMetadata.of("a", Scope.GLOBAL, Map.of("team", "x")),
                NODES.objectNode());

        assertThat(base.hasSameContentAs(new Resource("Interceptor",
                ResourceMetadata.of("a", Scope.GLOBAL, Map.of("team", "y")), NODES.objectNode()))).isFalse();
        assertThat(base.hasSameContentAs(new Resource("Interceptor",
                ResourceMetadata.of("a", Scope.username("u"), Map.of("team", "x")), NODES.objectNode()))).isFalse();
        assertThat(base.hasSameContentAs(new Resource("Interceptor",
                ResourceMetadata.of("a", Scope.GLOBAL, Map.of("team", "x")), NODES.objectNode().put("p", 1)))).isFalse();
        assertThat(base.hasSameContentAs(null)).isFalse();
    }
}
