package io.streamgate.app.cli;

import picocli.CommandLine.Command;

/** {@code streamgate delete group NAME}. */
@Command(name = "group",
        aliases = "groups",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Deletes the group NAME. Connections no longer count as its members.",
        footer = {"", "Exit codes: 0 deleted, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class DeleteGroupCommand extends DeleteGlobalResourceCommand {

    @Override
    String collection() {
        return "/api/v1/groups";
    }

    @Override
    String kindName() {
        return "group";
    }
}
