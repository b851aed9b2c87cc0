package io.streamgate.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves Streamgate's configuration from its four sources. For every key, the value comes from the first source
 * that sets it, in this order of precedence:
 * <ol>
 *   <li>a command-line option ({@code --port}, {@code --upstream-property KEY=VALUE}, ...), for the keys that have one;</li>
 *   <li>an environment variable: {@code STREAMGATE_} and the key's path in UPPER_SNAKE_CASE, segments joined by
 *       {@code _} ({@code STREAMGATE_ADMIN_PORT}, {@code STREAMGATE_UPSTREAM_BOOTSTRAP_SERVERS},
 *       {@code STREAMGATE_BROKER_PORTS_MIN_NODE_ID}); an entry of {@code upstream.properties} is
 *       {@code STREAMGATE_UPSTREAM_PROPERTIES_<NAME>} with NAME the Kafka property upper-cased and {@code .} replaced
 *       by {@code _} ({@code STREAMGATE_UPSTREAM_PROPERTIES_SSL_TRUSTSTORE_LOCATION} sets
 *       {@code ssl.truststore.location});</li>
 *   <li>the YAML file given by {@code --config} (or {@code STREAMGATE_CONFIG}), whose keys are the camelCase
 *       component names of {@link StreamgateConfig}, nested by section ({@code upstream: {connectTimeout: 5s}});</li>
 *   <li>the defaults ({@link ConfigDefaults}, and {@link ListenerDefaults} for {@code bind} and
 *       {@code advertisedHost}).</li>
 * </ol>
 * {@code upstream.properties} merges entry by entry: a command-line option overrides one Kafka property and keeps
 * the others from the file. Strings in the YAML file may reference environment variables as {@code ${VAR}}.
 * <p>
 * Problems fail the load with a {@link ConfigException} that lists them all, one line each naming the key and the
 * source: an unknown YAML key or {@code STREAMGATE_*} variable, a malformed value, an unset {@code ${VAR}}.
 * The environment is passed in, so tests need not change the real one.
 */
public final class ConfigLoader {

    /** The environment variable naming the YAML file when {@code --config} is not given. */
    public static final String CONFIG_FILE_VARIABLE = "STREAMGATE_CONFIG";

    private final Map<String, String> environment;
    private final ListenerDefaults listenerDefaults;
    private final ConfigSchema schema = ConfigSchema.streamgate();

    /** @param environment the process environment, usually {@link System#getenv()} */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, ListenerDefaults.forThisMachine());
    }

    ConfigLoader(Map<String, String> environment, ListenerDefaults listenerDefaults) {
        this.environment = Map.copyOf(environment);
        this.listenerDefaults = Objects.requireNonNull(listenerDefaults, "listenerDefaults");
    }

    /**
     * @param configFile the YAML file from {@code --config}; when empty, {@code STREAMGATE_CONFIG} names it, if set
     * @param commandLine the values of command-line options, the highest layer
     * @throws ConfigException listing every problem found
     */
    public StreamgateConfig load(Optional<Path> configFile, ConfigLayer commandLine) {
        List<String> problems = new ArrayList<>();
        Optional<Path> file = configFile.or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_VARIABLE))
                .filter(name -> !name.isBlank())
                .map(Path::of));
        ConfigLayer fileLayer = file.map(path -> new YamlConfigFile(path, schema, environment).read(problems))
                .orElse(ConfigLayer.empty());
        ConfigLayer environmentLayer = EnvironmentLayer.read(environment, schema, problems);
        ConfigLayer merged = ConfigDefaults.layer()
                .overriddenBy(fileLayer)
                .overriddenBy(environmentLayer)
                .overriddenBy(commandLine);
        StreamgateConfig config;
        try {
            // Bound even when unknown keys were found, so that one run reports every problem.
            config = RecordBinder.bind(StreamgateConfig.class, schema, listenerDefaults.apply(merged, schema));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            throw new ConfigException(problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        checkPortsDoNotCollide(config, merged);
        return config;
    }

    private static void checkPortsDoNotCollide(StreamgateConfig config, ConfigLayer merged) {
        int firstBroker = config.brokerPorts().effectiveBase(config.port());
        long lastBroker = (long) firstBroker + config.brokerPorts().maxBrokers() - 1;
        List<String> problems = new ArrayList<>();
        if (lastBroker > 65535) {
            problems.add("brokerPorts.maxBrokers: broker ports " + firstBroker + ".." + lastBroker
                    + " go beyond 65535; lower brokerPorts.maxBrokers or the port (" + merged.origin("brokerPorts.maxBrokers") + ")");
        }
        if (config.adminPort() == config.port()) {
            problems.add("adminPort: " + config.adminPort() + " is also the bootstrap port (" + merged.origin("adminPort") + ")");
        } else if (config.adminPort() >= firstBroker && config.adminPort() <= lastBroker) {
            problems.add("adminPort: " + config.adminPort() + " is within the broker ports " + firstBroker + ".." + lastBroker
                    + " (" + merged.origin("adminPort") + ")");
        }
        if (config.port() >= firstBroker && config.port() <= lastBroker) {
            problems.add("port: " + config.port() + " is within the broker ports " + firstBroker + ".." + lastBroker
                    + " (" + merged.origin("port") + ")");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
