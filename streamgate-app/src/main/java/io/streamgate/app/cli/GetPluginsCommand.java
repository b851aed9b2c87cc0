package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import io.streamgate.app.client.JsonPrinter;
import io.streamgate.app.client.OutputFormat;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code streamgate get plugins [ID]}. */
@Command(name = "plugins",
        aliases = "plugin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Lists the interceptor plugins the gateway can run (built in, or from its plugins directory), "
                + "or shows one by ID. -o json and -o yaml include each plugin's configuration schema.",
        footer = {"", "Exit codes: 0 shown, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class GetPluginsCommand extends AdminApiCommand {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A plugin id, e.g. inject-headers.")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", order = 20,
            description = "table (default), json or yaml.")
    OutputFormat output = OutputFormat.TABLE;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        JsonNode answer = id == null ? client.get("/api/v1/plugins", Map.of()).body().get("items")
                : client.get("/api/v1/plugins/" + AdminClient.segment(id), Map.of()).body();
        switch (output) {
            case JSON -> JsonPrinter.json(out, answer);
            case YAML -> JsonPrinter.yaml(out, answer);
            case TABLE -> {
                TextTable table = new TextTable("ID", "VERSION", "SOURCE", "TITLE");
                for (JsonNode plugin : id == null ? answer : List.of(answer)) {
                    table.row(plugin.path("id").asText(), plugin.path("version").asText(),
                            plugin.path("source").asText(), plugin.path("title").asText());
                }
                if (table.isEmpty()) {
                    out.println("No plugins found.");
                    out.flush();
                } else {
                    table.print(out);
                }
            }
        }
        return 0;
    }
}
