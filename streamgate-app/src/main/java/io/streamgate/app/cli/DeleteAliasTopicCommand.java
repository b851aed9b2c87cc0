package io.streamgate.app.cli;

import picocli.CommandLine.Command;

/** {@code streamgate delete alias-topic NAME --vcluster V}. */
@Command(name = "alias-topic",
        aliases = "alias-topics",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Deletes the alias topic NAME of a virtual cluster: the tenant no longer sees the physical "
                + "topic, which stays.",
        footer = {"", "Exit codes: 0 deleted, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class DeleteAliasTopicCommand extends DeleteVirtualClusterResourceCommand {

    @Override
    String collection() {
        return "alias-topics";
    }

    @Override
    String kindName() {
        return "aliastopic";
    }
}
