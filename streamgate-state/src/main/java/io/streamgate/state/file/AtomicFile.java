package io.streamgate.state.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file replaced as a whole: the new content goes to a temporary file next to it, is forced to disk, and is
 * moved over the old file in one atomic rename, after which the directory entry is forced too. A crash at any
 * point leaves either the old content or the new, never a mix. Not thread-safe: callers serialise writes.
 */
final class AtomicFile {

    private final Path target;
    private final Path temporary;

    AtomicFile(Path target) {
        this.target = target;
        this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
    }

    Path path() {
        return target;
    }

    Path temporaryPath() {
        return temporary;
    }

    void write(byte[] content) throws IOException {
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteTemporary();
            throw e;
        }
        forceDirectory(target.getParent());
    }

    private void deleteTemporary() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The next write truncates it, and startup never reads it.
        }
    }

    /** Makes the rename itself durable. Not every platform can open a directory; there, the rename must do. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // e.g. Windows; the file's own content was forced before the move.
        }
    }
}
