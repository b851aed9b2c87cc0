package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminClientException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code streamgate scram set NAME --mechanism M (--password-stdin | --password-env VAR) [--iterations N]}. The
 * password is never an argument, so it stays out of the shell history and the process list.
 */
@Command(name = "set",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = "Sets the SCRAM credentials of the LOCAL service account NAME for one mechanism, replacing "
                + "earlier ones for that mechanism. The password is read from standard input (its first line) or "
                + "from an environment variable, never from the command line.",
        footer = {"", "Exit codes: 0 set, 1 refused or no gateway answered, 2 invalid usage."})
public final class ScramSetCommand extends AdminApiCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "NAME", description = "The LOCAL service account.")
    String name;

    @Option(names = "--mechanism", paramLabel = "MECHANISM", required = true, order = 1,
            description = "SCRAM-SHA-256 or SCRAM-SHA-512.")
    String mechanism;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 2)
    PasswordSource source;

    /** Where the password comes from: exactly one. */
    static final class PasswordSource {
        @Option(names = "--password-stdin", required = true, order = 2,
                description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Option(names = "--password-env", paramLabel = "VAR", required = true, order = 3,
                description = "Read the password from the environment variable VAR.")
        String variable;
    }

    @Option(names = "--iterations", paramLabel = "N", order = 4,
            description = "The SCRAM iteration count, 4096 to 16384. Default 8192.")
    Integer iterations;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        ObjectNode request = JSON.createObjectNode();
        request.put("mechanism", mechanism);
        request.put("password", password());
        if (iterations != null) {
            request.put("iterations", iterations);
        }
        JsonNode set = client.put("/api/v1/service-accounts/" + AdminClient.segment(name) + "/scram-credentials",
                Map.of(), request.toString()).body();
        out.println("serviceaccount/" + name + ": " + set.get("mechanism").asText() + " credentials set ("
                + set.get("iterations").asInt() + " iterations)");
        out.flush();
        return 0;
    }

    private String password() {
        String password;
        if (source.stdin) {
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the password from standard "
                        + "input: " + e.getMessage());
            }
        } else {
            password = environment().get(source.variable);
            if (password == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--password-env: the environment "
                        + "variable " + source.variable + " is not set");
            }
        }
        if (password == null || password.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the password is empty");
        }
        return password;
    }
}
