package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import io.streamgate.app.client.OutputFormat;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code streamgate get KINDS [NAME]} for a kind of global resources (service accounts, groups): without NAME the
 * list, with NAME that one; as a table, JSON, or YAML documents that {@code apply -f} takes back.
 */
abstract class GetGlobalResourcesCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "A name; without it, all of them.")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", order = 20,
            description = "table (default), json or yaml.")
    OutputFormat output = OutputFormat.TABLE;

    /** The collection's path, e.g. {@code /api/v1/groups}. */
    abstract String collection();

    /** What the table says when there is none, e.g. {@code No groups found.} */
    abstract String noneFound();

    /** The table of these documents. */
    abstract TextTable table(Iterable<JsonNode> documents);

    @Override
    final int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        if (name != null) {
            ResourceOutput.one(out, output, client.get(collection() + "/" + AdminClient.segment(name), Map.of()).body(),
                    this::table);
        } else {
            ResourceOutput.list(out, output, client.get(collection(), Map.of()).body().get("items"), this::table,
                    noneFound());
        }
        return 0;
    }

    /** The texts of a list field, comma-separated. */
    static String joined(JsonNode list) {
        StringBuilder text = new StringBuilder();
        list.forEach(item -> text.append(text.isEmpty() ? "" : ",").append(item.asText()));
        return text.toString();
    }
}
