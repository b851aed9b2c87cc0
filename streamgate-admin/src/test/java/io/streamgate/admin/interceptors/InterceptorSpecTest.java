package io.streamgate.admin.interceptors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterceptorSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSpecWithOnlyAPluginGetsPriority100AnEmptyConfigAndA10SecondTimeout() {
        InterceptorSpec spec = InterceptorSpec.read(spec("{\"plugin\": \"test-tag\"}"));

        assertThat(spec).isEqualTo(new InterceptorSpec("test-tag", 100, Map.of(), Duration.ofSeconds(10)));
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "5s, PT5S", "2m, PT2M", "1h, PT1H", "PT1.5S, PT1.5S", "pt3s, PT3S"})
    void readsTimeoutsWithAUnitOrInIso8601(String text, String expected) {
        InterceptorSpec spec = InterceptorSpec.read(spec("{\"plugin\": \"p\", \"timeout\": \"" + text + "\"}"));

        assertThat(spec.timeout()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void readsTheConfigAsPlainJavaValues() {
        InterceptorSpec spec = InterceptorSpec.read(spec("""
                {"plugin": "p", "priority": -5, "config": {"headers": {"x": "1"}, "list": [1, true, null], "n": 2.5}}"""));

        assertThat(spec.priority()).isEqualTo(-5);
        assertThat(spec.config()).containsEntry("headers", Map.of("x", "1")).containsEntry("n", 2.5);
        assertThat(spec.config().get("list")).isEqualTo(Arrays.asList(1, true, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                              | spec.plugin   | required",
        "{\"plugin\": 7}                                 | spec.plugin   | expected a plugin id, not a number (7)",
        "{\"plugin\": \"p\", \"priority\": \"high\"}     | spec.priority | not a string ('high')",
        "{\"plugin\": \"p\", \"priority\": 1.5}          | spec.priority | not a number (1.5)",
        "{\"plugin\": \"p\", \"priority\": 3000000000}   | spec.priority | not a number (3000000000)",
        "{\"plugin\": \"p\", \"config\": []}             | spec.config   | expected an object, not an array",
        "{\"plugin\": \"p\", \"timeout\": 5}             | spec.timeout  | not a number (5)",
        "{\"plugin\": \"p\", \"timeout\": \"0s\"}        | spec.timeout  | not '0s'",
        "{\"plugin\": \"p\", \"timeout\": \"soon\"}      | spec.timeout  | not 'soon'",
        "{\"plugin\": \"p\", \"priorty\": 5}             | spec.priorty  | unknown field; an interceptor's spec has plugin, priority, config, timeout",
    })
    void refusesAMalformedSpecNamingTheField(String json, String field, String problem) {
        assertThatThrownBy(() -> InterceptorSpec.read(spec(json)))
                .isInstanceOfSatisfying(InvalidResourceException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void aResourceAndItsDefinitionMapBothWays() {
        Resource resource = new Resource("Interceptor", ResourceMetadata.of("tag", Scope.username("alice"), Map.of()),
                spec("{\"plugin\": \"test-tag\", \"priority\": 7, \"timeout\": \"500ms\", \"config\": {\"a\": \"b\"}}"));

        InterceptorDefinition definition = InterceptorResourceMapper.toDefinition(resource);

        assertThat(definition).isEqualTo(new InterceptorDefinition("tag", "test-tag", 7, Scope.username("alice"),
                Map.of("a", "b"), Duration.ofMillis(500)));
        Resource back = InterceptorResourceMapper.toResource(definition);
        assertThat(back.hasSameContentAs(resource)).isTrue();
        assertThat(InterceptorResourceMapper.toDefinition(back)).isEqualTo(definition);
    }

    @Test
    void anotherKindIsNotAnInterceptor() {
        Resource resource = Resource.of("VirtualCluster", "payments");

        assertThatThrownBy(() -> InterceptorResourceMapper.toDefinition(resource))
                .isInstanceOfSatisfying(InvalidResourceException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    }

    private static ObjectNode spec(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
