package io.streamgate.app.cli;

import picocli.CommandLine.Command;

/** {@code streamgate delete acl NAME --vcluster V}. */
@Command(name = "acl",
        aliases = "acls",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Deletes the ACL binding NAME of a virtual cluster ('streamgate get acls --vcluster V' lists "
                + "their names); every gateway instance sharing the resource store stops enforcing it.",
        footer = {"", "Exit codes: 0 deleted, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class DeleteAclCommand extends DeleteVirtualClusterResourceCommand {

    @Override
    String collection() {
        return "acls";
    }

    @Override
    String kindName() {
        return "aclbinding";
    }
}
