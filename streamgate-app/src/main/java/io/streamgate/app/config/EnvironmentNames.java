package io.streamgate.app.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How configuration keys are named in the environment: {@code STREAMGATE_} followed by the key's path segments in
 * UPPER_SNAKE_CASE, joined by {@code _} ({@code upstream.bootstrapServers} is
 * {@code STREAMGATE_UPSTREAM_BOOTSTRAP_SERVERS}). An entry of an open map such as {@code upstream.properties} is the
 * map's name followed by the entry's name upper-cased with {@code .} replaced by {@code _}
 * ({@code STREAMGATE_UPSTREAM_PROPERTIES_SSL_TRUSTSTORE_LOCATION} is {@code ssl.truststore.location}); entry names
 * are read back lower-cased, which suits Kafka's property names.
 */
public final class EnvironmentNames {

    /** The prefix of every Streamgate environment variable. */
    public static final String PREFIX = "STREAMGATE_";

    private EnvironmentNames() {
    }

    /** The environment variable of the key at {@code path}, e.g. {@code [brokerPorts, minNodeId]}. */
    public static String of(List<String> path) {
        return PREFIX + path.stream().map(EnvironmentNames::upperSnake).collect(Collectors.joining("_"));
    }

    /** The environment variable of one entry of the open map at {@code mapPath}. */
    public static String ofEntry(List<String> mapPath, String entryName) {
        return of(mapPath) + "_" + entryName.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The entry name that an environment variable suffix stands for: {@code SSL_TRUSTSTORE_LOCATION} → {@code ssl.truststore.location}. */
    public static String entryName(String suffix) {
        return suffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** {@code bootstrapServers} → {@code BOOTSTRAP_SERVERS}. */
    static String upperSnake(String camelCase) {
        StringBuilder out = new StringBuilder(camelCase.length() + 4);
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camelCase.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }
}
