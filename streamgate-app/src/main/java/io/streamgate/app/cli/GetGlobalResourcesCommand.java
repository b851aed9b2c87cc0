package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import io.streamgate.app.client.JsonPrinter;
import io.streamgate.app.client.OutputFormat;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

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
        Iterable<JsonNode> documents = name != null
                ? List.of(client.get(collection() + "/" + AdminClient.segment(name), java.util.Map.of()).body())
                : client.get(collection(), java.util.Map.of()).body().get("items");
        switch (output) {
            case JSON -> JsonPrinter.json(out, name != null ? documents.iterator().next()
                    : (JsonNode) documents);
            case YAML -> JsonPrinter.resourcesYaml(out, documents);
            case TABLE -> {
                TextTable table = table(documents);
                if (table.isEmpty()) {
                    out.println(noneFound());
                    out.flush();
                } else {
                    table.print(out);
                }
            }
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
