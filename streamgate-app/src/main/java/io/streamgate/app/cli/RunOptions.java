package io.streamgate.app.cli;

import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigSchema;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options of {@code streamgate run}. Both the top command and {@code run} take them, so
 * {@code streamgate --port 7000} and {@code streamgate run --port 7000} mean the same (they are not inherited by
 * the commands that talk to a running gateway, whose options differ). Values stay text here and are checked by the
 * configuration loader, so that a bad value gets the same message whichever source it came from.
 */
public final class RunOptions {

    /** The configuration key each option sets, by option name. */
    static final Map<String, String> KEYS = Map.of(
            "--upstream", "upstream.bootstrapServers",
            "--port", "port",
            "--admin-port", "adminPort",
            "--data-dir", "dataDir",
            "--bind", "bind",
            "--advertised-host", "advertisedHost",
            "--upstream-property", "upstream.properties");

    @Option(names = "--config", paramLabel = "FILE", order = 1,
            description = "YAML configuration file (keys as in the table below, nested by section). "
                    + "Env: STREAMGATE_CONFIG.")
    Path configFile;

    @Option(names = "--upstream", paramLabel = "HOST:PORT[,HOST:PORT...]", order = 2,
            description = "Bootstrap servers of the Kafka cluster to put the gateway in front of. Without it, "
                    + "Streamgate starts an embedded single-node Kafka that keeps its data in the data directory. "
                    + "Env: STREAMGATE_UPSTREAM_BOOTSTRAP_SERVERS. YAML: upstream.bootstrapServers.")
    String upstream;

    @Option(names = "--upstream-property", paramLabel = "KEY=VALUE", order = 3,
            description = "A Kafka client property for the gateway's own connections to the upstream cluster, "
                    + "e.g. security.protocol=SSL, ssl.truststore.location=FILE, sasl.mechanism=PLAIN, "
                    + "sasl.jaas.config=..., request.timeout.ms=30000. Repeatable; overrides the same property "
                    + "from the environment or the file, one by one. "
                    + "Env: STREAMGATE_UPSTREAM_PROPERTIES_<NAME>. YAML: upstream.properties.")
    Map<String, String> upstreamProperties = new LinkedHashMap<>();

    @Option(names = "--port", paramLabel = "N", order = 4,
            description = "Bootstrap port that clients connect to. Broker ports follow: the broker with the lowest "
                    + "node id gets N+1, the next N+2, and so on. Default: 6969. Env: STREAMGATE_PORT. YAML: port.")
    String port;

    @Option(names = "--admin-port", paramLabel = "N", order = 5,
            description = "Port of the admin HTTP server (the /api/v1 management API, /openapi.json, /health/live, "
                    + "/health/ready, /metrics); 0 picks a free port. Default: 8888. Env: STREAMGATE_ADMIN_PORT. "
                    + "YAML: adminPort.")
    String adminPort;

    @Option(names = "--data-dir", paramLabel = "DIR", order = 6,
            description = "Where Streamgate keeps its state: the embedded Kafka's topics and records (in DIR/kafka), "
                    + "the file resource store (DIR/resources), the generated admin-token and the admin-audit.log. "
                    + "Default: ./streamgate-data. Env: STREAMGATE_DATA_DIR. YAML: dataDir.")
    String dataDir;

    @Option(names = "--bind", paramLabel = "ADDRESS", order = 7,
            description = "Local address that the gateway and admin ports bind to. Default: 127.0.0.1 with the "
                    + "embedded Kafka, 0.0.0.0 with an upstream cluster. Env: STREAMGATE_BIND. YAML: bind.")
    String bind;

    @Option(names = "--advertised-host", paramLabel = "HOST", order = 8,
            description = "Host name that clients are told to connect to, in every broker address the gateway "
                    + "returns. Default: localhost when the bind address is loopback, this machine's host name "
                    + "when it is a wildcard (0.0.0.0), else the bind address. Env: STREAMGATE_ADVERTISED_HOST. "
                    + "YAML: advertisedHost.")
    String advertisedHost;

    /** The YAML file named by {@code --config}, if given. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** The options given, as the highest configuration layer. */
    public ConfigLayer toLayer() {
        ConfigLayer.Builder layer = ConfigLayer.builder(ConfigSchema.streamgate());
        set(layer, "--upstream", upstream);
        set(layer, "--port", port);
        set(layer, "--admin-port", adminPort);
        set(layer, "--data-dir", dataDir);
        set(layer, "--bind", bind);
        set(layer, "--advertised-host", advertisedHost);
        upstreamProperties.forEach((name, value) -> layer.setEntry(KEYS.get("--upstream-property"), name.trim(), value,
                "from command-line option --upstream-property"));
        return layer.build();
    }

    private static void set(ConfigLayer.Builder layer, String option, String value) {
        if (value != null) {
            layer.set(KEYS.get(option), value, "from command-line option " + option);
        }
    }
}
