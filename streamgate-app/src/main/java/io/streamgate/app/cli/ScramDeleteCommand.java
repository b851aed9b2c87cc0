package io.streamgate.app.cli;

import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Map;

/** {@code streamgate scram delete NAME --mechanism M}. */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Removes the SCRAM credentials of the service account NAME for one mechanism: it can no longer "
                + "authenticate with that mechanism.",
        footer = {"", "Exit codes: 0 removed, 1 none set, refused or no gateway answered, 2 invalid usage."})
public final class ScramDeleteCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", description = "The service account.")
    String name;

    @Option(names = "--mechanism", paramLabel = "MECHANISM", required = true, order = 1,
            description = "SCRAM-SHA-256 or SCRAM-SHA-512.")
    String mechanism;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        client.delete("/api/v1/service-accounts/" + AdminClient.segment(name) + "/scram-credentials/"
                + AdminClient.segment(mechanism), Map.of());
        out.println("serviceaccount/" + name + ": " + mechanism + " credentials removed");
        out.flush();
        return 0;
    }
}
