package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Command;

/** {@code streamgate get virtual-clusters [NAME]}. */
@Command(name = "virtual-clusters",
        aliases = "virtual-cluster",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Without NAME, lists the virtual clusters of the gateway's resource store, by name; with NAME, shows that "
                    + "one: the prefix of its topics, groups and transactional ids on the physical cluster, whether "
                    + "its ACLs are enforced, its super users and whether it is read-only. -o yaml prints documents "
                    + "that 'streamgate apply -f' takes back."},
        footer = {"", "Exit codes: 0 shown, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class GetVirtualClustersCommand extends GetGlobalResourcesCommand {

    @Override
    String collection() {
        return "/api/v1/virtual-clusters";
    }

    @Override
    String noneFound() {
        return "No virtual clusters found.";
    }

    @Override
    TextTable table(Iterable<JsonNode> documents) {
        TextTable table = new TextTable("NAME", "PREFIX", "ACLS", "SUPER USERS", "READ-ONLY", "REVISION",
                "UPDATED BY");
        for (JsonNode document : documents) {
            String name = document.at("/metadata/name").asText();
            table.row(name, document.at("/spec/prefix").asText(name + "."),
                    document.at("/spec/acls/enabled").asBoolean(false) ? "enabled" : "off",
                    joined(document.at("/spec/superUsers")), String.valueOf(document.at("/spec/readOnly")
                            .asBoolean(false)), document.at("/metadata/revision").asText(),
                    document.at("/metadata/updatedBy").asText(""));
        }
        return table;
    }
}
