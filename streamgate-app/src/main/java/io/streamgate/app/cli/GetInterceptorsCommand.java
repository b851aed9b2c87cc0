package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import io.streamgate.app.client.OutputFormat;
import io.streamgate.app.client.TextTable;
import io.streamgate.state.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code streamgate get interceptors [NAME]}. */
@Command(name = "interceptors",
        aliases = "interceptor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Without NAME, lists the interceptors stored in the gateway's resource store, ordered by name then "
                    + "scope (global first); the scope options keep those whose scope has every part given "
                    + "(--global: global ones only).",
            "With NAME, shows that interceptor: in the scope the options name, or, without them, in the only scope "
                    + "that has it (when several do, the gateway lists them and a scope option picks one).",
            "-o yaml prints resource documents that 'streamgate apply -f' takes back."},
        footer = {"", "Exit codes: 0 shown, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class GetInterceptorsCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "An interceptor's name.")
    String name;

    @Mixin
    ScopeOptions scope;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", order = 20,
            description = "table (default), json or yaml.")
    OutputFormat output = OutputFormat.TABLE;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        if (name != null) {
            JsonNode document = client.get("/api/v1/interceptors/" + AdminClient.segment(name), scope.query()).body();
            ResourceOutput.one(out, output, document, GetInterceptorsCommand::table);
        } else {
            ResourceOutput.list(out, output, client.get("/api/v1/interceptors", scope.query()).body().get("items"),
                    GetInterceptorsCommand::table, "No interceptors found.");
        }
        return 0;
    }

    private static TextTable table(Iterable<JsonNode> documents) {
        TextTable table = new TextTable("NAME", "SCOPE", "PLUGIN", "PRIORITY", "TIMEOUT", "REVISION", "UPDATED BY");
        for (JsonNode document : documents) {
            Resource resource = CliText.resource(document);
            JsonNode spec = document.get("spec");
            table.row(resource.metadata().name(), resource.metadata().scope(), spec.path("plugin").asText(),
                    spec.path("priority").asText("100"), spec.path("timeout").asText("10s"),
                    resource.metadata().revision(), resource.metadata().updatedBy());
        }
        return table;
    }
}
