package io.streamgate.state.file;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceListener;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.Subscription;
import io.streamgate.state.table.ResourceTable;
import io.streamgate.state.table.TableWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
public final class FileResourceStore implements ResourceStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileResourceStore.class);

    private final AtomicFile file;
    private final DataDirectoryLock lock;
    private final ResourceTable table;
    private final Clock clock;
    private final Object writeLock = new Object();
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
        this.clock = Objects.requireNonNull(clock, "clock");
        Path directory = dataDir.resolve("resources");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ResourceStoreException("cannot create the resource directory " + directory + ": " + e, e);
        }
        this.file = new AtomicFile(directory.resolve("resources.json"));
        this.lock = DataDirectoryLock.acquire(directory);
        try {
            Map<ResourceId, Resource> resources = load(file.path());
            this.table = new ResourceTable("file", resources);
            LOG.info("Loaded {} resource(s) from {}", resources.size(), file.path());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The file the resources are kept in. */
    public Path file() {
        return file.path();
    }

    @Override
    public List<Resource> list(String kind) {
        return table.list(kind);
    }

    @Override
    public Optional<Resource> get(ResourceId id) {
        return table.get(id);
    }

    @Override
    public Map<ResourceId, Resource> snapshot() {
        return table.snapshot();
    }

    @Override
    public Subscription subscribe(ResourceListener listener) {
        return table.subscribe(listener);
    }

    @Override
    public PutResult put(Resource resource, String actor) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(actor, "actor");
        synchronized (writeLock) {
            ensureOpen();
            Resource current = table.get(resource.id()).orElse(null);
            if (resource.hasSameContentAs(current)) {
                return new PutResult(PutResult.Outcome.UNCHANGED, current);
            }
            long revision = current == null ? 1 : current.metadata().revision() + 1;
            Resource stored = resource.withMetadata(resource.metadata()
                    .stored(revision, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor));
            Map<ResourceId, Resource> next = new HashMap<>(table.snapshot());
            next.put(stored.id(), stored);
            persist(next, "write " + stored.id());
            table.apply(new TableWrite.Upsert(stored));
            PutResult.Outcome outcome = current == null ? PutResult.Outcome.CREATED : PutResult.Outcome.UPDATED;
            LOG.info("{} {} by {} (revision {})", outcome == PutResult.Outcome.CREATED ? "Created" : "Updated",
                    stored.id(), actor, revision);
            return new PutResult(outcome, stored);
        }
    }

    @Override
    public boolean delete(ResourceId id, String actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        synchronized (writeLock) {
            ensureOpen();
            if (table.get(id).isEmpty()) {
                return false;
            }
            Map<ResourceId, Resource> next = new HashMap<>(table.snapshot());
            next.remove(id);
            persist(next, "delete " + id);
            table.apply(new TableWrite.Removal(id));
            LOG.info("Deleted {} by {}", id, actor);
            return true;
        }
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

    private void persist(Map<ResourceId, Resource> resources, String what) {
        try {
            file.write(StoreFileFormat.encode(resources));
        } catch (IOException e) {
            throw new ResourceStoreException("cannot " + what + ": writing " + file.path() + " failed (" + e
                    + "); nothing was changed", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ResourceStoreException("the resource store " + file.path() + " is closed");
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
            throw new ResourceStoreException("the resource store file " + path + " is corrupt: " + e.getMessage()
                    + ". Fix the file, or move it away to start with no resources; the gateway does not start "
                    + "with it as it is", e);
        }
    }
}
