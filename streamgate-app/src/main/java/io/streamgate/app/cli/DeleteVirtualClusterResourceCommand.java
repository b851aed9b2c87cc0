package io.streamgate.app.cli;

import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Map;

/** {@code streamgate delete KIND NAME --vcluster V} for the resources of a virtual cluster (alias topics, ACLs). */
abstract class DeleteVirtualClusterResourceCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", description = "The name.")
    String name;

    @Option(names = "--vcluster", paramLabel = "V", required = true, order = 11,
            description = "The virtual cluster it belongs to.")
    String virtualCluster;

    /** The collection under the virtual cluster's path, e.g. {@code alias-topics}. */
    abstract String collection();

    /** How the output names the kind, e.g. {@code aliastopic}. */
    abstract String kindName();

    @Override
    final int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        client.delete("/api/v1/virtual-clusters/" + AdminClient.segment(virtualCluster) + "/" + collection() + "/"
                + AdminClient.segment(name), Map.of());
        out.println(kindName() + "/" + name + " (vcluster=" + virtualCluster + ") deleted");
        out.flush();
        return 0;
    }
}
