package io.streamgate.app.cli;

import io.streamgate.admin.security.LocalAdminToken;
import io.streamgate.app.client.AdminClient;
import io.streamgate.app.client.AdminCredentials;
import io.streamgate.app.config.ConfigDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the gateway's admin API is and how to sign in to it: the options of every command that talks to a running
 * gateway. Without credentials, the token that a gateway without configured credentials keeps in its data directory
 * is used, so that commands on the gateway's machine need none. Defaults follow {@code STREAMGATE_ADMIN_PORT} and
 * {@code STREAMGATE_DATA_DIR} when set, the same variables {@code run} reads.
 */
public final class AdminApiOptions {

    static final String ADMIN_PORT_VARIABLE = "STREAMGATE_ADMIN_PORT";
    static final String DATA_DIR_VARIABLE = "STREAMGATE_DATA_DIR";

    @Option(names = "--admin-url", paramLabel = "URL", order = 101,
            description = "The gateway's admin API. Default: http://localhost:8888 (the port from "
                    + ADMIN_PORT_VARIABLE + " when set).")
    String adminUrl;

    @Option(names = "--token", paramLabel = "TOKEN", order = 102,
            description = "A bearer token of the gateway (admin.tokens). Default: the token in DIR/admin-token, "
                    + "which a gateway without configured credentials generates.")
    String token;

    @Option(names = "--data-dir", paramLabel = "DIR", order = 103,
            description = "The gateway's data directory, where its admin-token is read. Default: streamgate-data in the "
                    + "working directory ("
                    + DATA_DIR_VARIABLE + " when set).")
    Path dataDir;

    @Option(names = "--user", paramLabel = "NAME", order = 104,
            description = "Sign in as this user (admin.users), with HTTP basic authentication, instead of a token.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true, order = 105,
            description = "The user's password. Without a value, it is asked for on the terminal, which keeps it out "
                    + "of the shell history and the process list.")
    char[] password;

    /**
     * @throws CommandLine.ParameterException for a malformed URL or credentials given by halves
     */
    AdminClient client(CommandSpec spec, Map<String, String> environment) {
        return new AdminClient(url(spec, environment), credentials(spec, environment));
    }

    private URI url(CommandSpec spec, Map<String, String> environment) {
        String text = adminUrl;
        if (text == null) {
            String port = environment.get(ADMIN_PORT_VARIABLE);
            text = "http://localhost:" + (port != null && port.trim().matches("\\d{1,5}") ? port.trim()
                    : Integer.toString(ConfigDefaults.ADMIN_PORT));
        }
        try {
            URI url = new URI(text.trim());
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new URISyntaxException(text, "expected http://HOST:PORT or https://HOST:PORT");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--admin-url': '"
                    + text + "' is not an http:// or https:// URL such as http://localhost:8888");
        }
    }

    private AdminCredentials credentials(CommandSpec spec, Map<String, String> environment) {
        if (user != null) {
            if (password == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--user needs --password (give it "
                        + "without a value to be asked for it)");
            }
            if (token != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --token or --user, not both");
            }
            return new AdminCredentials.User(user, new String(password));
        }
        if (password != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--password needs --user");
        }
        if (token != null) {
            return new AdminCredentials.Token(token);
        }
        Path directory = Optional.ofNullable(dataDir)
                .or(() -> Optional.ofNullable(environment.get(DATA_DIR_VARIABLE)).filter(dir -> !dir.isBlank())
                        .map(Path::of))
                .orElse(Path.of(ConfigDefaults.DATA_DIR));
        try {
            return LocalAdminToken.read(directory)
                    .<AdminCredentials>map(found -> new AdminCredentials.TokenFile(found,
                            LocalAdminToken.fileIn(directory)))
                    .orElseGet(() -> new AdminCredentials.None(LocalAdminToken.fileIn(directory)));
        } catch (UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
