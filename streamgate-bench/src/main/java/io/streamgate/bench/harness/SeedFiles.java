package io.streamgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a gateway's seed resource files into the directory its {@code resourcesDir} points at. */
final class SeedFiles {

    private SeedFiles() {
    }

    /** Writes {@code files} (contents by file name) into {@code directory}, created if needed; returns it. */
    static Path write(Path directory, Map<String, String> files) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        return directory;
    }
}
