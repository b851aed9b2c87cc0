package io.streamgate.app.cli;

import picocli.CommandLine.Command;

/** {@code streamgate delete service-account NAME}. */
@Command(name = "service-account",
        aliases = "service-accounts",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Deletes the service account NAME and the credentials the gateway holds for it (SCRAM, token "
                + "revocation). Its clients can no longer authenticate on new connections.",
        footer = {"", "Exit codes: 0 deleted, 1 not found, refused or no gateway answered, 2 invalid usage."})
public final class DeleteServiceAccountCommand extends DeleteGlobalResourceCommand {

    @Override
    String collection() {
        return "/api/v1/service-accounts";
    }

    @Override
    String kindName() {
        return "serviceaccount";
    }
}
