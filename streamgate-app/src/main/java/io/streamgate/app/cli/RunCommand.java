package io.streamgate.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * {@code streamgate run}: what {@code streamgate} does without a command. It takes the top command's options too, before
 * or after its name; those after it win.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Starts the gateway in the foreground (and the embedded Kafka when no upstream is given) "
                + "and runs until stopped by a signal (Ctrl-C, SIGTERM).")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private StreamgateCommand streamgate;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return streamgate.run(options);
    }
}
