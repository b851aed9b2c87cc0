package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

/** {@code streamgate get service-accounts [NAME]}. */
@Command(name = "service-accounts",
        aliases = "service-account",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Without NAME, lists the service accounts of the gateway's resource store, by name; with NAME, shows that "
                    + "one.",
            "The table shows each account's type (LOCAL or EXTERNAL), the principal an EXTERNAL account stands for, "
                    + "the SCRAM mechanisms the gateway holds credentials for (never the credentials), and since when "
                    + "its tokens are valid after a revocation. -o yaml prints documents that 'streamgate apply -f' "
                    + "takes back."},
        footer = {"", "Exit codes: 0 shown, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class GetServiceAccountsCommand extends GetGlobalResourcesCommand {

    @Override
    String collection() {
        return "/api/v1/service-accounts";
    }

    @Override
    String noneFound() {
        return "No service accounts found.";
    }

    @Override
    TextTable table(Iterable<JsonNode> documents) {
        TextTable table = new TextTable("NAME", "TYPE", "PRINCIPAL", "SCRAM", "TOKENS NOT BEFORE", "REVISION",
                "UPDATED BY");
        for (JsonNode document : documents) {
            List<String> mechanisms = new ArrayList<>();
            document.at("/status/scram").fieldNames().forEachRemaining(mechanisms::add);
            table.row(document.at("/metadata/name").asText(), document.at("/spec/type").asText(),
                    document.at("/spec/principal").asText(""), String.join(",", mechanisms),
                    document.at("/status/tokensNotBefore").asText(""), document.at("/metadata/revision").asText(),
                    document.at("/metadata/updatedBy").asText(""));
        }
        return table;
    }
}
