package io.streamgate.api;

/**
 * A kind of interceptor: the factory the gateway finds with {@link java.util.ServiceLoader}, on its class
 * path and in jars dropped into its {@code plugins/} directory. Register an implementation in
 * {@code META-INF/services/io.streamgate.api.InterceptorPlugin}.
 *
 * <p>Operators create interceptor resources that name a plugin by {@link #id()} and give it a configuration,
 * which the gateway validates against {@link #configSchema()} before calling {@link #create}. Implementations
 * need a public no-argument constructor and must be thread-safe.
 */
public interface InterceptorPlugin {

    /** A stable short id, lower case with dashes, e.g. {@code inject-headers}. Never change it. */
    String id();

    /** A few words for people, e.g. "Inject headers". */
    String title();

    /** What the plugin does, in a sentence or two. */
    String description();

    /** The plugin's version. The default reads the jar manifest's Implementation-Version. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "unversioned" : version;
    }

    /**
     * A JSON Schema (draft 2020-12) for the configuration, as JSON text. The gateway rejects configurations
     * that do not conform before calling {@link #create}, naming the offending field.
     */
    String configSchema();

    /**
     * Creates an interceptor from a configuration that conforms to {@link #configSchema()}, with
     * {@code ${VAR}} references already replaced by environment variables.
     *
     * @throws InvalidConfigException if the configuration is valid JSON Schema-wise but unusable (say, a
     *     regular expression that does not compile); its field and message reach the operator
     */
    Interceptor create(PluginConfig config, PluginContext context);
}
