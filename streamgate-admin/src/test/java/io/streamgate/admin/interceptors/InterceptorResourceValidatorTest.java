package io.streamgate.admin.interceptors;

import io.streamgate.admin.testing.TagPlugin;
import io.streamgate.admin.testing.TestPluginContext;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.document.ResourceDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterceptorResourceValidatorTest {

    private final InterceptorRegistry registry = new InterceptorRegistry(PluginCatalog.of(new TagPlugin()),
            new TestPluginContext(Path.of("target")), Map.of("TEAM", "platform"), Duration.ZERO);
    private final InterceptorResourceValidator validator = new InterceptorResourceValidator(registry);

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void acceptsAnInterceptorItsPluginAccepts() {
        assertThatCode(() -> validator.validate(interceptor("""
                spec: {plugin: test-tag, config: {headers: {x-team: "${TEAM}"}}}""")))
                .doesNotThrowAnyException();
        assertThat(registry.definitions()).as("validating installs nothing").isEmpty();
    }

    @Test
    void refusesAnUnknownPluginListingTheKnownOnes() {
        assertRefused("spec: {plugin: nope}", "spec.plugin", "unknown plugin 'nope'; known plugins: [test-tag]");
    }

    @Test
    void refusesAConfigurationThatFailsThePluginsSchemaNamingTheField() {
        assertRefused("spec: {plugin: test-tag, config: {headers: {x: 1}}}", "spec.config.headers.x", "string");
        assertRefused("spec: {plugin: test-tag, config: {headers: {x: a}, mode: c}}", "spec.config.mode", "");
        assertRefused("spec: {plugin: test-tag, config: {headers: {x: a}, colour: red}}", "spec.config", "colour");
    }

    @Test
    void refusesWhatThePluginRefusesNamingTheField() {
        assertRefused("spec: {plugin: test-tag, config: {headers: {forbidden: a}}}", "spec.config.headers.forbidden",
                "this header name is reserved");
    }

    @Test
    void refusesAnUnsetEnvironmentVariableNamingTheField() {
        assertRefused("spec: {plugin: test-tag, config: {headers: {x: \"${NOT_SET}\"}}}", "spec.config.headers.x",
                "environment variable NOT_SET is not set");
    }

    @Test
    void refusesAMalformedSpecBeforeAskingThePlugin() {
        assertRefused("spec: {plugin: test-tag, priority: high}", "spec.priority", "expected a whole number");
        assertRefused("spec: {plugin: test-tag, extra: 1}", "spec.extra", "unknown field");
    }

    @Test
    void refusesOtherKinds() {
        assertThatThrownBy(() -> validator.validate(Resource.of("VirtualCluster", "payments")))
                .isInstanceOfSatisfying(InvalidResourceException.class, e -> {
                    assertThat(e.field()).isEqualTo("kind");
                    assertThat(e.problem()).isEqualTo("unknown kind 'VirtualCluster'; this gateway manages Interceptor "
                            + "resources");
                });
    }

    private void assertRefused(String spec, String field, String problem) {
        assertThatThrownBy(() -> validator.validate(interceptor(spec)))
                .isInstanceOfSatisfying(InvalidResourceException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private static Resource interceptor(String spec) {
        return ResourceDocuments.parseSingle("kind: Interceptor\nmetadata: {name: tag}\n" + spec, "test");
    }
}
