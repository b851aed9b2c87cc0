package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import io.streamgate.app.client.JsonPrinter;
import io.streamgate.app.client.OutputFormat;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code streamgate resolve --username U [--vcluster V] [--group G]...}: the chain an identity gets. */
@Command(name = "resolve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Shows the interceptor chain a connection of this identity gets, in order.",
            "The chain of a connection of this user (in these groups and this virtual cluster) on the gateway, in "
                    + "the order it runs on requests (responses run it in reverse): every interceptor whose scope "
                    + "matches, the narrowest scope winning among those of the same name, ordered by priority then "
                    + "name. It comes from the interceptors installed on the gateway that answers."},
        footer = {"", "Examples:",
            "  streamgate resolve --username alice",
            "  streamgate resolve --username alice --vcluster payments --group ops --group auditors",
            "", "Exit codes: 0 shown, 1 refused or no gateway answered, 2 invalid usage."})
public final class ResolveCommand extends AdminApiCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--username", paramLabel = "U", required = true, order = 1, description = "The user.")
    String username;

    @Option(names = "--vcluster", paramLabel = "V", order = 2, description = "The connection's virtual cluster.")
    String virtualCluster;

    @Option(names = "--group", paramLabel = "G", order = 3, description = "A group of the user. Repeatable.")
    List<String> groups = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", order = 20,
            description = "table (default), json or yaml.")
    OutputFormat output = OutputFormat.TABLE;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        ObjectNode request = JSON.createObjectNode();
        request.put("virtualCluster", virtualCluster);
        request.put("username", username);
        ArrayNode groupsNode = request.putArray("groups");
        groups.forEach(groupsNode::add);
        JsonNode chain = client.post("/api/v1/interceptors/resolve", request.toString()).body();
        switch (output) {
            case JSON -> JsonPrinter.json(out, chain);
            case YAML -> JsonPrinter.yaml(out, chain);
            case TABLE -> {
                TextTable table = new TextTable("#", "NAME", "PLUGIN", "PRIORITY", "SCOPE", "TIMEOUT");
                int position = 1;
                for (JsonNode interceptor : chain.get("interceptors")) {
                    table.row(position++, interceptor.path("name").asText(), interceptor.path("plugin").asText(),
                            interceptor.path("priority").asText(), CliText.scope(interceptor.get("scope")),
                            interceptor.path("timeout").asText());
                }
                if (table.isEmpty()) {
                    out.println("No interceptors apply to " + username + ".");
                    out.flush();
                } else {
                    table.print(out);
                }
            }
        }
        return 0;
    }
}
