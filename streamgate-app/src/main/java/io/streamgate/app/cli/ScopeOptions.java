package io.streamgate.app.cli;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The scope options of the interceptor commands, sent as the admin API's scope query parameters. */
public final class ScopeOptions {

    @Option(names = "--vcluster", paramLabel = "V", order = 11, description = "Scope: the virtual cluster V.")
    String virtualCluster;

    @Option(names = "--group", paramLabel = "G", order = 12, description = "Scope: the group G (not with --username).")
    String group;

    @Option(names = "--username", paramLabel = "U", order = 13,
            description = "Scope: the user U (not with --group).")
    String username;

    @Option(names = "--global", order = 14, description = "Scope: global (everyone); not with the other scope options.")
    boolean global;

    /** The query parameters, in a stable order; empty when no scope option was given. */
    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("vcluster", virtualCluster);
        query.put("group", group);
        query.put("username", username);
        query.put("global", global ? "true" : null);
        return query;
    }
}
