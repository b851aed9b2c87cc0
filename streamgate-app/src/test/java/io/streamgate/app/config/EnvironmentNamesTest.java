package io.streamgate.app.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EnvironmentNamesTest {

    @Test
    void everyKeyHasAnEnvironmentVariableDerivedFromItsPath() {
        assertThat(ConfigSchema.streamgate().keys())
                .extracting(ConfigKey::name, ConfigKey::environmentVariable)
                .containsExactly(
                        tuple("port", "STREAMGATE_PORT"),
                        tuple("adminPort", "STREAMGATE_ADMIN_PORT"),
                        tuple("bind", "STREAMGATE_BIND"),
                        tuple("advertisedHost", "STREAMGATE_ADVERTISED_HOST"),
                        tuple("dataDir", "STREAMGATE_DATA_DIR"),
                        tuple("pluginsDir", "STREAMGATE_PLUGINS_DIR"),
                        tuple("resourcesDir", "STREAMGATE_RESOURCES_DIR"),
                        tuple("maxRequestFrameBytes", "STREAMGATE_MAX_REQUEST_FRAME_BYTES"),
                        tuple("shutdownTimeout", "STREAMGATE_SHUTDOWN_TIMEOUT"),
                        tuple("ioThreads", "STREAMGATE_IO_THREADS"),
                        tuple("streamFetchResponses", "STREAMGATE_STREAM_FETCH_RESPONSES"),
                        tuple("brokerPorts.base", "STREAMGATE_BROKER_PORTS_BASE"),
                        tuple("brokerPorts.minNodeId", "STREAMGATE_BROKER_PORTS_MIN_NODE_ID"),
                        tuple("brokerPorts.maxBrokers", "STREAMGATE_BROKER_PORTS_MAX_BROKERS"),
                        tuple("securityProtocol", "STREAMGATE_SECURITY_PROTOCOL"),
                        tuple("tls", "STREAMGATE_TLS"),
                        tuple("routing", "STREAMGATE_ROUTING"),
                        tuple("sni.bootstrapHost", "STREAMGATE_SNI_BOOTSTRAP_HOST"),
                        tuple("sni.brokerHostPattern", "STREAMGATE_SNI_BROKER_HOST_PATTERN"),
                        tuple("sni.advertisedPort", "STREAMGATE_SNI_ADVERTISED_PORT"),
                        tuple("authentication.mode", "STREAMGATE_AUTHENTICATION_MODE"),
                        tuple("authentication.saslMechanisms", "STREAMGATE_AUTHENTICATION_SASL_MECHANISMS"),
                        tuple("authentication.oauthBearer", "STREAMGATE_AUTHENTICATION_OAUTH_BEARER"),
                        tuple("authentication.principalMappingRules",
                                "STREAMGATE_AUTHENTICATION_PRINCIPAL_MAPPING_RULES"),
                        tuple("authentication.maxSessionLifetime", "STREAMGATE_AUTHENTICATION_MAX_SESSION_LIFETIME"),
                        tuple("authentication.authenticationTimeout",
                                "STREAMGATE_AUTHENTICATION_AUTHENTICATION_TIMEOUT"),
                        tuple("authentication.maxUnauthenticatedFrameBytes",
                                "STREAMGATE_AUTHENTICATION_MAX_UNAUTHENTICATED_FRAME_BYTES"),
                        tuple("virtualCluster", "STREAMGATE_VIRTUAL_CLUSTER"),
                        tuple("requireVirtualCluster", "STREAMGATE_REQUIRE_VIRTUAL_CLUSTER"),
                        tuple("tlsReloadInterval", "STREAMGATE_TLS_RELOAD_INTERVAL"),
                        tuple("listeners", "STREAMGATE_LISTENERS"),
                        tuple("upstream.bootstrapServers", "STREAMGATE_UPSTREAM_BOOTSTRAP_SERVERS"),
                        tuple("upstream.connectTimeout", "STREAMGATE_UPSTREAM_CONNECT_TIMEOUT"),
                        tuple("upstream.metadataRefreshInterval",
                                "STREAMGATE_UPSTREAM_METADATA_REFRESH_INTERVAL"),
                        tuple("upstream.brokerRemovalDelay", "STREAMGATE_UPSTREAM_BROKER_REMOVAL_DELAY"),
                        tuple("upstream.properties", "STREAMGATE_UPSTREAM_PROPERTIES"),
                        tuple("store.type", "STREAMGATE_STORE_TYPE"),
                        tuple("store.topic", "STREAMGATE_STORE_TOPIC"),
                        tuple("admin.tokens", "STREAMGATE_ADMIN_TOKENS"),
                        tuple("admin.users", "STREAMGATE_ADMIN_USERS"),
                        tuple("tokens.signingKey", "STREAMGATE_TOKENS_SIGNING_KEY"),
                        tuple("tokens.maxLifetime", "STREAMGATE_TOKENS_MAX_LIFETIME"));
    }

    @Test
    void camelCaseSegmentsBecomeUpperSnakeCase() {
        assertThat(EnvironmentNames.of(List.of("brokerPorts", "minNodeId"))).isEqualTo("STREAMGATE_BROKER_PORTS_MIN_NODE_ID");
        assertThat(EnvironmentNames.of(List.of("ioThreads"))).isEqualTo("STREAMGATE_IO_THREADS");
    }

    @Test
    void kafkaPropertyNamesMapToAndFromVariableSuffixes() {
        assertThat(EnvironmentNames.ofEntry(List.of("upstream", "properties"), "ssl.truststore.location"))
                .isEqualTo("STREAMGATE_UPSTREAM_PROPERTIES_SSL_TRUSTSTORE_LOCATION");
        assertThat(EnvironmentNames.entryName("SSL_TRUSTSTORE_LOCATION")).isEqualTo("ssl.truststore.location");
    }

    @Test
    void theOpenMapIsFoundFromAnEntryVariable() {
        ConfigSchema schema = ConfigSchema.streamgate();

        assertThat(schema.openMapForEnvironmentVariable("STREAMGATE_UPSTREAM_PROPERTIES_SASL_MECHANISM"))
                .map(ConfigKey::name).hasValue("upstream.properties");
        assertThat(schema.openMapForEnvironmentVariable("STREAMGATE_UPSTREAM_PROPERTIES")).isEmpty();
        assertThat(schema.keyForEnvironmentVariable("STREAMGATE_UPSTREAM_CONNECT_TIMEOUT"))
                .map(ConfigKey::name).hasValue("upstream.connectTimeout");
    }
}
