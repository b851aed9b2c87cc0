package io.streamgate.state.file;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.table.ResourceTable;
import io.streamgate.state.table.TableBackedStore;
import io.streamgate.state.table.TableWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-instance store, and the default: every resource in {@code <dataDir>/resources/resources.json}.
 *
 * <p>Each write rewrites the whole file atomically (temporary file, fsync, atomic rename, fsync of the
 * directory) before it is applied in memory and announced to listeners, so a write that returned survives a
 * crash, and a crash never leaves a half-written file. Restarting reads the file back; a file that cannot
 * be read fails the constructor with a message naming it. The directory is locked while the store is open,
 * so a second gateway on the same data directory fails to start rather than overwrite this one's writes.
 *
 * <p><b>Thread-safety.</b> Reads take no lock (see {@link ResourceTable}); writes are serialised. Whoever
 * constructs the store closes it.
 */
public final class FileResourceStore extends TableBackedStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileResourceStore.class);

    private final AtomicFile file;
    private final DataDirectoryLock lock;
    private volatile boolean closed;

    /**
     * Opens the store in {@code dataDir}, creating {@code resources/} if needed and loading what is there.
     *
     * @throws ResourceStoreException when the directory cannot be created or locked, or the file is corrupt
     */
    public FileResourceStore(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    /** As {@link #FileResourceStore(Path)}, with the clock that stamps {@code updatedAt}. */
    public FileResourceStore(Path dataDir, Clock clock) {
        this(OpenedFile.open(dataDir.resolve("resources")), clock);
    }

    private FileResourceStore(OpenedFile opened, Clock clock) {
        super(new ResourceTable("file", opened.resources()), clock);
        this.file = opened.file();
        this.lock = opened.lock();
        LOG.info("Loaded {} resource(s) from {}", opened.resources().size(), file.path());
    }

    /** The file the resources are kept in. */
    public Path file() {
        return file.path();
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        table.close();
        lock.close();
    }

    @Override
    protected void ensureWritable() {
        if (closed) {
            throw new ResourceStoreException("the resource store " + file.path() + " is closed");
        }
    }

    @Override
    protected void persistUpsert(Resource stored, String what) {
        Map<ResourceId, Resource> next = new HashMap<>(table.snapshot());
        next.put(stored.id(), stored);
        persist(next, what);
        table.apply(new TableWrite.Upsert(stored));
    }

    @Override
    protected void persistRemoval(ResourceId id, String what) {
        Map<ResourceId, Resource> next = new HashMap<>(table.snapshot());
        next.remove(id);
        persist(next, what);
        table.apply(new TableWrite.Removal(id));
    }

    private void persist(Map<ResourceId, Resource> resources, String what) {
        try {
            file.write(StoreFileFormat.encode(resources));
        } catch (IOException e) {
            throw new ResourceStoreException("cannot " + what + ": writing " + file.path() + " failed (" + e
                    + "); nothing was changed", e);
        }
    }

    /** The locked directory's file and what it held. */
    private record OpenedFile(AtomicFile file, DataDirectoryLock lock, Map<ResourceId, Resource> resources) {

        static OpenedFile open(Path directory) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new ResourceStoreException("cannot create the resource directory " + directory + ": " + e, e);
            }
            AtomicFile file = new AtomicFile(directory.resolve("resources.json"));
            DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
            try {
                return new OpenedFile(file, lock, load(file.path()));
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }

        private static Map<ResourceId, Resource> load(Path path) {
            byte[] content;
            try {
                content = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                return Map.of();
            } catch (IOException e) {
                throw new ResourceStoreException("cannot read the resource store file " + path + ": " + e, e);
            }
            try {
                return StoreFileFormat.decode(content);
            } catch (InvalidResourceException e) {
                throw new ResourceStoreException("the resource store file " + path + " is corrupt: "
                        + e.getMessage() + ". Fix the file, or move it away to start with no resources; the gateway "
                        + "does not start with it as it is", e);
            }
        }
    }
}
