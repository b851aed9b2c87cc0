package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code streamgate token --service-account NAME [--lifetime 24h]}: mints a gateway token through the admin API and
 * prints it alone on standard output (its expiry goes to standard error), so that it can be captured:
 * {@code TOKEN=$(streamgate token --service-account orders-app)}.
 */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Mints a token for a LOCAL service account: its password over SASL/PLAIN, with the account's name as the "
                    + "username. The token is signed by the gateway (every instance sharing the signing key accepts "
                    + "it) and expires after the lifetime.",
            "Only the token is printed on standard output; when it expires goes to standard error. The gateway "
                    + "never stores, logs or shows it again: keep it in a secret store. 'streamgate revoke-tokens' "
                    + "revokes every token of an account."},
        footer = {"", "Examples:",
            "  streamgate token --service-account orders-app",
            "  TOKEN=$(streamgate token --service-account orders-app --lifetime 30d)",
            "", "Exit codes: 0 minted, 1 refused (unknown or EXTERNAL account, lifetime too long) or no gateway "
                + "answered, 2 invalid usage."})
public final class TokenCommand extends AdminApiCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--service-account", paramLabel = "NAME", required = true, order = 1,
            description = "The LOCAL service account the token authenticates.")
    String serviceAccount;

    @Option(names = "--lifetime", paramLabel = "DURATION", order = 2,
            description = "How long the token is valid: 30m, 24h, 30d or ISO-8601 (PT24H). Default 24h, at most the "
                    + "gateway's tokens.maxLifetime.")
    String lifetime;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        ObjectNode request = JSON.createObjectNode();
        request.put("serviceAccount", serviceAccount);
        if (lifetime != null) {
            request.put("lifetime", lifetime);
        }
        JsonNode minted = client.post("/api/v1/tokens", request.toString()).body();
        out.println(minted.get("token").asText());
        out.flush();
        err.println("token for service account " + serviceAccount + ", id " + minted.get("tokenId").asText()
                + ", expires at " + minted.get("expiresAt").asText());
        err.flush();
        return 0;
    }
}
