package io.streamgate.app.cli;

import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code streamgate revoke-tokens NAME}: every token the service account was given so far stops working. */
@Command(name = "revoke-tokens",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Revokes every token minted so far for the LOCAL service account NAME: from now on the gateway "
                + "refuses tokens issued before this moment (new connections and re-authentications). Tokens minted "
                + "afterwards work.",
        footer = {"", "Exit codes: 0 revoked, 1 refused or no gateway answered, 2 invalid usage."})
public final class RevokeTokensCommand extends AdminApiCommand {

    @Parameters(paramLabel = "NAME", description = "The service account.")
    String name;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        String notBefore = client.post("/api/v1/service-accounts/" + AdminClient.segment(name) + "/revoke-tokens", "")
                .body().get("tokensNotBefore").asText();
        out.println("serviceaccount/" + name + ": tokens issued before " + notBefore + " revoked");
        out.flush();
        return 0;
    }
}
