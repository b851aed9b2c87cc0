package io.streamgate.it.vcluster;

import io.streamgate.core.auth.AuthenticationAudit;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.auth.IdentityDirectory;
import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.VirtualCluster;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.chain.TestPlugins;
import io.streamgate.it.RawConnection;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.createTopic;
import static io.streamgate.it.Records.unique;
import static io.streamgate.it.vcluster.TestVirtualClusters.tenantListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two tenants, A and B, on one real cluster, each on a listener bound to its virtual cluster, and the physical cluster
 * seen through a passthrough listener: whatever A does with the Java client, it cannot see, read, write, alter or even
 * detect B's topics, groups or transactional ids, and the same names in A and B never collide.
 */
class VirtualClusterIsolationIT {

    private static final int MAX_BROKERS = 8;
    private static final String A = unique("ta");
    private static final String B = unique("tb");
    private static final String READ_ONLY = unique("tro");
    private static final String SHARED_TOPIC = unique("shared-physical");
    private static final int A_PORT = FreePorts.consecutive(1 + MAX_BROKERS);
    private static final int B_PORT = FreePorts.consecutive(1 + MAX_BROKERS);
    private static final int READ_ONLY_PORT = FreePorts.consecutive(1 + MAX_BROKERS);

    static final TestVirtualClusters VIRTUAL_CLUSTERS = new TestVirtualClusters().add(A).add(B)
            .add(new VirtualCluster(READ_ONLY, READ_ONLY + ".", false, Set.of(), true))
            .alias(new AliasTopic(A, "shared", SHARED_TOPIC, true))
            .alias(new AliasTopic(READ_ONLY, "feed", SHARED_TOPIC, false));

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA)
            .configure(config -> config.withListeners(List.of(config.listener(),
                    tenantListener(config, A, A_PORT, MAX_BROKERS), tenantListener(config, B, B_PORT, MAX_BROKERS),
                    tenantListener(config, READ_ONLY, READ_ONLY_PORT, MAX_BROKERS))))
            .security(() -> new GatewaySecurity(IdentityDirectory.EMPTY, AuthenticationAudit.NONE, VIRTUAL_CLUSTERS));

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void createTheAliasedTopic() {
        try (KafkaClients physical = new KafkaClients(KAFKA.cluster().bootstrapServers())) {
            createTopic(physical.admin(), SHARED_TOPIC, 1);
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        toClose.clear();
    }

    private KafkaClients tenant(String virtualCluster) {
        return track(new KafkaClients(GATEWAY.gateway().bootstrapServers(virtualCluster)));
    }

    private KafkaClients physical() {
        return track(new KafkaClients(KAFKA.cluster().bootstrapServers()));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @Test
    void theSameTopicNameInTwoVirtualClustersIsTwoTopicsThatNeverMix() throws Exception {
        String topic = unique("orders");
        KafkaClients a = tenant(A);
        KafkaClients b = tenant(B);
        createTopic(a.admin(), topic, 1);
        createTopic(b.admin(), topic, 1);

        a.producer().send(new ProducerRecord<>(topic, "k", "from-a")).get(30, TimeUnit.SECONDS);
        b.producer().send(new ProducerRecord<>(topic, "k", "from-b")).get(30, TimeUnit.SECONDS);

        assertThat(values(a, topic, 1)).containsExactly("from-a");
        assertThat(values(b, topic, 1)).containsExactly("from-b");
        assertThat(physical().admin().listTopics().names().get()).contains(A + "." + topic, B + "." + topic)
                .doesNotContain(topic);
    }

    @Test
    void listingAndDescribingShowOnlyTheTenantsOwnTopicsUnderTheirLogicalNames() throws Exception {
        String mine = unique("mine");
        String theirs = unique("theirs");
        createTopic(tenant(A).admin(), mine, 2);
        createTopic(tenant(B).admin(), theirs, 1);

        Admin a = tenant(A).admin();
        Set<String> listed = a.listTopics().names().get();
        assertThat(listed).contains(mine, "shared")
                .noneMatch(name -> name.contains(theirs) || name.startsWith(A + ".") || name.startsWith(B + "."))
                .doesNotContain("__consumer_offsets", SHARED_TOPIC);
        TopicDescription description = a.describeTopics(List.of(mine)).allTopicNames().get().get(mine);
        assertThat(description.name()).isEqualTo(mine);
        assertThat(description.partitions()).hasSize(2);

        // B's topic under its logical name, and under its physical name, is simply not there for A
        assertCause(() -> a.describeTopics(List.of(theirs)).allTopicNames().get(),
                UnknownTopicOrPartitionException.class);
        assertCause(() -> a.describeTopics(List.of(B + "." + theirs)).allTopicNames().get(),
                UnknownTopicOrPartitionException.class);
    }

    @Test
    void aLogicalNameThatLooksLikeAnotherTenantsPhysicalNameStaysInTheTenantsOwnSpace() throws Exception {
        String topic = unique("lookalike");
        createTopic(tenant(B).admin(), topic, 1);
        tenant(B).producer().send(new ProducerRecord<>(topic, "k", "b-secret")).get(30, TimeUnit.SECONDS);
        String lookalike = B + "." + topic;

        createTopic(tenant(A).admin(), lookalike, 1);
        tenant(A).producer().send(new ProducerRecord<>(lookalike, "k", "a-data")).get(30, TimeUnit.SECONDS);

        assertThat(physical().admin().listTopics().names().get()).contains(A + "." + lookalike);
        assertThat(values(tenant(A), lookalike, 1)).containsExactly("a-data");
        assertThat(values(tenant(B), topic, 1)).containsExactly("b-secret");
    }

    @Test
    void anotherTenantsTopicIdsAreUnknownToMetadataFetchAndDeleteTopics() throws Exception {
        String topic = unique("by-id");
        createTopic(tenant(B).admin(), topic, 1);
        tenant(B).producer().send(new ProducerRecord<>(topic, "k", "b-secret")).get(30, TimeUnit.SECONDS);
        Uuid theirId = physical().admin().describeTopics(List.of(B + "." + topic)).allTopicNames().get()
                .get(B + "." + topic).topicId();

        Admin a = tenant(A).admin();
        assertCause(() -> a.describeTopics(TopicCollection.ofTopicIds(List.of(theirId))).allTopicIds().get(),
                UnknownTopicIdException.class);
        assertCause(() -> a.deleteTopics(TopicCollection.ofTopicIds(List.of(theirId))).all().get(),
                UnknownTopicIdException.class);

        try (RawConnection raw = new RawConnection(new InetSocketAddress("127.0.0.1", brokerPort(A_PORT)))) {
            short fetchVersion = 13;
            raw.send(new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(1).setMaxBytes(1 << 20)
                    .setSessionEpoch(-1).setTopics(List.of(new FetchRequestData.FetchTopic().setTopicId(theirId)
                            .setPartitions(List.of(new FetchRequestData.FetchPartition().setPartition(0)
                                    .setFetchOffset(0).setPartitionMaxBytes(1 << 20))))), fetchVersion, 7);
            FetchResponseData fetch = new FetchResponseData(body(raw.receive(), ApiKeys.FETCH, fetchVersion),
                    fetchVersion);
            assertThat(fetch.responses()).singleElement().satisfies(t -> {
                assertThat(t.topicId()).isEqualTo(theirId);
                assertThat(t.partitions()).singleElement().satisfies(p -> {
                    assertThat(p.errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
                    assertThat(p.records() == null || p.records().sizeInBytes() == 0).isTrue();
                });
            });

            short metadataVersion = 12;
            raw.send(new MetadataRequestData().setTopics(List.of(new MetadataRequestData.MetadataRequestTopic()
                    .setName(null).setTopicId(theirId))), metadataVersion, 8);
            MetadataResponseData metadata = new MetadataResponseData(body(raw.receive(), ApiKeys.METADATA,
                    metadataVersion), metadataVersion);
            assertThat(metadata.topics()).singleElement().satisfies(t -> {
                assertThat(t.errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
                assertThat(t.name()).isNull();
            });

            short deleteVersion = 6;
            raw.send(new DeleteTopicsRequestData().setTimeoutMs(5_000).setTopics(List.of(
                    new DeleteTopicsRequestData.DeleteTopicState().setName(null).setTopicId(theirId))), deleteVersion,
                    9);
            DeleteTopicsResponseData delete = new DeleteTopicsResponseData(body(raw.receive(), ApiKeys.DELETE_TOPICS,
                    deleteVersion), deleteVersion);
            assertThat(delete.responses()).singleElement().satisfies(t ->
                    assertThat(t.errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_ID.code()));
        }
        assertThat(physical().admin().listTopics().names().get()).contains(B + "." + topic);
    }

    @Test
    void aFetchSessionOfOneTenantCannotBeContinuedByAnother() throws Exception {
        String topic = unique("session");
        createTopic(tenant(A).admin(), topic, 1);
        Uuid id = tenant(A).admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).topicId();
        short version = 13;
        FetchRequestData.FetchTopic fetchTopic = new FetchRequestData.FetchTopic().setTopicId(id)
                .setPartitions(List.of(new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0)
                        .setPartitionMaxBytes(1 << 20)));
        int sessionId;
        try (RawConnection a = new RawConnection(new InetSocketAddress("127.0.0.1", brokerPort(A_PORT)))) {
            a.send(new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 20)
                    .setSessionId(0).setSessionEpoch(0).setTopics(List.of(fetchTopic)), version, 1);
            FetchResponseData created = new FetchResponseData(body(a.receive(), ApiKeys.FETCH, version), version);
            sessionId = created.sessionId();
            assertThat(sessionId).as("the broker created a fetch session").isNotZero();

            try (RawConnection b = new RawConnection(new InetSocketAddress("127.0.0.1", brokerPort(B_PORT)))) {
                b.send(new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 20)
                        .setSessionId(sessionId).setSessionEpoch(1), version, 2);
                FetchResponseData refused = new FetchResponseData(body(b.receive(), ApiKeys.FETCH, version), version);
                assertThat(refused.errorCode()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND.code());
                assertThat(refused.responses()).isEmpty();
            }

            a.send(new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 20)
                    .setSessionId(sessionId).setSessionEpoch(1), version, 3);
            FetchResponseData continued = new FetchResponseData(body(a.receive(), ApiKeys.FETCH, version), version);
            assertThat(continued.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(continued.sessionId()).isEqualTo(sessionId);
        }
    }

    @Test
    void topicAdministrationOfTheTenantsOwnTopicsWorksAndErrorMessagesNameOnlyLogicalNames() throws Exception {
        String topic = unique("admin");
        Admin a = tenant(A).admin();
        createTopic(a, topic, 1);

        ExecutionException exists = catchExecution(() -> a.createTopics(List.of(
                new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 3))).all().get());
        assertThat(exists.getCause()).isInstanceOf(TopicExistsException.class);
        assertThat(exists.getCause().getMessage()).contains(topic).doesNotContain(A);

        a.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        a.incrementalAlterConfigs(Map.of(resource, List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
                new ConfigEntry("retention.ms", "3600000"),
                org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)))).all().get();
        await("the new retention, on every broker").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(a.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value())
                        .isEqualTo("3600000"));

        tenant(A).producer().send(new ProducerRecord<>(topic, 0, "k", "v")).get(30, TimeUnit.SECONDS);
        a.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(1))).all().get();
        assertThat(a.listOffsets(Map.of(new TopicPartition(topic, 0),
                org.apache.kafka.clients.admin.OffsetSpec.earliest())).all().get()
                .get(new TopicPartition(topic, 0)).offset()).isEqualTo(1);

        Collection<ConfigEntry> physicalConfig = physical().admin().describeConfigs(List.of(new ConfigResource(
                ConfigResource.Type.TOPIC, A + "." + topic))).all().get().values().iterator().next().entries();
        assertThat(physicalConfig).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("retention.ms");
            assertThat(e.value()).isEqualTo("3600000");
        });
        assertThat(physical().admin().describeTopics(List.of(A + "." + topic)).allTopicNames().get()
                .get(A + "." + topic).partitions()).hasSize(3);

        a.deleteTopics(List.of(topic)).all().get();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !physical().admin().listTopics().names().get().contains(A + "." + topic));
    }

    @Test
    void theBrokersOwnConfigurationAndClusterAdministrationAreRefused() {
        Admin a = tenant(A).admin();
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        assertCause(() -> a.describeConfigs(List.of(broker)).all().get(), ClusterAuthorizationException.class);
        assertCause(() -> a.describeLogDirs(List.of(1)).allDescriptions().get(),
                ClusterAuthorizationException.class);
        assertCause(() -> a.describeClientQuotas(org.apache.kafka.common.quota.ClientQuotaFilter.all())
                .entities().get(), ClusterAuthorizationException.class);

        // counted per virtual cluster: its requests, and what it was refused
        assertThat(GATEWAY.meters().find("streamgate.virtual.cluster.refusals").tags("virtual_cluster", A,
                "api", "DescribeClientQuotas").counter()).isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isPositive());
        assertThat(GATEWAY.meters().find("streamgate.virtual.cluster.requests").tags("virtual_cluster", A,
                "api", "DescribeConfigs").counter()).isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isPositive());
    }

    @Test
    void consumerGroupsAreTheTenantsOwnEvenWithTheSameGroupId() throws Exception {
        String topic = unique("grouped");
        String group = unique("group");
        for (String tenant : List.of(A, B)) {
            KafkaClients clients = tenant(tenant);
            createTopic(clients.admin(), topic, 1);
            clients.producer().send(new ProducerRecord<>(topic, "k", tenant)).get(30, TimeUnit.SECONDS);
            KafkaConsumer<String, String> consumer = track(clients.consumer(group));
            consumer.subscribe(List.of(topic));
            assertThat(consume(consumer, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                    .containsExactly(tenant);
            consumer.commitSync();
        }

        Admin a = tenant(A).admin();
        assertThat(a.listGroups().all().get()).extracting(GroupListing::groupId).contains(group)
                .noneMatch(id -> id.startsWith(A + ".") || id.startsWith(B + "."));
        assertThat(a.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get())
                .containsOnlyKeys(new TopicPartition(topic, 0))
                .extractingByKey(new TopicPartition(topic, 0)).extracting(OffsetAndMetadata::offset).isEqualTo(1L);
        assertThat(a.describeConsumerGroups(List.of(group)).all().get().get(group).groupId()).isEqualTo(group);
        assertThat(physical().admin().listGroups().all().get()).extracting(GroupListing::groupId)
                .contains(A + "." + group, B + "." + group);

        // B's group under its physical name is not B's group for A
        assertCause(() -> a.deleteConsumerGroups(List.of(B + "." + group)).all().get(),
                GroupIdNotFoundException.class);
        assertThat(physical().admin().listConsumerGroupOffsets(B + "." + group).partitionsToOffsetAndMetadata()
                .get()).containsKey(new TopicPartition(B + "." + topic, 0));
    }

    @Test
    void regexSubscriptionsMatchOnlyTheTenantsTopics() throws Exception {
        String suffix = unique("rx");
        createTopic(tenant(A).admin(), "mine-" + suffix, 1);
        createTopic(tenant(B).admin(), "theirs-" + suffix, 1);
        tenant(A).producer().send(new ProducerRecord<>("mine-" + suffix, "k", "a")).get(30, TimeUnit.SECONDS);
        tenant(B).producer().send(new ProducerRecord<>("theirs-" + suffix, "k", "b")).get(30, TimeUnit.SECONDS);

        KafkaConsumer<String, String> consumer = track(tenant(A).consumer(unique("rx-group")));
        consumer.subscribe(Pattern.compile(".*" + suffix));
        List<ConsumerRecord<String, String>> received = consume(consumer, 2, Duration.ofSeconds(15));

        assertThat(received).extracting(ConsumerRecord::topic).containsOnly("mine-" + suffix);
        assertThat(consumer.subscription()).containsExactly("mine-" + suffix);
    }

    @Test
    void writesToAnotherTenantsTopicOrGroupUnderItsPhysicalNameNeverReachIt() throws Exception {
        String topic = unique("target");
        String group = unique("target-group");
        KafkaClients b = tenant(B);
        createTopic(b.admin(), topic, 1);
        b.producer().send(new ProducerRecord<>(topic, "k", "b-data")).get(30, TimeUnit.SECONDS);
        KafkaConsumer<String, String> bConsumer = track(b.consumer(group));
        bConsumer.subscribe(List.of(topic));
        assertThat(consume(bConsumer, 1, Duration.ofSeconds(30))).hasSize(1);
        bConsumer.commitSync();
        bConsumer.close();

        Admin a = tenant(A).admin();
        String theirs = B + "." + topic;
        TopicPartition theirPartition = new TopicPartition(theirs, 0);
        assertCause(() -> a.createPartitions(Map.of(theirs, NewPartitions.increaseTo(4))).all().get(),
                UnknownTopicOrPartitionException.class);
        assertCause(() -> a.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, theirs),
                List.of(new org.apache.kafka.clients.admin.AlterConfigOp(new ConfigEntry("retention.ms", "1"),
                        org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)))).all().get(),
                UnknownTopicOrPartitionException.class);
        // the admin client retries an unknown partition's leader until its timeout, as against Kafka itself
        assertThatThrownBy(() -> a.deleteRecords(Map.of(theirPartition, RecordsToDelete.beforeOffset(1)),
                new org.apache.kafka.clients.admin.DeleteRecordsOptions().timeoutMs(3_000)).all().get())
                .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertCause(() -> a.deleteTopics(List.of(theirs)).all().get(), UnknownTopicOrPartitionException.class);
        // B's group under its physical name is a group of A's own, and B's topic does not exist for A
        assertCause(() -> a.alterConsumerGroupOffsets(B + "." + group, Map.of(new TopicPartition(topic, 0),
                new OffsetAndMetadata(0))).all().get(), UnknownTopicOrPartitionException.class);
        assertCause(() -> a.describeConsumerGroups(List.of(B + "." + group)).all().get(),
                GroupIdNotFoundException.class);

        Admin physical = physical().admin();
        assertThat(physical.describeTopics(List.of(B + "." + topic)).allTopicNames().get().get(B + "." + topic)
                .partitions()).hasSize(1);
        assertThat(physical.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, B + "." + topic)))
                .all().get().values().iterator().next().get("retention.ms").value()).isNotEqualTo("1");
        assertThat(physical.listOffsets(Map.of(new TopicPartition(B + "." + topic, 0),
                org.apache.kafka.clients.admin.OffsetSpec.earliest())).all().get()
                .get(new TopicPartition(B + "." + topic, 0)).offset()).isZero();
        assertThat(physical.listConsumerGroupOffsets(B + "." + group).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(B + "." + topic, 0)).offset()).isEqualTo(1);
    }

    @Test
    void kip848ConsumersSubscribeByNameAndByRegexInsideTheirVirtualCluster() throws Exception {
        String suffix = unique("k848");
        createTopic(tenant(A).admin(), "orders-" + suffix, 2);
        createTopic(tenant(B).admin(), "orders-" + suffix, 1);
        createTopic(tenant(B).admin(), "other-" + suffix, 1);
        tenant(A).producer().send(new ProducerRecord<>("orders-" + suffix, "k", "a")).get(30, TimeUnit.SECONDS);
        tenant(B).producer().send(new ProducerRecord<>("orders-" + suffix, "k", "b")).get(30, TimeUnit.SECONDS);
        tenant(B).producer().send(new ProducerRecord<>("other-" + suffix, "k", "b")).get(30, TimeUnit.SECONDS);
        Map<String, Object> consumerProtocol = Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");

        KafkaConsumer<String, String> byName = track(tenant(A).consumer(unique("k848-name"), consumerProtocol));
        byName.subscribe(List.of("orders-" + suffix));
        assertThat(consume(byName, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .containsExactly("a");

        KafkaConsumer<String, String> byRegex = track(tenant(A).consumer(unique("k848-regex"), consumerProtocol));
        byRegex.subscribe(new org.apache.kafka.clients.consumer.SubscriptionPattern(".*-" + suffix));
        List<ConsumerRecord<String, String>> received = new ArrayList<>(consume(byRegex, 1, Duration.ofSeconds(30)));
        received.addAll(consume(byRegex, 1, Duration.ofSeconds(3))); // anything of B's would come along by now
        assertThat(received).extracting(ConsumerRecord::topic).containsOnly("orders-" + suffix);
        assertThat(received).extracting(ConsumerRecord::value).containsExactly("a");
        assertThat(byRegex.assignment()).extracting(TopicPartition::topic).containsOnly("orders-" + suffix);
    }

    @Test
    void theSameTransactionalIdInTwoVirtualClustersNeverFencesTheOther() throws Exception {
        String topic = unique("txn");
        String transactionalId = unique("tx");
        createTopic(tenant(A).admin(), topic, 1);
        createTopic(tenant(B).admin(), topic, 1);
        KafkaProducer<String, String> a = track(tenant(A).producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId)));
        KafkaProducer<String, String> b = track(tenant(B).producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId)));
        a.initTransactions();
        b.initTransactions(); // would fence A if the ids collided

        a.beginTransaction();
        a.send(new ProducerRecord<>(topic, "k", "a-tx")).get(30, TimeUnit.SECONDS);
        b.beginTransaction();
        b.send(new ProducerRecord<>(topic, "k", "b-tx")).get(30, TimeUnit.SECONDS);
        a.commitTransaction();
        b.commitTransaction();

        assertThat(values(tenant(A), topic, 1)).containsExactly("a-tx");
        assertThat(tenant(A).admin().listTransactions().all().get()).extracting(TransactionListing::transactionalId)
                .contains(transactionalId).noneMatch(id -> id.startsWith(B + ".") || id.startsWith(A + "."));
        assertThat(physical().admin().listTransactions().all().get()).extracting(TransactionListing::transactionalId)
                .contains(A + "." + transactionalId, B + "." + transactionalId);
    }

    @Test
    void transactionProducerAndReassignmentAdministrationAnswersInLogicalNames() throws Exception {
        String topic = unique("admin-txn");
        String transactionalId = unique("open-tx");
        createTopic(tenant(A).admin(), topic, 1);
        KafkaProducer<String, String> producer = track(tenant(A).producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId)));
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS); // left open

        Admin a = tenant(A).admin();
        TopicPartition partition = new TopicPartition(topic, 0);
        assertThat(a.describeTransactions(List.of(transactionalId)).all().get().get(transactionalId)
                .topicPartitions()).containsExactly(partition);
        assertThat(a.describeProducers(List.of(partition)).all().get().get(partition).activeProducers()).hasSize(1);
        assertThat(a.listPartitionReassignments().reassignments().get()).isEmpty();
        assertThat(a.electLeaders(org.apache.kafka.common.ElectionType.PREFERRED, Set.of(partition)).partitions()
                .get().get(partition)).hasValueSatisfying(error ->
                        assertThat(error).isInstanceOf(org.apache.kafka.common.errors.ElectionNotNeededException.class));
        producer.abortTransaction();
    }

    @Test
    void aliasTopicsShowAPhysicalTopicReadOnlyOrWritableAndAReadOnlyVirtualClusterWritesNothing() throws Exception {
        physical().producer().send(new ProducerRecord<>(SHARED_TOPIC, "k", "published")).get(30, TimeUnit.SECONDS);

        // A sees it as "shared", read-only
        assertThat(values(tenant(A), "shared", 1)).containsExactly("published");
        KafkaProducer<String, String> aProducer = track(tenant(A).producer(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)));
        assertCause(() -> aProducer.send(new ProducerRecord<>("shared", "k", "v")).get(30, TimeUnit.SECONDS),
                TopicAuthorizationException.class);
        assertCause(() -> tenant(A).admin().deleteTopics(List.of("shared")).all().get(),
                TopicAuthorizationException.class);

        // the read-only virtual cluster sees the same topic as "feed", and may not write even there
        assertThat(values(tenant(READ_ONLY), "feed", 1)).containsExactly("published");
        KafkaProducer<String, String> roProducer = track(tenant(READ_ONLY).producer(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)));
        assertCause(() -> roProducer.send(new ProducerRecord<>("feed", "k", "v")).get(30, TimeUnit.SECONDS),
                TopicAuthorizationException.class);
        assertCause(() -> createTopic(tenant(READ_ONLY).admin(), unique("new"), 1),
                TopicAuthorizationException.class);
        assertThat(physical().admin().listTopics().names().get()).noneMatch(name -> name.startsWith(READ_ONLY + "."));
    }

    @Test
    void interceptorsOfAVirtualClusterSeeItsLogicalNamesAndNothingOfOthers() throws Exception {
        String topic = unique("intercepted");
        createTopic(tenant(A).admin(), topic, 1);
        createTopic(tenant(B).admin(), topic, 1);
        TestPlugins.RECORDED.clear();
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("view", "test-topic-view-recorder", 100,
                Scope.virtualCluster(A), Map.of(), null));
        try {
            tenant(A).producer().send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
            tenant(B).producer().send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        } finally {
            GATEWAY.gateway().interceptors().replaceAll(List.of());
        }

        assertThat(TestPlugins.RECORDED).contains("produce:" + topic, "listed:" + topic, "listed:shared")
                .noneMatch(entry -> entry.contains(A + ".") || entry.contains(B + ".")
                        || entry.contains("__consumer_offsets") || entry.contains(SHARED_TOPIC));
        assertThat(TestPlugins.RECORDED).filteredOn(entry -> entry.startsWith("produce:")).hasSize(1);
    }

    @Test
    void passthroughConnectionsStillSeeThePhysicalCluster() throws Exception {
        String topic = unique("physical-view");
        createTopic(tenant(A).admin(), topic, 1);

        KafkaClients passthrough = track(new KafkaClients(GATEWAY.bootstrapServers()));
        assertThat(passthrough.admin().listTopics().names().get()).contains(A + "." + topic);
    }

    private List<String> values(KafkaClients clients, String topic, int count) {
        KafkaConsumer<String, String> consumer = track(clients.consumer(unique("reader")));
        consumer.subscribe(List.of(topic));
        return consume(consumer, count, Duration.ofSeconds(30)).stream().map(ConsumerRecord::value).toList();
    }

    private static int brokerPort(int bootstrapPort) {
        return bootstrapPort + 1; // node ids of the test cluster start at 1: its first broker
    }

    private static ByteBufferAccessor body(ByteBuffer frame, ApiKeys apiKey, short version) {
        ByteBufferAccessor accessor = new ByteBufferAccessor(frame);
        new ResponseHeaderData(accessor, apiKey.responseHeaderVersion(version));
        return accessor;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static ExecutionException catchExecution(Action action) {
        try {
            action.run();
        } catch (ExecutionException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an ExecutionException", e);
        }
        throw new AssertionError("expected an ExecutionException, but it succeeded");
    }

    private static void assertCause(Action action, Class<? extends Throwable> cause) {
        assertThatThrownBy(action::run).satisfiesAnyOf(
                thrown -> assertThat(thrown).isInstanceOf(cause),
                thrown -> assertThat(thrown).hasCauseInstanceOf(cause),
                thrown -> assertThat(thrown.getCause()).hasCauseInstanceOf(cause));
    }
}
