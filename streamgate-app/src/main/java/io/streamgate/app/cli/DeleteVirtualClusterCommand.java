package io.streamgate.app.cli;

import picocli.CommandLine.Command;

/** {@code streamgate delete virtual-cluster NAME}. */
@Command(name = "virtual-cluster",
        aliases = "virtual-clusters",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Deletes the virtual cluster NAME, once no alias topic, ACL binding or service account refers to "
                + "it (the gateway names those that still do). Its topics stay on the physical cluster.",
        footer = {"", "Exit codes: 0 deleted, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class DeleteVirtualClusterCommand extends DeleteGlobalResourceCommand {

    @Override
    String collection() {
        return "/api/v1/virtual-clusters";
    }

    @Override
    String kindName() {
        return "virtualcluster";
    }
}
