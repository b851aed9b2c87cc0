package io.streamgate.app.config;

import io.streamgate.core.address.HostPort;
import io.streamgate.core.GatewayConfig;
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
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final ConfigLayer.Builder flags = ConfigLayer.builder(ConfigSchema.streamgate());
    private Path configFile;

    @Test
    void everyKeyHasADefaultAndTheEmbeddedKafkaIsUsedWhenNoUpstreamIsConfigured() {
        StreamgateConfig config = load();

        assertThat(config.port()).isEqualTo(6969);
        assertThat(config.adminPort()).isEqualTo(8888);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.advertisedHost()).isEqualTo("localhost");
        assertThat(config.dataDir()).isEqualTo(Path.of("./streamgate-data"));
        assertThat(config.maxRequestFrameBytes()).isEqualTo(104857600);
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.brokerPorts()).isEqualTo(new StreamgateConfig.BrokerPorts(0, OptionalInt.empty(), 100));
        assertThat(config.upstream().bootstrapServers()).isEmpty();
        assertThat(config.upstream().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.upstream().metadataRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.upstream().brokerRemovalDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.upstream().properties()).isEmpty();
        assertThat(config.usesEmbeddedKafka()).isTrue();
    }

    @Test
    void aScalarComesFromTheFlagThenTheEnvironmentThenTheFileThenTheDefault() throws IOException {
        assertThat(load().port()).isEqualTo(6969);

        writeConfig("port: 1000");
        assertThat(load().port()).isEqualTo(1000);

        environment.put("STREAMGATE_PORT", "2000");
        assertThat(load().port()).isEqualTo(2000);

        flags.set("port", "3000", "from command-line option --port");
        assertThat(load().port()).isEqualTo(3000);
    }

    @Test
    void aNestedKeyComesFromTheFlagThenTheEnvironmentThenTheFileThenTheDefault() throws IOException {
        writeConfig("""
                upstream:
                  bootstrapServers: file:9092
                  connectTimeout: 5s
                brokerPorts:
                  minNodeId: 1
                """);
        environment.put("STREAMGATE_UPSTREAM_CONNECT_TIMEOUT", "7s");
        environment.put("STREAMGATE_UPSTREAM_BOOTSTRAP_SERVERS", "env:9092");
        environment.put("STREAMGATE_BROKER_PORTS_MIN_NODE_ID", "3");
        flags.set("upstream.bootstrapServers", "flag:9092", "from command-line option --upstream");

        StreamgateConfig config = load();

        assertThat(config.upstream().connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.upstream().bootstrapServers()).containsExactly(new HostPort("flag", 9092));
        assertThat(config.brokerPorts().minNodeId()).hasValue(3);
        assertThat(config.upstream().metadataRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void upstreamPropertiesMergePropertyByPropertyAcrossSources() throws IOException {
        writeConfig("""
                upstream:
                  bootstrapServers: kafka:9093
                  properties:
                    security.protocol: SSL
                    ssl.truststore.location: /from/file.p12
                    request.timeout.ms: 1000
                """);
        environment.put("STREAMGATE_UPSTREAM_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/from/env.p12");
        environment.put("STREAMGATE_UPSTREAM_PROPERTIES_REQUEST_TIMEOUT_MS", "2000");
        flags.setEntry("upstream.properties", "request.timeout.ms", "3000", "from command-line option --upstream-property");

        assertThat(load().upstream().properties()).containsOnly(
                entry("security.protocol", "SSL"),
                entry("ssl.truststore.location", "/from/env.p12"),
                entry("request.timeout.ms", "3000"));
    }

    @Test
    void theExampleConfigurationFileLoads() throws IOException {
        environment.put("KAFKA_PASSWORD", "s3cret");
        writeConfig("""
                port: 6969
                adminPort: 8888
                bind: 127.0.0.1
                advertisedHost: localhost
                dataDir: ./streamgate-data
                maxRequestFrameBytes: 104857600
                shutdownTimeout: 10s
                ioThreads: 2
                brokerPorts: { base: 0, minNodeId: auto, maxBrokers: 100 }
                upstream:
                  bootstrapServers: kafka1:9092,kafka2:9092
                  connectTimeout: 10s
                  metadataRefreshInterval: 30s
                  brokerRemovalDelay: 2m
                  properties:
                    security.protocol: SASL_SSL
                    ssl.truststore.location: /etc/kafka/truststore.p12
                    sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="gw" password="${KAFKA_PASSWORD}";
                """);

        StreamgateConfig config = load();

        assertThat(config.ioThreads()).isEqualTo(2);
        assertThat(config.upstream().bootstrapServerList()).containsExactly("kafka1:9092", "kafka2:9092");
        assertThat(config.upstream().properties().get("sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"gw\""
                        + " password=\"s3cret\";");
        assertThat(config.usesEmbeddedKafka()).isFalse();
    }

    @Test
    void bootstrapServersMayBeAYamlListAndIncludeIpv6Hosts() throws IOException {
        writeConfig("""
                upstream:
                  bootstrapServers:
                    - kafka1:9092
                    - "[::1]:9093"
                """);

        assertThat(load().upstream().bootstrapServerList()).containsExactly("kafka1:9092", "[::1]:9093");
    }

    @Test
    void anEnvironmentReferenceInTheFileIsReplacedAndADoubledDollarIsLiteral() throws IOException {
        environment.put("TRUSTSTORE_DIR", "/etc/kafka");
        writeConfig("""
                upstream:
                  properties:
                    ssl.truststore.location: ${TRUSTSTORE_DIR}/truststore.p12
                    some.template: $${not.a.variable}
                """);

        assertThat(load().upstream().properties()).containsOnly(
                entry("ssl.truststore.location", "/etc/kafka/truststore.p12"),
                entry("some.template", "${not.a.variable}"));
    }

    @Test
    void anUnsetEnvironmentReferenceIsAnErrorNamingTheVariableAndTheKey() throws IOException {
        writeConfig("""
                upstream:
                  properties:
                    sasl.jaas.config: password="${KAFKA_PASSWORD}"
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("upstream.properties.sasl.jaas.config: environment variable KAFKA_PASSWORD is not set"
                        + " (referenced as ${KAFKA_PASSWORD} in config file " + configFile + ")");
    }

    @Test
    void aMalformedValueNamesTheKeyTheExpectationTheValueAndTheEnvironmentVariable() {
        environment.put("STREAMGATE_PORT", "abc");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("port: expected an integer 1..65535, got 'abc' (from environment variable STREAMGATE_PORT)");
    }

    @Test
    void aBooleanIsAYamlBooleanOrTrueOrFalseInAnyCase() throws IOException {
        assertThat(load().streamFetchResponses()).isTrue();
        writeConfig("streamFetchResponses: false");
        assertThat(load().streamFetchResponses()).isFalse();
        environment.put("STREAMGATE_STREAM_FETCH_RESPONSES", "TRUE");
        assertThat(load().streamFetchResponses()).isTrue();

        environment.put("STREAMGATE_STREAM_FETCH_RESPONSES", "yes");
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("streamFetchResponses: expected true or false, got 'yes' (from environment variable "
                        + "STREAMGATE_STREAM_FETCH_RESPONSES)");
    }

    @Test
    void aMalformedValueFromTheFileNamesTheFile() throws IOException {
        writeConfig("shutdownTimeout: 10");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("shutdownTimeout: expected a duration such as 500ms, 10s, 2m, 1h or PT10S, got '10'"
                        + " (from config file " + configFile + ")");
    }

    @Test
    void aMalformedValueFromAFlagNamesTheFlag() {
        flags.set("upstream.bootstrapServers", "kafka1", "from command-line option --upstream");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("upstream.bootstrapServers: expected HOST:PORT[,HOST:PORT...], got 'kafka1'"
                        + " (from command-line option --upstream)");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        writeConfig("""
                adminPort: 70000
                upstream:
                  conectTimeout: 5s
                """);
        environment.put("STREAMGATE_BROKER_PORTS_MIN_NODE_ID", "first");
        environment.put("STREAMGATE_IO_THREAD", "4");

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "unknown configuration key 'upstream.conectTimeout' in config file " + configFile
                                + " (did you mean upstream.connectTimeout?)",
                        "unknown environment variable STREAMGATE_IO_THREAD: no configuration key has that name"
                                + " (did you mean STREAMGATE_IO_THREADS?)",
                        "adminPort: expected an integer 0..65535, got '70000' (from config file " + configFile + ")",
                        "brokerPorts.minNodeId: expected 'auto' or an integer >= 0, got 'first'"
                                + " (from environment variable STREAMGATE_BROKER_PORTS_MIN_NODE_ID)"));
    }

    @Test
    void anUnknownYamlKeyIsAnErrorThatSuggestsTheCamelCaseName() throws IOException {
        writeConfig("admin_port: 9999");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown configuration key 'admin_port' in config file " + configFile
                        + " (did you mean adminPort?)");
    }

    @Test
    void anUnknownStreamgateVariableIsAnErrorButOtherVariablesAreIgnored() {
        environment.put("STREAMGATE_ADMINPORT", "9999");
        environment.put("KAFKA_HEAP_OPTS", "-Xmx1g");
        environment.put("STREAMGATE_JAVA_OPTS", "-Xmx2g");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown environment variable STREAMGATE_ADMINPORT: no configuration key has that name"
                        + " (did you mean STREAMGATE_ADMIN_PORT?)");
    }

    @Test
    void theOpenMapVariableWithoutAPropertyNameIsAnError() {
        environment.put("STREAMGATE_UPSTREAM_PROPERTIES", "security.protocol=SSL");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STREAMGATE_UPSTREAM_PROPERTIES needs a name suffix");
    }

    @Test
    void aSectionWrittenAsAScalarIsAnError() throws IOException {
        writeConfig("upstream: kafka:9092");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("upstream: expected a section of keys, got '\"kafka:9092\"' (from config file " + configFile + ")");
    }

    @Test
    void nestedKafkaPropertiesAreAnErrorThatShowsTheFlatForm() throws IOException {
        writeConfig("""
                upstream:
                  properties:
                    security:
                      protocol: SSL
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("upstream.properties.security: expected a single value")
                .hasMessageContaining("'security.protocol: SSL'");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        configFile = dir.resolve("missing.yaml");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + configFile + " does not exist");
    }

    @Test
    void invalidYamlIsAnErrorWithItsLine() throws IOException {
        writeConfig("port: 1\n  adminPort: [");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + configFile + " is not valid YAML at line 2");
    }

    @Test
    void aDuplicateYamlKeyIsAnError() throws IOException {
        writeConfig("port: 1000\nport: 2000");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Duplicate field 'port'");
    }

    @Test
    void aKeyWithoutAValueInTheFileIsUnset() throws IOException {
        writeConfig("port:\nupstream:\n  bootstrapServers:\n");

        assertThat(load().port()).isEqualTo(6969);
        assertThat(load().usesEmbeddedKafka()).isTrue();
    }

    @Test
    void theConfigFileMayBeNamedByStreamgateConfig() throws IOException {
        Path file = dir.resolve("from-env.yaml");
        Files.writeString(file, "port: 4444");
        environment.put("STREAMGATE_CONFIG", file.toString());

        assertThat(load().port()).isEqualTo(4444);
    }

    @Test
    void anEmptyUpstreamFromTheEnvironmentSelectsTheEmbeddedKafkaOverTheFile() throws IOException {
        writeConfig("upstream: { bootstrapServers: kafka:9092 }");
        environment.put("STREAMGATE_UPSTREAM_BOOTSTRAP_SERVERS", "");

        assertThat(load().usesEmbeddedKafka()).isTrue();
    }

    @Test
    void withAnUpstreamTheGatewayBindsEveryInterfaceAndAdvertisesTheHostName() {
        flags.set("upstream.bootstrapServers", "kafka:9092", "from command-line option --upstream");

        StreamgateConfig config = load();

        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.advertisedHost()).isEqualTo("gateway.example.com");
    }

    @Test
    void aSpecificBindAddressIsAdvertisedAsIsAndAnExplicitAdvertisedHostWins() {
        environment.put("STREAMGATE_BIND", "10.1.2.3");
        assertThat(load().advertisedHost()).isEqualTo("10.1.2.3");

        environment.put("STREAMGATE_ADVERTISED_HOST", "gw.internal");
        assertThat(load().advertisedHost()).isEqualTo("gw.internal");
    }

    @Test
    void theAdminPortMustNotCollideWithGatewayPorts() {
        environment.put("STREAMGATE_ADMIN_PORT", "6975");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("adminPort: 6975 is within the broker ports 6970..7069"
                        + " (from environment variable STREAMGATE_ADMIN_PORT)");
    }

    @Test
    void convertsToTheCoreGatewayConfig() {
        environment.put("STREAMGATE_BROKER_PORTS_BASE", "7000");
        environment.put("STREAMGATE_UPSTREAM_PROPERTIES_SECURITY_PROTOCOL", "SSL");
        environment.put("STREAMGATE_SHUTDOWN_TIMEOUT", "PT3S");

        GatewayConfig core = load().toGatewayConfig(List.of("127.0.0.1:9092"));

        assertThat(core.listener()).isEqualTo(new GatewayConfig.ListenerConfig(
                "127.0.0.1", "localhost", 6969, 7000, OptionalInt.empty(), 100));
        assertThat(core.upstream().bootstrapServers()).containsExactly("127.0.0.1:9092");
        assertThat(core.upstream().clientProperties()).containsOnly(entry("security.protocol", "SSL"));
        assertThat(core.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(core.maxRequestFrameBytes()).isEqualTo(GatewayConfig.DEFAULT_MAX_REQUEST_FRAME_BYTES);
    }

    private StreamgateConfig load() {
        return new ConfigLoader(environment, new ListenerDefaults(() -> "gateway.example.com"))
                .load(Optional.ofNullable(configFile), flags.build());
    }

    private void writeConfig(String yaml) throws IOException {
        configFile = dir.resolve("streamgate.yaml");
        Files.writeString(configFile, yaml);
    }
}
