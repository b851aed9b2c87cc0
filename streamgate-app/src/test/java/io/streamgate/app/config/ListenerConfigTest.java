package io.streamgate.app.config;

import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.AuthenticationMode;
import io.streamgate.core.listener.ListenerRouting;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The listener keys: the top-level default listener, its TLS, routing and authentication, and more listeners. */
class ListenerConfigTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private Path configFile;

    @Test
    void withoutConfigurationThereIsOnePlaintextListenerWithoutAuthentication() {
        List<GatewayConfig.ListenerConfig> listeners = load().toGatewayConfig(List.of("kafka:9092")).listeners();

        assertThat(listeners).hasSize(1);
        GatewayConfig.ListenerConfig listener = listeners.get(0);
        assertThat(listener.name()).isEqualTo("default");
        assertThat(listener.bootstrapPort()).isEqualTo(6969);
        assertThat(listener.securityProtocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThat(listener.tls()).isEmpty();
        assertThat(listener.routing()).isEqualTo(new ListenerRouting.Ports());
        assertThat(load().toGatewayConfig(List.of("kafka:9092")).tlsReloadInterval())
                .isEqualTo(GatewayConfig.DEFAULT_TLS_RELOAD_INTERVAL);
    }

    @Test
    void theDefaultListenerTakesTlsSniAndAuthenticationFromTheFile() throws IOException {
        writeConfig("""
                port: 9443
                securityProtocol: SASL_SSL
                tls:
                  ssl.keystore.location: /etc/gw/server.p12
                  ssl.keystore.password: ${KEYSTORE_PASSWORD}
                  ssl.client.auth: requested
                routing: sni
                sni:
                  bootstrapHost: bootstrap.gw.example.com
                  brokerHostPattern: broker-{nodeId}.gw.example.com
                  advertisedPort: 443
                authentication:
                  mode: delegated
                  saslMechanisms: [SCRAM-SHA-512, OAUTHBEARER]
                  oauthBearer:
                    sasl.oauthbearer.jwks.endpoint.url: https://idp.example.com/jwks
                  principalMappingRules: RULE:^CN=(.*?),.*$/$1/,DEFAULT
                  maxSessionLifetime: 1h
                  authenticationTimeout: 5s
                  maxUnauthenticatedFrameBytes: 65536
                tlsReloadInterval: 30s
                """);
        environment.put("KEYSTORE_PASSWORD", "s3cret");

        GatewayConfig config = load().toGatewayConfig(List.of("kafka:9092"));
        GatewayConfig.ListenerConfig listener = config.listener();

        assertThat(listener.bootstrapPort()).isEqualTo(9443);
        assertThat(listener.securityProtocol()).isEqualTo(SecurityProtocol.SASL_SSL);
        assertThat(listener.tls()).containsEntry("ssl.keystore.location", "/etc/gw/server.p12")
                .containsEntry("ssl.keystore.password", "s3cret").containsEntry("ssl.client.auth", "requested");
        assertThat(listener.routing()).isEqualTo(new ListenerRouting.Sni("bootstrap.gw.example.com",
                "broker-{nodeId}.gw.example.com", 443));
        assertThat(listener.authentication().mode()).isEqualTo(AuthenticationMode.DELEGATED);
        assertThat(listener.authentication().saslMechanisms()).containsExactly("SCRAM-SHA-512", "OAUTHBEARER");
        assertThat(listener.authentication().oauthBearer())
                .containsEntry("sasl.oauthbearer.jwks.endpoint.url", "https://idp.example.com/jwks");
        assertThat(listener.authentication().principalMappingRules()).isEqualTo("RULE:^CN=(.*?),.*$/$1/,DEFAULT");
        assertThat(listener.authentication().maxSessionLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(listener.authentication().authenticationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(listener.authentication().maxUnauthenticatedFrameBytes()).isEqualTo(65536);
        assertThat(config.tlsReloadInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theEnvironmentSetsTheSameKeys() {
        environment.put("STREAMGATE_SECURITY_PROTOCOL", "ssl");
        environment.put("STREAMGATE_TLS_SSL_KEYSTORE_LOCATION", "/etc/gw/server.pem");
        environment.put("STREAMGATE_TLS_SSL_KEYSTORE_TYPE", "PEM");
        environment.put("STREAMGATE_AUTHENTICATION_SASL_MECHANISMS", "PLAIN, SCRAM-SHA-256");
        environment.put("STREAMGATE_AUTHENTICATION_MODE", "GATEWAY");
        environment.put("STREAMGATE_TLS_RELOAD_INTERVAL", "2s");

        GatewayConfig config = load().toGatewayConfig(List.of("kafka:9092"));

        assertThat(config.listener().securityProtocol()).isEqualTo(SecurityProtocol.SSL);
        assertThat(config.listener().tls()).isEqualTo(Map.of("ssl.keystore.location", "/etc/gw/server.pem",
                "ssl.keystore.type", "PEM"));
        assertThat(config.listener().authentication().saslMechanisms()).containsExactly("PLAIN", "SCRAM-SHA-256");
        assertThat(config.tlsReloadInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void moreListenersComeFromTheListenersList() throws IOException {
        writeConfig("""
                port: 9092
                listeners:
                  - name: external
                    port: 9093
                    advertisedHost: kafka.example.com
                    securityProtocol: ssl
                    tls:
                      ssl.keystore.location: /etc/gw/server.p12
                      ssl.keystore.password: ${KEYSTORE_PASSWORD}
                    brokerPorts:
                      base: 9200
                  - name: sni
                    port: 9443
                    bind: 10.0.0.5
                    securityProtocol: sasl_ssl
                    routing: sni
                    sni: {bootstrapHost: bootstrap.example.com, brokerHostPattern: "b{nodeId}.example.com"}
                    authentication: {saslMechanisms: PLAIN}
                """);
        environment.put("KEYSTORE_PASSWORD", "s3cret");

        List<GatewayConfig.ListenerConfig> listeners = load().toGatewayConfig(List.of("kafka:9092")).listeners();

        assertThat(listeners).extracting(GatewayConfig.ListenerConfig::name)
                .containsExactly("default", "external", "sni");
        GatewayConfig.ListenerConfig external = listeners.get(1);
        assertThat(external.bootstrapPort()).isEqualTo(9093);
        assertThat(external.advertisedHost()).isEqualTo("kafka.example.com");
        assertThat(external.bindAddress()).as("inherited").isEqualTo(listeners.get(0).bindAddress());
        assertThat(external.securityProtocol()).isEqualTo(SecurityProtocol.SSL);
        assertThat(external.tls()).containsEntry("ssl.keystore.password", "s3cret");
        assertThat(external.effectiveBrokerPortBase()).isEqualTo(9200);
        GatewayConfig.ListenerConfig sni = listeners.get(2);
        assertThat(sni.bindAddress()).isEqualTo("10.0.0.5");
        assertThat(sni.advertisedHost()).as("inherited").isEqualTo(listeners.get(0).advertisedHost());
        assertThat(sni.routing()).isEqualTo(new ListenerRouting.Sni("bootstrap.example.com", "b{nodeId}.example.com",
                0));
        assertThat(sni.authentication().saslMechanisms()).containsExactly("PLAIN");
        assertThat(sni.authentication().mode()).isEqualTo(AuthenticationMode.GATEWAY);
    }

    @Test
    void moreListenersComeFromTheEnvironmentAsYamlText() {
        environment.put("STREAMGATE_LISTENERS", "[{name: internal, port: 7000}]");

        List<GatewayConfig.ListenerConfig> listeners = load().toGatewayConfig(List.of("kafka:9092")).listeners();

        assertThat(listeners).hasSize(2);
        assertThat(listeners.get(1).name()).isEqualTo("internal");
        assertThat(listeners.get(1).bootstrapPort()).isEqualTo(7000);
        assertThat(listeners.get(1).securityProtocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
    }

    @Test
    void namesWhatIsWrongWithAListenerWithoutRepeatingSecrets() throws IOException {
        writeConfig("""
                listeners:
                  - name: external
                    port: nope
                    securityProtocol: tls
                    tls:
                      ssl.keystore.password: {nested: s3cret}
                  - port: 9000
                """);

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners[0].tls.ssl.keystore.password: expected a single value")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        writeConfig("""
                listeners:
                  - name: external
                    port: nope
                    securityProtocol: tls
                  - port: 9000
                """);
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners[0].port: expected")
                .hasMessageContaining("listeners[0].securityProtocol: expected")
                .hasMessageContaining("listeners[1].name: no value");
    }

    @Test
    void refusesSniRoutingWithoutItsHostNamesOrOnPlaintext() throws IOException {
        writeConfig("""
                securityProtocol: ssl
                routing: sni
                sni: {bootstrapHost: bootstrap.example.com}
                """);
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routing: sni needs sni.bootstrapHost and sni.brokerHostPattern");

        writeConfig("""
                listeners:
                  - {name: edge, port: 9443, routing: sni, sni: {bootstrapHost: b.example.com, brokerHostPattern: "x{nodeId}.example.com"}}
                """);
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SNI routing needs TLS");
    }

    @Test
    void listenersAreBoundToVirtualClustersAndAVirtualClusterCanBeRequired() throws IOException {
        writeConfig("""
                virtualCluster: team-a
                requireVirtualCluster: true
                listeners:
                  - {name: tenants, port: 9093, securityProtocol: sasl_plaintext, authentication: {saslMechanisms: PLAIN}}
                  - {name: team-b, port: 9094, virtualCluster: team-b}
                """);

        GatewayConfig config = load().toGatewayConfig(List.of("kafka:9092"));

        assertThat(config.requireVirtualCluster()).isTrue();
        assertThat(config.listeners()).extracting(GatewayConfig.ListenerConfig::virtualCluster)
                .containsExactly("team-a", null, "team-b");
    }

    @Test
    void refusesToRequireAVirtualClusterWhenAListenerCouldLandInNone() throws IOException {
        writeConfig("""
                requireVirtualCluster: true
                """);

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class).hasMessageContaining(
                "requireVirtualCluster: listener default neither authenticates its clients (SASL, or "
                        + "ssl.client.auth=required) nor names a virtualCluster");
    }

    @Test
    void refusesTwoListenersWithOneName() throws IOException {
        writeConfig("""
                listeners:
                  - {name: default, port: 7000}
                """);

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("two listeners named default");
    }

    @Test
    void everyListenerKeyIsInTheSchemaAndSoInTheHelp() {
        assertThat(ConfigSchema.streamgate().names()).contains("securityProtocol", "tls", "routing",
                "sni.bootstrapHost", "sni.brokerHostPattern", "sni.advertisedPort", "authentication.mode",
                "authentication.saslMechanisms", "authentication.oauthBearer", "authentication.principalMappingRules",
                "authentication.maxSessionLifetime", "authentication.authenticationTimeout",
                "authentication.maxUnauthenticatedFrameBytes", "tlsReloadInterval", "listeners");
        assertThat(ConfigSchema.streamgate().key("listeners").orElseThrow().environmentVariable())
                .isEqualTo("STREAMGATE_LISTENERS");
    }

    private StreamgateConfig load() {
        return new ConfigLoader(environment, new ListenerDefaults(() -> "gateway.example.com"))
                .load(Optional.ofNullable(configFile), ConfigLayer.builder(ConfigSchema.streamgate()).build());
    }

    private void writeConfig(String yaml) throws IOException {
        configFile = dir.resolve("streamgate.yaml");
        Files.writeString(configFile, yaml);
    }
}
