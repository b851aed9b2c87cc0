package io.streamgate.app.cli;

import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command that talks to a running gateway's admin API. Exit codes: 0 done, 1 when the gateway refused or did not
 * answer (the message says why: the server's error text, or "no gateway answering at URL"), 2 for invalid usage.
 */
abstract class AdminApiCommand implements Callable<Integer> {

    /** Exit code when the gateway refused or could not be reached. */
    static final int EXIT_FAILED = 1;

    @Mixin
    AdminApiOptions adminApi;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(adminApi.client(spec, environment()), spec.commandLine().getOut(), err);
        } catch (AdminClientException e) {
            err.println("streamgate: " + e.getMessage());
            err.flush();
            return EXIT_FAILED;
        }
    }

    /** Does the command's work; returns the exit code. */
    abstract int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException;

    /** The environment the command was started with. */
    Map<String, String> environment() {
        return spec.root().userObject() instanceof StreamgateCommand streamgate ? streamgate.environment()
                : System.getenv();
    }
}
