package io.streamgate.state.file;

import io.streamgate.state.ResourceStoreException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive operating-system lock on the resource directory, held while a store is open, so that two
 * gateways started on one data directory do not overwrite each other's writes.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path directory) {
        Path lockFile = directory.resolve(".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ResourceStoreException("cannot open " + lockFile + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new ResourceStoreException("the resource store in " + directory + " is in use by another "
                        + "process; a file store serves one gateway instance (use the Kafka store to share "
                        + "resources between instances)");
            }
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new ResourceStoreException("the resource store in " + directory + " is already open in this "
                    + "process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ResourceStoreException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (ResourceStoreException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it anyway.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }
}
