package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Command;

/** {@code streamgate get alias-topics --vcluster V [NAME]}. */
@Command(name = "alias-topics",
        aliases = "alias-topic",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Without NAME, lists the alias topics of a virtual cluster, by logical name; with NAME, shows that one: "
                    + "the physical topic it shows and whether the tenant may only read it. -o yaml prints documents "
                    + "that 'streamgate apply -f' takes back."},
        footer = {"", "Exit codes: 0 shown, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class GetAliasTopicsCommand extends GetVirtualClusterResourcesCommand {

    @Override
    String collection() {
        return "alias-topics";
    }

    @Override
    String noneFound() {
        return "No alias topics found.";
    }

    @Override
    TextTable table(Iterable<JsonNode> documents) {
        TextTable table = new TextTable("NAME", "PHYSICAL TOPIC", "READ-ONLY", "REVISION", "UPDATED BY");
        for (JsonNode document : documents) {
            table.row(document.at("/metadata/name").asText(), document.at("/spec/physicalTopic").asText(),
                    String.valueOf(document.at("/spec/readOnly").asBoolean(true)),
                    document.at("/metadata/revision").asText(), document.at("/metadata/updatedBy").asText(""));
        }
        return table;
    }
}
