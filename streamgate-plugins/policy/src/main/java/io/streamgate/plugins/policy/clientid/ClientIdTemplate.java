package io.streamgate.plugins.policy.clientid;

import io.streamgate.api.ConnectionInfo;
import io.streamgate.api.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client id an OVERRIDE gives a connection, e.g. {@code {{user}}-{{clientIp}}}: text with placeholders for what the
 * gateway knows of the connection, {@code {{clientId}}} (the client's own), {@code {{user}}} (the principal),
 * {@code {{serviceAccount}}}, {@code {{clientIp}}}, {@code {{listener}}} and {@code {{virtualCluster}}}; one that is
 * absent expands to the empty string. Parsed once, at configuration time; immutable.
 */
final class ClientIdTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]*)\\s*}}");

    private final String template;
    /** Literal text and placeholder values, in order. */
    private final List<Function<ConnectionInfo, String>> parts;

    private ClientIdTemplate(String template, List<Function<ConnectionInfo, String>> parts) {
        this.template = template;
        this.parts = parts;
    }

    /**
     * Parses {@code template}.
     *
     * @param field the configuration field it comes from, named by errors
     * @throws InvalidConfigException naming an unknown placeholder
     */
    static ClientIdTemplate parse(String field, String template) {
        List<Function<ConnectionInfo, String>> parts = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int literalFrom = 0;
        while (placeholder.find()) {
            String literal = template.substring(literalFrom, placeholder.start());
            if (!literal.isEmpty()) {
                parts.add(connection -> literal);
            }
            parts.add(value(field, placeholder.group(1)));
            literalFrom = placeholder.end();
        }
        String rest = template.substring(literalFrom);
        if (!rest.isEmpty()) {
            parts.add(connection -> rest);
        }
        return new ClientIdTemplate(template, List.copyOf(parts));
    }

    private static Function<ConnectionInfo, String> value(String field, String name) {
        return switch (name) {
            case "clientId" -> ConnectionInfo::clientId;
            case "user" -> ConnectionInfo::principal;
            case "serviceAccount" -> connection -> connection.serviceAccount().orElse("");
            case "clientIp" -> connection -> connection.clientAddress().getAddress().getHostAddress();
            case "listener" -> ConnectionInfo::listener;
            case "virtualCluster" -> connection -> connection.virtualCluster().orElse("");
            default -> throw new InvalidConfigException(field, "unknown placeholder {{" + name + "}}, expected "
                    + "{{clientId}}, {{user}}, {{serviceAccount}}, {{clientIp}}, {{listener}} or {{virtualCluster}}");
        };
    }

    /** The client id for {@code connection}. */
    String expand(ConnectionInfo connection) {
        StringBuilder clientId = new StringBuilder();
        for (Function<ConnectionInfo, String> part : parts) {
            clientId.append(part.apply(connection));
        }
        return clientId.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
