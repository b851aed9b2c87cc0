package io.streamgate.plugins.audit.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileSinkTest {

    @TempDir
    Path directory;

    @Test
    void createsTheFileAndItsDirectoriesOnTheFirstEvent() throws Exception {
        Path file = directory.resolve("a/b/audit.jsonl");
        FileSink sink = new FileSink(file);
        assertThat(file).doesNotExist();

        sink.write(List.of(line("{\"n\":1}"), line("{\"n\":2}")));

        assertThat(Files.readAllLines(file)).containsExactly("{\"n\":1}", "{\"n\":2}");
        sink.close();
    }

    @Test
    void appendsToAnExistingFileAndFlushesEachBatch() throws Exception {
        Path file = directory.resolve("audit.jsonl");
        Files.writeString(file, "old\n");
        FileSink sink = new FileSink(file);

        sink.write(List.of(line("new")));

        assertThat(Files.readAllLines(file)).as("flushed before close").containsExactly("old", "new");
        sink.close();
    }

    private static AuditSink.Line line(String json) {
        return new AuditSink.Line(new byte[0], json.getBytes(StandardCharsets.UTF_8));
    }
}
