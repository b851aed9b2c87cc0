package io.streamgate.app.cli;

import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Map;

/** {@code streamgate delete KIND NAME} for a kind of global resources (service accounts, groups). */
abstract class DeleteGlobalResourceCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", description = "The name.")
    String name;

    /** The collection's path, e.g. {@code /api/v1/groups}. */
    abstract String collection();

    /** How the output names the kind, e.g. {@code group}. */
    abstract String kindName();

    @Override
    final int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        client.delete(collection() + "/" + AdminClient.segment(name), Map.of());
        out.println(kindName() + "/" + name + " deleted");
        out.flush();
        return 0;
    }
}
