package io.streamgate.state.kafka;

import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.ResourceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceKeyFormatTest {

    @Test
    void writesKindScopeAndNameInAFixedOrder() {
        // Compaction keys on these exact bytes: changing them orphans every stored resource.
        assertThat(ResourceKeyFormat.encode(new ResourceId("Interceptor", "add-tracing-headers",
                new Scope("payments", null, "alice"))))
                .isEqualTo("{\"kind\":\"Interceptor\",\"scope\":{\"virtualCluster\":\"payments\",\"username\":\"alice\"},"
                        + "\"name\":\"add-tracing-headers\"}");
        assertThat(ResourceKeyFormat.encode(new ResourceId("Group", "ops", Scope.GLOBAL)))
                .isEqualTo("{\"kind\":\"Group\",\"scope\":{},\"name\":\"ops\"}");
    }

    @Test
    void readsBackWhatItWrites() {
        for (Scope scope : new Scope[] {Scope.GLOBAL, Scope.virtualCluster("v"), Scope.group("g"),
                Scope.username("user\"with,odd:chars={}"), new Scope("v", "g", null), new Scope("v", null, "u")}) {
            ResourceId id = new ResourceId("Interceptor", "a.b_c-d", scope);

            assertThat(ResourceKeyFormat.decode(ResourceKeyFormat.encode(id))).isEqualTo(id);
        }
    }

    @Test
    void refusesKeysItDoesNotWrite() {
        assertThatThrownBy(() -> ResourceKeyFormat.decode("Interceptor/a"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageStartingWith("key: not valid JSON");
        assertThatThrownBy(() -> ResourceKeyFormat.decode("{\"kind\":\"Interceptor\",\"name\":\"a\"}"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageContaining("expected {kind, scope, name}");
        assertThatThrownBy(() -> ResourceKeyFormat.decode("{\"kind\":\"x\",\"scope\":{},\"name\":\"a\"}"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageContaining("'x' is not a valid kind");
        assertThatThrownBy(() -> ResourceKeyFormat.decode(null)).isInstanceOf(InvalidResourceException.class);
    }
}
