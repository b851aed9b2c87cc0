package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.TextTable;
import picocli.CommandLine.Command;

/** {@code streamgate get acls --vcluster V [NAME]}. */
@Command(name = "acls",
        aliases = "acl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Without NAME, lists the ACL bindings of a virtual cluster, by name; with NAME, shows that one: who "
                    + "(principal, host) is allowed or denied which operation on which resources (logical names). "
                    + "-o yaml prints documents that 'streamgate apply -f' takes back."},
        footer = {"", "Exit codes: 0 shown, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class GetAclsCommand extends GetVirtualClusterResourcesCommand {

    @Override
    String collection() {
        return "acls";
    }

    @Override
    String noneFound() {
        return "No ACL bindings found.";
    }

    @Override
    TextTable table(Iterable<JsonNode> documents) {
        TextTable table = new TextTable("NAME", "PRINCIPAL", "HOST", "PERMISSION", "OPERATION", "RESOURCE TYPE",
                "PATTERN", "RESOURCE NAME", "UPDATED BY");
        for (JsonNode document : documents) {
            JsonNode spec = document.get("spec");
            table.row(document.at("/metadata/name").asText(), spec.path("principal").asText(),
                    spec.path("host").asText("*"), spec.path("permission").asText(), spec.path("operation").asText(),
                    spec.path("resourceType").asText(), spec.path("patternType").asText(),
                    spec.path("resourceName").asText(), document.at("/metadata/updatedBy").asText(""));
        }
        return table;
    }
}
