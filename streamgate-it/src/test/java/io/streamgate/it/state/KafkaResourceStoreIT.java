package io.streamgate.it.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streamgate.api.Scope;
import io.streamgate.it.ItCluster;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceMetadata;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.kafka.KafkaResourceStore;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Several gateway instances sharing resources through one compacted topic of the cluster. */
class KafkaResourceStoreIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    /** How soon a write through one instance must reach the others. */
    private static final Duration PROPAGATION = Duration.ofSeconds(2);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final String topic = unique("resources");

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void createsACompactedSinglePartitionTopicOnThreeReplicasWithTwoInSync() throws Exception {
        started(topic);

        Admin admin = admin();
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertThat(description.partitions()).hasSize(1);
        assertThat(description.partitions().get(0).replicas()).hasSize(3);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }

    @Test
    void aPutThroughOneInstanceReachesAnotherInstancesGetAndListenerWithinTwoSeconds() {
        KafkaResourceStore a = started(topic);
        KafkaResourceStore b = started(topic);
        List<ResourceChange> seenByB = new CopyOnWriteArrayList<>();
        List<Long> toldAt = new CopyOnWriteArrayList<>();
        b.subscribe(change -> {
            toldAt.add(System.nanoTime());
            seenByB.add(change);
        });

        long firstWrite = System.nanoTime();
        Resource written = a.put(interceptor("tracing", Scope.username("alice"), 100), "alice").resource();
        long firstReturned = System.nanoTime();

        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(b.get(written.id())).contains(written);
            assertThat(seenByB).containsExactly(new ResourceChange.Upserted(null, written));
        });

        long secondWrite = System.nanoTime();
        Resource updated = a.put(interceptor("tracing", Scope.username("alice"), 200), "bob").resource();
        long secondReturned = System.nanoTime();

        assertThat(updated.metadata().revision()).isEqualTo(2);
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(b.get(written.id())).contains(updated);
            assertThat(seenByB).containsExactly(new ResourceChange.Upserted(null, written),
                    new ResourceChange.Upserted(written, updated));
        });
        System.out.printf("KafkaResourceStoreIT: first put on a new topic returned on A after %.1f ms, told B's listener "
                        + "after %.1f ms; second put %.1f ms and %.1f ms%n",
                (firstReturned - firstWrite) / 1e6, (toldAt.get(0) - firstWrite) / 1e6,
                (secondReturned - secondWrite) / 1e6, (toldAt.get(1) - secondWrite) / 1e6);
    }

    @Test
    void aDeleteThroughOneInstanceReachesTheOther() {
        KafkaResourceStore a = started(topic);
        KafkaResourceStore b = started(topic);
        Resource written = a.put(interceptor("tracing", Scope.GLOBAL, 1), "alice").resource();
        await().atMost(PROPAGATION).until(() -> b.get(written.id()).isPresent());
        List<ResourceChange> seenByA = new CopyOnWriteArrayList<>();
        a.subscribe(seenByA::add);

        assertThat(b.delete(written.id(), "bob")).isTrue();

        assertThat(b.get(written.id())).as("read-your-writes on the deleting instance").isEmpty();
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(a.get(written.id())).isEmpty();
            assertThat(seenByA).containsExactly(new ResourceChange.Deleted(written));
        });
        assertThat(a.delete(written.id(), "alice")).as("nothing left to delete").isFalse();
    }

    @Test
    void anInstanceStartedLaterHasTheFullStateAsSoonAsStartReturns() {
        KafkaResourceStore a = started(topic);
        for (int i = 0; i < 50; i++) {
            a.put(interceptor("interceptor-" + i, i % 2 == 0 ? Scope.GLOBAL : Scope.virtualCluster("vc" + i), i), "seed");
        }
        for (int i = 0; i < 50; i += 5) {
            a.put(interceptor("interceptor-" + i, i % 2 == 0 ? Scope.GLOBAL : Scope.virtualCluster("vc" + i), 1000 + i),
                    "update");
        }
        for (int i = 1; i < 50; i += 7) {
            a.delete(new ResourceId("Interceptor", "interceptor-" + i, i % 2 == 0 ? Scope.GLOBAL
                    : Scope.virtualCluster("vc" + i)), "cleanup");
        }

        KafkaResourceStore c = started(topic);

        assertThat(c.snapshot()).isEqualTo(a.snapshot()).hasSize(50 - 7);
        assertThat(c.list("Interceptor")).isEqualTo(a.list("Interceptor"));
    }

    @Test
    void readsItsOwnWritesAsSoonAsTheyReturn() {
        KafkaResourceStore a = started(topic);
        started(topic);
        ResourceId id = new ResourceId("Interceptor", "tracing", Scope.group("ops"));

        for (int i = 1; i <= 20; i++) {
            PutResult result = a.put(interceptor("tracing", Scope.group("ops"), i), "alice");

            assertThat(result.outcome()).isEqualTo(i == 1 ? PutResult.Outcome.CREATED : PutResult.Outcome.UPDATED);
            assertThat(result.resource().metadata().revision()).isEqualTo(i);
            assertThat(a.get(id)).contains(result.resource());
        }
        assertThat(a.delete(id, "alice")).isTrue();
        assertThat(a.get(id)).isEmpty();
    }

    @Test
    void writesNothingForAnUnchangedPut() throws Exception {
        KafkaResourceStore a = started(topic);
        a.put(interceptor("tracing", Scope.GLOBAL, 1), "alice");
        long endBefore = endOffset();

        PutResult again = a.put(interceptor("tracing", Scope.GLOBAL, 1), "bob");

        assertThat(again.outcome()).isEqualTo(PutResult.Outcome.UNCHANGED);
        assertThat(again.resource().metadata().updatedBy()).isEqualTo("alice");
        assertThat(endOffset()).isEqualTo(endBefore);
    }

    @Test
    void concurrentWritersOnTwoInstancesEndWithTheLastWriteOnBoth() throws Exception {
        KafkaResourceStore a = started(topic);
        KafkaResourceStore b = started(topic);
        ResourceId id = new ResourceId("Interceptor", "contended", Scope.GLOBAL);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<?> fromA = writers.submit(() -> writeRepeatedly(a, go, 0));
            Future<?> fromB = writers.submit(() -> writeRepeatedly(b, go, 1_000));
            go.countDown();
            fromA.get(60, TimeUnit.SECONDS);
            fromB.get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }

        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(a.get(id)).isEqualTo(b.get(id)).isPresent());
        KafkaResourceStore late = started(topic);
        assertThat(late.get(id)).isEqualTo(a.get(id));
    }

    @Test
    void skipsARecordItCannotReadAndAppliesTheNextOnes() throws Exception {
        KafkaResourceStore a = started(topic);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KAFKA.cluster().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "not a key", "{\"kind\":")).get();
            producer.send(new ProducerRecord<>(topic, 0, "{\"kind\":\"Interceptor\",\"scope\":{},\"name\":\"x\"}",
                    "{\"kind\":\"Interceptor\",\"metadata\":{\"name\":\"another-name\"},\"spec\":{}}")).get();
        }

        Resource written = a.put(interceptor("after-garbage", Scope.GLOBAL, 1), "alice").resource();
        KafkaResourceStore later = started(topic);

        assertThat(a.snapshot()).containsOnlyKeys(written.id());
        assertThat(later.snapshot()).containsOnlyKeys(written.id());
    }

    @Test
    void refusesToStartOnATopicWithSeveralPartitions() throws Exception {
        admin().createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get();

        KafkaResourceStore store = store(topic);

        assertThatThrownBy(store::start)
                .isInstanceOf(ResourceStoreException.class)
                .hasMessage("the resource topic " + topic + " has 3 partitions; it needs exactly 1, so that every "
                        + "instance applies changes in one order");
        assertThatThrownBy(() -> store.put(interceptor("x", Scope.GLOBAL, 1), "alice"))
                .isInstanceOf(ResourceStoreException.class)
                .hasMessageContaining("is closed");
    }

    private static void writeRepeatedly(KafkaResourceStore store, CountDownLatch go, int base) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; i < 20; i++) {
            store.put(interceptor("contended", Scope.GLOBAL, base + i), "writer-" + base);
        }
    }

    private long endOffset() throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin().listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition).get().offset();
    }

    private KafkaResourceStore started(String topicName) {
        return store(topicName).start();
    }

    private KafkaResourceStore store(String topicName) {
        KafkaResourceStore store = new KafkaResourceStore(Map.of("bootstrap.servers", KAFKA.cluster().bootstrapServers()),
                topicName);
        toClose.add(store);
        return store;
    }

    private Admin admin() {
        Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.cluster().bootstrapServers()));
        toClose.add(admin);
        return admin;
    }

    private static Resource interceptor(String name, Scope scope, int priority) {
        return new Resource("Interceptor", ResourceMetadata.of(name, scope, Map.of("team", "platform")),
                JsonNodeFactory.instance.objectNode().put("plugin", "inject-headers").put("priority", priority));
    }
}
