package io.streamgate.app.cli;

import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code streamgate delete interceptor NAME [scope options]}. */
@Command(name = "interceptor",
        aliases = "interceptors",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Deletes the interceptor NAME: in the scope the options name, or, without them, in the only "
                + "scope that has it (when several do, nothing is deleted and the gateway lists them). Every gateway "
                + "instance sharing the resource store removes it from its connections' chains.",
        footer = {"", "Exit codes: 0 deleted, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class DeleteInterceptorCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", description = "The interceptor's name.")
    String name;

    @Mixin
    ScopeOptions scope;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        client.delete("/api/v1/interceptors/" + AdminClient.segment(name), scope.query());
        out.println("interceptor/" + name + " deleted");
        out.flush();
        return 0;
    }
}
