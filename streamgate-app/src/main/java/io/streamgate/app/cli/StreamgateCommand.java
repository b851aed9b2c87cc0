package io.streamgate.app.cli;

import io.streamgate.app.config.ConfigException;
import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.StreamgateConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * The {@code streamgate} command. Without a subcommand it does what {@code run} does; {@code apply}, {@code get},
 * {@code delete} and {@code resolve} talk to a running gateway's admin API. Exit codes: 1 when startup fails (or, for
 * the admin commands, when the gateway refuses or does not answer), 2 for invalid configuration or usage; after a
 * signal-driven clean stop the JVM's own (143 for SIGTERM).
 */
@Command(name = "streamgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, ApplyCommand.class, GetCommand.class, DeleteCommand.class,
            ResolveCommand.class, TokenCommand.class, ScramCommand.class, RevokeTokensCommand.class},
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Streamgate: a Kafka gateway. Clients connect to the gateway instead of Kafka and change "
                + "nothing but their bootstrap address. Without a command, runs 'run'. apply, get, delete and "
                + "resolve manage a running gateway's interceptors, service accounts and groups through its admin "
                + "API; token, scram and revoke-tokens manage the credentials of its service accounts (see their "
                + "--help).")
public final class StreamgateCommand implements Callable<Integer> {

    /** Exit code for invalid configuration, the same picocli uses for invalid usage. */
    public static final int EXIT_CONFIGURATION_ERROR = 2;

    @Mixin
    RunOptions options;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private final ToIntFunction<StreamgateConfig> application;

    /**
     * @param environment the process environment, usually {@link System#getenv()}
     * @param application runs Streamgate with the resolved configuration and returns the exit code
     */
    public StreamgateCommand(Map<String, String> environment, ToIntFunction<StreamgateConfig> application) {
        this.environment = Map.copyOf(environment);
        this.application = Objects.requireNonNull(application, "application");
    }

    /** The command line to execute, with the generated configuration help as the footer of the top and run commands. */
    public static CommandLine commandLine(Map<String, String> environment, ToIntFunction<StreamgateConfig> application) {
        CommandLine commandLine = new CommandLine(new StreamgateCommand(environment, application));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        String[] footer = ConfigurationHelp.footerForPicocli();
        commandLine.getCommandSpec().usageMessage().footer(footer);
        commandLine.getSubcommands().get("run").getCommandSpec().usageMessage().footer(footer);
        // A mistyped option gets the error and a suggestion, not three screens of help.
        commandLine.setParameterExceptionHandler(StreamgateCommand::reportUsageError);
        return commandLine;
    }

    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("streamgate: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The environment the command was given, for the subcommands. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public Integer call() {
        return run(null);
    }

    /**
     * @param runOptions the options given after {@code run}, which override those given before it; null without
     *     the {@code run} command
     */
    int run(RunOptions runOptions) {
        ConfigLayer commandLine = options.toLayer();
        Optional<Path> configFile = options.configFile();
        if (runOptions != null) {
            commandLine = commandLine.overriddenBy(runOptions.toLayer());
            configFile = runOptions.configFile().or(options::configFile);
        }
        StreamgateConfig config;
        try {
            config = new ConfigLoader(environment).load(configFile, commandLine);
        } catch (ConfigException e) {
            PrintWriter err = spec.commandLine().getErr();
            if (e.problems().size() == 1) {
                err.println("streamgate: configuration error: " + e.problems().get(0));
            } else {
                err.println("streamgate: configuration errors:");
                e.problems().forEach(problem -> err.println("  " + problem));
            }
            err.flush();
            return EXIT_CONFIGURATION_ERROR;
        }
        return application.applyAsInt(config);
    }
}
