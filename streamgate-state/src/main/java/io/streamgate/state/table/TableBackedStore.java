package io.streamgate.state.table;

import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceListener;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every {@link ResourceStore} shares: reads from a {@link ResourceTable}, and writes that are serialised,
 * skip a put that changes nothing, and stamp the next revision, the time and the author. A subclass says only how
 * a write is made durable ({@link #persistUpsert}, {@link #persistRemoval}); each must return once the write is
 * durable <em>and</em> applied to the table, so the store reads its own writes.
 */
public abstract class TableBackedStore implements ResourceStore {

    protected final ResourceTable table;
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Clock clock;
    /** Serialises writes; a subclass takes it to close the store between writes. */
    protected final Object writeLock = new Object();

    protected TableBackedStore(ResourceTable table, Clock clock) {
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public final List<Resource> list(String kind) {
        return table.list(kind);
    }

    @Override
    public final Optional<Resource> get(ResourceId id) {
        return table.get(id);
    }

    @Override
    public final Map<ResourceId, Resource> snapshot() {
        return table.snapshot();
    }

    @Override
    public final Subscription subscribe(ResourceListener listener) {
        return table.subscribe(listener);
    }

    @Override
    public final PutResult put(Resource resource, String actor) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(actor, "actor");
        synchronized (writeLock) {
            ensureWritable();
            Resource current = table.get(resource.id()).orElse(null);
            if (resource.hasSameContentAs(current)) {
                return new PutResult(PutResult.Outcome.UNCHANGED, current);
            }
            long revision = current == null ? 1 : current.metadata().revision() + 1;
            Resource stored = resource.withMetadata(resource.metadata()
                    .stored(revision, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor));
            persistUpsert(stored, "write " + stored.id());
            PutResult.Outcome outcome = current == null ? PutResult.Outcome.CREATED : PutResult.Outcome.UPDATED;
            log.info("{} {} by {} (revision {})", outcome == PutResult.Outcome.CREATED ? "Created" : "Updated",
                    stored.id(), actor, revision);
            return new PutResult(outcome, stored);
        }
    }

    @Override
    public final boolean delete(ResourceId id, String actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        synchronized (writeLock) {
            ensureWritable();
            if (table.get(id).isEmpty()) {
                return false;
            }
            persistRemoval(id, "delete " + id);
            log.info("Deleted {} by {}", id, actor);
            return true;
        }
    }

    /** Throws a {@link io.streamgate.state.ResourceStoreException} when the store cannot take writes now. */
    protected abstract void ensureWritable();

    /**
     * Makes {@code stored} durable and applies it to the table; called under the write lock.
     *
     * @param what the write, for error messages ("write Interceptor tag (global)")
     */
    protected abstract void persistUpsert(Resource stored, String what);

    /** Makes the removal of {@code id} durable and applies it to the table; called under the write lock. */
    protected abstract void persistRemoval(ResourceId id, String what);
}
