package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Command;

/** {@code streamgate get groups [NAME]}. */
@Command(name = "groups",
        aliases = "group",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Without NAME, lists the groups of the gateway's resource store, by name; with NAME, shows that one: its "
                    + "members (service accounts) and the external group names (e.g. from a JWT claim) that belong "
                    + "to it. -o yaml prints documents that 'streamgate apply -f' takes back."},
        footer = {"", "Exit codes: 0 shown, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class GetGroupsCommand extends GetGlobalResourcesCommand {

    @Override
    String collection() {
        return "/api/v1/groups";
    }

    @Override
    String noneFound() {
        return "No groups found.";
    }

    @Override
    TextTable table(Iterable<JsonNode> documents) {
        TextTable table = new TextTable("NAME", "MEMBERS", "EXTERNAL GROUPS", "REVISION", "UPDATED BY");
        for (JsonNode document : documents) {
            table.row(document.at("/metadata/name").asText(), joined(document.at("/spec/members")),
                    joined(document.at("/spec/externalGroups")), document.at("/metadata/revision").asText(),
                    document.at("/metadata/updatedBy").asText(""));
        }
        return table;
    }
}
