package io.streamgate.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code streamgate scram set|delete}: the SCRAM credentials the gateway holds for local service accounts. */
@Command(name = "scram",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        subcommands = {ScramSetCommand.class, ScramDeleteCommand.class},
        description = "Sets or removes the SCRAM-SHA-256 / SCRAM-SHA-512 credentials of a LOCAL service account. The "
                + "gateway keeps only what Kafka's SCRAM needs (salt, stored key, server key, iterations), never the "
                + "password.",
        footer = {"", "Examples:",
            "  printf '%s' \"$PASSWORD\" | streamgate scram set orders-app --mechanism SCRAM-SHA-512 --password-stdin",
            "  streamgate scram set orders-app --mechanism SCRAM-SHA-256 --password-env ORDERS_PASSWORD",
            "  streamgate scram delete orders-app --mechanism SCRAM-SHA-256"})
public final class ScramCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing what to do: set or delete");
    }
}
