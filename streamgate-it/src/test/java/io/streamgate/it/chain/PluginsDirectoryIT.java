package io.streamgate.it.chain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.api.Scope;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.it.ItCluster;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A third-party plugin, built against streamgate-api alone (examples/deny-topic-creation), is loaded from a
 * jar dropped into the plugins directory and runs against a real broker. The jar is deliberately not on the
 * test class path.
 */
class PluginsDirectoryIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @Test
    void loadsAPluginFromAJarInThePluginsDirectory(@TempDir Path plugins) throws Exception {
        Path jar = Path.of(System.getProperty("streamgate.example.plugin.jar"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        assertThat(getClass().getClassLoader().getResource(
                "io/streamgate/examples/denytopics/DenyTopicCreationPlugin.class")).as("not on the class path").isNull();

        int port = FreePorts.consecutive(5);
        GatewayConfig config = GatewayConfig.defaults(Arrays.asList(KAFKA.cluster().bootstrapServers().split(",")))
                .withListener(GatewayConfig.ListenerConfig.defaults().withBootstrapPort(port).withMaxBrokers(4))
                .withPlugins(new GatewayConfig.PluginsConfig(plugins, plugins));
        try (Gateway gateway = Gateway.start(config, new SimpleMeterRegistry());
             KafkaClients clients = new KafkaClients(gateway.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(30)).until(gateway::isReady);
            PluginCatalog.CatalogEntry entry = gateway.interceptors().catalog().find("deny-topic-creation").orElseThrow();
            assertThat(entry.source()).endsWith(jar.getFileName().toString());

            gateway.interceptors().put(new InterceptorDefinition("no-temporary-topics", "deny-topic-creation", 100,
                    Scope.GLOBAL, Map.of("pattern", "^tmp-"), null));
            String refused = "tmp-" + unique("topic");
            String created = unique("kept");
            CreateTopicsResult result = clients.admin().createTopics(List.of(new NewTopic(refused, 1, (short) 3),
                    new NewTopic(created, 1, (short) 3)));

            assertThatThrownBy(() -> result.values().get(refused).get()).cause()
                    .isInstanceOf(PolicyViolationException.class)
                    .hasMessageContaining("matches the denied pattern ^tmp- (interceptor no-temporary-topics)");
            result.values().get(created).get();
            assertThat(clients.admin().listTopics().names().get()).contains(created).doesNotContain(refused);
        }
    }
}
