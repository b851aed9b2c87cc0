package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.config.ConfigDefaults;
import io.streamgate.app.config.ConfigKey;
import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.ConfigSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The help footer that documents configuration sources, their precedence and every environment variable. The table
 * is generated from {@link ConfigSchema} and {@link ConfigDefaults}, so a new key appears without editing it.
 */
final class ConfigurationHelp {

    static final int WIDTH = 100;
    private static final int ENV_COLUMN = 46;
    private static final int KEY_COLUMN = 33;
    private static final String ROW = "  %-" + ENV_COLUMN + "s %-" + KEY_COLUMN + "s %s";

    private ConfigurationHelp() {
    }

    /** The footer, as plain text lines. */
    static List<String> footer() {
        ConfigSchema schema = ConfigSchema.streamgate();
        ConfigLayer defaults = ConfigDefaults.layer();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Configuration:");
        lines.add("  Each key is taken from the first of these that sets it (precedence flag > env > file > default):");
        lines.add("    1. a command-line option   2. an environment variable   3. the YAML file (--config FILE or");
        lines.add("    STREAMGATE_CONFIG)   4. the default. upstream.properties merges property by property.");
        lines.add("  Environment variables are STREAMGATE_ and the YAML key path in UPPER_SNAKE_CASE:");
        lines.add("");
        lines.add(String.format(ROW, "Environment variable", "YAML key", "Default").stripTrailing());
        for (ConfigKey key : schema.keys()) {
            if (key.isOpenMap()) {
                String example = exampleEntry(key);
                lines.add(String.format(ROW, key.environmentVariable() + "_<NAME>", key.name() + ".<name>", "")
                        .stripTrailing());
                lines.add("      NAME is the Kafka property upper-cased with '.' replaced by '_', e.g.");
                lines.add("      " + key.environmentVariable() + "_" + example.toUpperCase(Locale.ROOT).replace('.', '_')
                        + " sets " + example);
                continue;
            }
            String defaultText = key.derivedDefault().orElseGet(() -> defaultOf(defaults, key));
            String row = String.format(ROW, key.environmentVariable(), key.name(), defaultText);
            if (key.environmentVariable().length() >= ENV_COLUMN || key.name().length() >= KEY_COLUMN) {
                // Too long for the columns: one line each, so that picocli does not wrap a name in two.
                lines.add("  " + key.environmentVariable());
                lines.add("      key: " + key.name() + ", default: " + defaultText);
            } else if (row.length() > WIDTH) {
                lines.add(String.format(ROW, key.environmentVariable(), key.name(), "").stripTrailing());
                lines.add("      default: " + defaultText);
            } else {
                lines.add(row);
            }
        }
        lines.add(String.format(ROW, ConfigLoader.CONFIG_FILE_VARIABLE, "the YAML file, when --config is not given", ""));
        lines.add(String.format(ROW, "STREAMGATE_JAVA_OPTS", "JVM options for bin/streamgate", "-Xms512m -Xmx1g")
                .stripTrailing());
        lines.add("");
        lines.add("  Durations: 500ms, 10s, 2m, 1h or ISO-8601 (PT10S). Lists: comma-separated.");
        lines.add("  Strings in the YAML file may reference environment variables as ${VAR}, to keep secrets out of");
        lines.add("  the file; an unset VAR is an error, and a doubled $ before { stands for a literal dollar sign.");
        lines.add("  An unknown STREAMGATE_* variable or YAML key is an error.");
        lines.add("  admin.tokens and admin.users are lists; in the YAML file:");
        lines.add("    admin: {tokens: [{name: ci, token: ${CI_TOKEN}, role: admin}],");
        lines.add("            users: [{name: alice, password: ${ALICE_PASSWORD}, role: viewer}]}");
        lines.add("  and the same list as YAML or JSON text in STREAMGATE_ADMIN_TOKENS / STREAMGATE_ADMIN_USERS.");
        lines.add("  Roles: admin (read and write), viewer (read only). With neither, a token is generated in");
        lines.add("  <dataDir>/admin-token on first start, and the streamgate commands on this machine use it.");
        lines.add("  The top-level port, bind, advertisedHost, brokerPorts, securityProtocol, tls, routing, sni and");
        lines.add("  authentication keys are the listener named 'default'. More listeners are a list of the same");
        lines.add("  keys with a name (bind and advertisedHost default to the top-level ones); in the YAML file:");
        lines.add("    listeners: [{name: external, port: 9093, securityProtocol: ssl,");
        lines.add("                 tls: {ssl.keystore.location: /etc/gw/server.p12, ssl.keystore.password: ${PW}}}]");
        lines.add("  and the same list as YAML or JSON text in STREAMGATE_LISTENERS.");
        lines.add("");
        lines.add("Exit codes: 1 failed to start, 2 invalid configuration or usage, 0 for --help and --version.");
        lines.add("Stopped by SIGTERM or Ctrl-C, it shuts down cleanly and exits as the JVM does (143 or 130).");
        return lines;
    }

    /** The footer with picocli's markup characters escaped, since picocli interpolates and formats footers. */
    static String[] footerForPicocli() {
        return footer().stream()
                .map(line -> line.replace("%", "%%").replace("${", "$${"))
                .toArray(String[]::new);
    }

    /** A Kafka property that fits the open map, for the example. */
    private static String exampleEntry(ConfigKey key) {
        return switch (key.name()) {
            case "tls" -> "ssl.keystore.location";
            case "authentication.oauthBearer" -> "sasl.oauthbearer.jwks.endpoint.url";
            default -> "ssl.truststore.location";
        };
    }

    private static String defaultOf(ConfigLayer defaults, ConfigKey key) {
        JsonNode value = defaults.value(key).orElse(null);
        if (value == null || value.isNull() || value.isContainerNode() && value.isEmpty()) {
            return switch (key.name()) {
                case "upstream.bootstrapServers" -> "none (the embedded Kafka is used)";
                case "admin.tokens", "admin.users", "listeners" -> "none (see below)";
                case "tokens.signingKey" -> "generated into <dataDir>/token-signing-key";
                default -> "none";
            };
        }
        return value.asText();
    }
}
