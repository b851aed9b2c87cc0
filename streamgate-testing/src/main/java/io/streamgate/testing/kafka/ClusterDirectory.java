package io.streamgate.testing.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where a cluster keeps its files. Under a build's {@code target} directory when there is one, so that logs
 * of a failed run sit next to the test reports and {@code mvn clean} removes leftovers; otherwise in the
 * temporary directory.
 */
final class ClusterDirectory {

    private ClusterDirectory() {
    }

    static Path create() throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Path parent = Files.createDirectories(target.resolve("kafka-clusters"));
            String name = UUID.randomUUID().toString().substring(0, 8);
            return Files.createDirectory(parent.resolve(name)).toAbsolutePath();
        }
        return Files.createTempDirectory("kafka-cluster-").toAbsolutePath();
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
