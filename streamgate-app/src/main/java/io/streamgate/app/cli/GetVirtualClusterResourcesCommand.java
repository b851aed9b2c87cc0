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
 * {@code streamgate get KINDS --vcluster V [NAME]} for the resources of a virtual cluster (alias topics, ACL
 * bindings): without NAME the list, with NAME that one; as a table, JSON, or YAML documents that {@code apply -f}
 * takes back.
 */
abstract class GetVirtualClusterResourcesCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "A name; without it, all of them.")
    String name;

    @Option(names = "--vcluster", paramLabel = "V", required = true, order = 11,
            description = "The virtual cluster they belong to.")
    String virtualCluster;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", order = 20,
            description = "table (default), json or yaml.")
    OutputFormat output = OutputFormat.TABLE;

    /** The collection under the virtual cluster's path, e.g. {@code alias-topics}. */
    abstract String collection();

    /** What the table says when there is none, e.g. {@code No alias topics found.} */
    abstract String noneFound();

    /** The table of these documents. */
    abstract TextTable table(Iterable<JsonNode> documents);

    @Override
    final int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        String path = "/api/v1/virtual-clusters/" + AdminClient.segment(virtualCluster) + "/" + collection();
        if (name != null) {
            ResourceOutput.one(out, output, client.get(path + "/" + AdminClient.segment(name), Map.of()).body(),
                    this::table);
        } else {
            ResourceOutput.list(out, output, client.get(path, Map.of()).body().get("items"), this::table,
                    noneFound());
        }
        return 0;
    }
}
