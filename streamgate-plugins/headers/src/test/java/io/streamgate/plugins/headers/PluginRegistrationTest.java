package io.streamgate.plugins.headers;

import io.streamgate.api.InterceptorPlugin;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class PluginRegistrationTest {

    @Test
    void registersEachPluginForTheServiceLoader() {
        assertThat(ServiceLoader.load(InterceptorPlugin.class).stream().map(provider -> provider.get().id()))
                .containsExactlyInAnyOrder("inject-headers", "remove-headers", "mask-fields");
    }

    @Test
    void loadsEverySchemaFromItsResource() {
        ServiceLoader.load(InterceptorPlugin.class).forEach(plugin ->
                assertThat(plugin.configSchema()).contains("\"title\": \"" + plugin.id() + "\""));
    }
}
