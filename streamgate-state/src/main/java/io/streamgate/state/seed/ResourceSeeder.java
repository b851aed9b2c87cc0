package io.streamgate.state.seed;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.ResourceValidator;
import io.streamgate.state.document.ResourceDocument;
import io.streamgate.state.document.ResourceDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Applies the resource files of a directory to a store at startup: every {@code *.yaml}, {@code *.yml} and
 * {@code *.json} file directly in it (not in subdirectories, not hidden), in file-name order, each document
 * through {@link ResourceStore#put} as {@code seed:<file name>}.
 *
 * <p>All or nothing for bad input: every document of every file is parsed and validated first, and one
 * invalid document (or the same resource twice) fails the seed, naming the file and document, before
 * anything is written. Each document is validated among the store's resources and all the seed's documents
 * ({@link ResourceValidator#validate(Resource, Map)}), so a document may refer to another of the seed whatever
 * their order. Resources in the store but not in the files are left alone, and seeding unchanged
 * files again changes nothing, so seeding on every start is safe. A store failure part way through (a disk
 * or Kafka error) leaves earlier resources written; seeding again completes it.
 *
 * <p>Stateless apart from its store and validator; thread-safe when they are.
 */
public final class ResourceSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceSeeder.class);

    private final ResourceStore store;
    private final ResourceValidator validator;

    public ResourceSeeder(ResourceStore store, ResourceValidator validator) {
        this.store = Objects.requireNonNull(store, "store");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * @throws InvalidResourceException naming the file and document, when any document is invalid; nothing
     *     has been written then
     * @throws UncheckedIOException when the directory or a file cannot be read
     */
    public SeedSummary seed(Path directory) {
        List<SeedDocument> documents = new ArrayList<>();
        Map<ResourceId, String> seen = new HashMap<>();
        for (Path file : seedFiles(directory)) {
            String fileName = file.getFileName().toString();
            for (ResourceDocument document : ResourceDocuments.readDocuments(file)) {
                String source = document.source();
                Resource resource = document.resource();
                String earlier = seen.putIfAbsent(resource.id(), source);
                if (earlier != null) {
                    throw new InvalidResourceException(source, "", resource.id() + " is already defined in "
                            + earlier, null);
                }
                documents.add(new SeedDocument(fileName, source, resource));
            }
        }
        Map<ResourceId, Resource> planned = new HashMap<>(store.snapshot());
        documents.forEach(document -> planned.put(document.resource().id(), document.resource()));
        for (SeedDocument document : documents) {
            try {
                validator.validate(document.resource(), planned);
            } catch (InvalidResourceException e) {
                throw e.withSource(document.source());
            }
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (SeedDocument document : documents) {
            PutResult result = store.put(document.resource(), "seed:" + document.fileName());
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        SeedSummary summary = new SeedSummary(created, updated, unchanged);
        LOG.info("Seeded resources from {}: {}", directory, summary);
        return summary;
    }

    private static List<Path> seedFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new IOException("the seed directory " + directory
                    + " does not exist or is not a directory"));
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(ResourceSeeder::isSeedFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the seed directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSeedFile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"));
    }

    private record SeedDocument(String fileName, String source, Resource resource) {
    }
}
