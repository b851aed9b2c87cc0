package io.streamgate.state.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streamgate.api.Scope;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceMetadata;
import io.streamgate.state.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ResourceTableTest {

    private final ResourceTable table = new ResourceTable("test", Map.of());

    @AfterEach
    void close() {
        table.close();
    }

    @Test
    void listsAKindOrderedByNameThenScope() {
        table.apply(List.of(upsert("b", Scope.GLOBAL, 1), upsert("a", Scope.username("u"), 1),
                upsert("a", Scope.GLOBAL, 1), new TableWrite.Upsert(Resource.of("Group", "g"))));

        assertThat(table.list("Interceptor")).extracting(Resource::id).containsExactly(
                new ResourceId("Interceptor", "a", Scope.GLOBAL),
                new ResourceId("Interceptor", "a", Scope.username("u")),
                new ResourceId("Interceptor", "b", Scope.GLOBAL));
        assertThat(table.list("Group")).hasSize(1);
        assertThat(table.list("AliasTopic")).isEmpty();
    }

    @Test
    void reportsNoChangeForARewriteOfTheSameResourceOrARemovalOfAnAbsentOne() {
        table.apply(upsert("a", Scope.GLOBAL, 1));

        assertThat(table.apply(upsert("a", Scope.GLOBAL, 1))).isEmpty();
        assertThat(table.apply(new TableWrite.Removal(new ResourceId("Interceptor", "nope", null)))).isEmpty();
    }

    @Test
    void leavesEarlierSnapshotsAsTheyWere() {
        table.apply(upsert("a", Scope.GLOBAL, 1));
        Map<ResourceId, Resource> before = table.snapshot();

        table.apply(upsert("b", Scope.GLOBAL, 1));

        assertThat(before).hasSize(1);
        assertThat(table.snapshot()).hasSize(2);
    }

    @Test
    void toldListenersEveryChangeAfterTheirSnapshotEvenWhileWritesRace() throws Exception {
        // A writer thread keeps changing resources while subscribers join: each subscriber's snapshot plus
        // the changes it is told must equal the final state, with nothing missed or applied twice.
        int writes = 2_000;
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            writing.countDown();
            for (int i = 1; i <= writes; i++) {
                String name = "r" + (i % 50);
                table.apply(i % 7 == 0 ? new TableWrite.Removal(new ResourceId("Interceptor", name, null))
                        : upsert(name, Scope.GLOBAL, i));
            }
        });
        writer.start();
        writing.await();
        List<Replica> replicas = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            Replica replica = new Replica();
            Subscription subscription = table.subscribe(replica::apply);
            replica.startFrom(subscription.snapshot());
            replicas.add(replica);
        }
        writer.join(TimeUnit.SECONDS.toMillis(30));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Replica replica : replicas) {
                assertThat(replica.state()).isEqualTo(table.snapshot());
            }
        });
        assertThat(replicas).allSatisfy(replica -> assertThat(replica.inconsistencies).isEmpty());
    }

    @Test
    void keepsTellingOtherListenersWhenOneThrows() {
        List<ResourceId> told = new CopyOnWriteArrayList<>();
        table.subscribe(change -> {
            throw new IllegalStateException("listener bug");
        });
        table.subscribe(change -> told.add(change.id()));

        table.apply(upsert("a", Scope.GLOBAL, 1));
        table.apply(upsert("b", Scope.GLOBAL, 1));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(told).hasSize(2));
    }

    @Test
    void stopsTellingAListenerOnceItsSubscriptionIsClosed() {
        List<ResourceChange> told = new CopyOnWriteArrayList<>();
        List<ResourceChange> other = new CopyOnWriteArrayList<>();
        Subscription subscription = table.subscribe(told::add);
        table.subscribe(other::add);
        table.apply(upsert("a", Scope.GLOBAL, 1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(told).hasSize(1));

        subscription.close();
        table.apply(upsert("b", Scope.GLOBAL, 1));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(other).hasSize(2));
        assertThat(told).hasSize(1);
    }

    @Test
    void callsListenersOnTheStoresOwnThread() {
        List<String> threads = new CopyOnWriteArrayList<>();
        table.subscribe(change -> threads.add(Thread.currentThread().getName()));

        table.apply(upsert("a", Scope.GLOBAL, 1));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(threads).containsExactly("streamgate-resource-listeners-test"));
    }

    private static TableWrite upsert(String name, Scope scope, int priority) {
        return new TableWrite.Upsert(new Resource("Interceptor", new ResourceMetadata(name, scope, Map.of(), priority,
                null, null), JsonNodeFactory.instance.objectNode().put("priority", priority)));
    }

    /** A subscriber's view: a snapshot, then changes applied in order, checking each fits. */
    private static final class Replica {
        private final Map<ResourceId, Resource> state = new HashMap<>();
        private final List<String> inconsistencies = new CopyOnWriteArrayList<>();
        private final List<ResourceChange> early = new ArrayList<>();
        private boolean started;

        synchronized void startFrom(Map<ResourceId, Resource> snapshot) {
            state.putAll(snapshot);
            started = true;
            early.forEach(this::applyChange);
            early.clear();
        }

        synchronized void apply(ResourceChange change) {
            if (started) {
                applyChange(change);
            } else {
                early.add(change);
            }
        }

        synchronized Map<ResourceId, Resource> state() {
            return Map.copyOf(state);
        }

        private void applyChange(ResourceChange change) {
            Resource current = state.get(change.id());
            if (change instanceof ResourceChange.Upserted upserted) {
                if (!Objects.equals(current, upserted.before())) {
                    inconsistencies.add("upsert of " + change.id() + " expected " + upserted.before() + " got " + current);
                }
                state.put(change.id(), upserted.after());
            } else if (change instanceof ResourceChange.Deleted deleted) {
                if (!deleted.before().equals(current)) {
                    inconsistencies.add("delete of " + change.id() + " expected " + deleted.before() + " got " + current);
                }
                state.remove(change.id());
            }
        }
    }
}
