package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.app.client.AdminClient;
import io.streamgate.admin.resources.ManagedKinds;
import io.streamgate.app.client.AdminClientException;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.document.ResourceDocument;
import io.streamgate.state.document.ResourceDocuments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code streamgate apply -f FILE|DIR}: creates or updates the resources of YAML and JSON files through a running
 * gateway's admin API, one line per resource, as {@code kubectl apply} does.
 */
@Command(name = "apply",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        description = {
            "Creates or updates resources (interceptors, service accounts, groups, virtual clusters, alias topics, "
                    + "ACL bindings) through a running gateway's admin API.",
            "Files are YAML or JSON: several YAML documents separated by ---, or a JSON object or array. A "
                    + "directory stands for its *.yaml, *.yml and *.json files (not hidden, not in subdirectories), "
                    + "in name order; - reads standard input.",
            "Every file is read before anything is sent: a document that does not parse stops the command. Each "
                    + "resource is then sent on its own and printed as KIND/NAME created|updated|unchanged "
                    + "(with its scope when not global). The gateway validates each completely and stores only "
                    + "valid ones; a refused resource is reported with the gateway's reason, the others are still "
                    + "applied, and the exit code is 1."},
        footer = {"", "Examples:",
            "  streamgate apply -f interceptors/",
            "  streamgate apply -f tag-producer.yaml --dry-run",
            "  streamgate apply -f tag.yaml --admin-url http://gateway-1:8888 --token \"$STREAMGATE_TOKEN\"",
            "", "Exit codes: 0 all applied, 1 a resource was refused or no gateway answered, 2 invalid usage."})
public final class ApplyCommand extends AdminApiCommand {

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR", required = true, order = 1,
            description = "A resource file, a directory of them, or - for standard input. Repeatable.")
    List<String> files = new ArrayList<>();

    @Option(names = "--dry-run", order = 2,
            description = "Validate every resource and print what would happen, but store nothing.")
    boolean dryRun;

    @Override
    int run(AdminClient client, PrintWriter out, PrintWriter err) throws AdminClientException {
        List<ResourceDocument> documents;
        try {
            documents = read();
        } catch (InvalidResourceException | UncheckedIOException e) {
            err.println("streamgate: " + e.getMessage());
            err.println("streamgate: nothing was applied");
            err.flush();
            return EXIT_FAILED;
        }
        if (documents.isEmpty()) {
            err.println("streamgate: no resources found in " + String.join(", ", files));
            err.flush();
            return EXIT_FAILED;
        }
        int refused = 0;
        for (ResourceDocument document : documents) {
            Resource resource = document.resource();
            try {
                AdminClient.Answer answer = client.put(putPath(resource),
                        dryRun ? Map.of("dryRun", "true") : Map.of(), ResourceDocuments.toJson(resource));
                JsonNode body = answer.body();
                out.println(CliText.resourceName(resource) + " " + body.get("outcome").asText().toLowerCase(Locale.ROOT)
                        + (dryRun ? " (dry run)" : ""));
                out.flush();
            } catch (AdminClientException e) {
                if (e.status() == 0) {
                    throw e;
                }
                refused++;
                err.println("streamgate: " + document.source() + " (" + CliText.resourceName(resource) + "): "
                        + e.getMessage());
                err.flush();
            }
        }
        return refused == 0 ? 0 : EXIT_FAILED;
    }

    /** Where the gateway takes the resource; refused here, as the gateway would, for a kind it does not manage. */
    private static String putPath(Resource resource) throws AdminClientException {
        try {
            return ManagedKinds.putPath(resource);
        } catch (InvalidResourceException e) {
            throw new AdminClientException(e.getMessage(), 400);
        }
    }

    private List<ResourceDocument> read() {
        List<ResourceDocument> documents = new ArrayList<>();
        for (String name : files) {
            if (name.equals("-")) {
                documents.addAll(ResourceDocuments.parseDocuments(standardInput(), "standard input"));
                continue;
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                for (Path file : filesIn(path)) {
                    documents.addAll(ResourceDocuments.readDocuments(file));
                }
            } else if (Files.isRegularFile(path)) {
                documents.addAll(ResourceDocuments.readDocuments(path));
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '-f': "
                        + name + " is neither a file nor a directory");
            }
        }
        return documents;
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> {
                        String fileName = file.getFileName().toString();
                        String lower = fileName.toLowerCase(Locale.ROOT);
                        return !fileName.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml")
                                || lower.endsWith(".json"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String standardInput() {
        try {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }
}
