package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.JsonPrinter;
import io.streamgate.app.client.OutputFormat;
import io.streamgate.app.client.TextTable;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * How the {@code get} commands print resource documents: a table, JSON as the API answered it, or YAML documents that
 * {@code apply -f} takes back.
 */
final class ResourceOutput {

    private ResourceOutput() {
    }

    /** One resource, as {@code get KIND NAME} prints it. */
    static void one(PrintWriter out, OutputFormat output, JsonNode document,
                    Function<Iterable<JsonNode>, TextTable> table) {
        switch (output) {
            case JSON -> JsonPrinter.json(out, document);
            case YAML -> JsonPrinter.resourcesYaml(out, List.of(document));
            case TABLE -> table.apply(List.of(document)).print(out);
        }
    }

    /** A list of resources (a JSON array), as {@code get KINDS} prints it; {@code noneFound} for an empty table. */
    static void list(PrintWriter out, OutputFormat output, JsonNode items, Function<Iterable<JsonNode>, TextTable> table,
                     String noneFound) {
        switch (output) {
            case JSON -> JsonPrinter.json(out, items);
            case YAML -> JsonPrinter.resourcesYaml(out, items);
            case TABLE -> {
                TextTable rows = table.apply(items);
                if (rows.isEmpty()) {
                    out.println(noneFound);
                    out.flush();
                } else {
                    rows.print(out);
                }
            }
        }
    }
}
