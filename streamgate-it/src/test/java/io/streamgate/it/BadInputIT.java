package io.streamgate.it;

import io.streamgate.core.proxy.ProxyConnection;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each kind of bad input closes only the connection that sent it, with a log line that says what was wrong;
 * a client working alongside is not disturbed, and no buffer leaks (the extension checks that).
 */
class BadInputIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA)
            .configure(config -> config.withMaxRequestFrameBytes(1024 * 1024));

    private LogCapture log;
    private KafkaProducer<String, String> bystander;
    private String topic;

    @BeforeEach
    void startABystander() throws Exception {
        log = new LogCapture(ProxyConnection.class);
        topic = unique("bystander");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        bystander = GATEWAY.clients().producer();
        bystander.send(new ProducerRecord<>(topic, "before")).get();
    }

    @AfterEach
    void bystanderStillWorks() throws Exception {
        bystander.send(new ProducerRecord<>(topic, "after")).get();
        log.close();
    }

    @Test
    void frameLargerThanTheLimit() throws Exception {
        assertClosedWithLog(ByteBuffer.allocate(12).putInt(2 * 1024 * 1024).putInt(0).putInt(0).array(),
                "exceeds the limit of 1048576 bytes");
    }

    @Test
    void negativeLength() throws Exception {
        assertClosedWithLog(ByteBuffer.allocate(8).putInt(-42).putInt(0).array(), "negative frame length -42");
    }

    @Test
    void truncatedFrame() throws Exception {
        try (RawConnection connection = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            connection.send(ByteBuffer.allocate(20).putInt(100).putShort(ApiKeys.METADATA.id).array());
        }
        awaitLog("connection closed in the middle of a frame: received 20 of 104 bytes");
    }

    @Test
    void unknownApiKey() throws Exception {
        assertClosedWithLog(ByteBuffer.allocate(14).putInt(10).putShort((short) 999).putShort((short) 0).putInt(1)
                .putShort((short) -1).array(), "unknown API key 999");
    }

    @Test
    void unsupportedVersion() throws Exception {
        assertClosedWithLog(ByteBuffer.allocate(14).putInt(10).putShort(ApiKeys.METADATA.id).putShort((short) 99)
                .putInt(1).putShort((short) -1).array(), "unsupported version 99 of Metadata (supported: 0-13)");
    }

    @Test
    void interBrokerApi() throws Exception {
        assertClosedWithLog(ByteBuffer.allocate(14).putInt(10).putShort(ApiKeys.WRITE_TXN_MARKERS.id)
                .putShort((short) 1).putInt(1).putShort((short) -1).array(),
                "an API the gateway does not offer");
    }

    @Test
    void garbage() throws Exception {
        byte[] garbage = new byte[64];
        new Random(1).nextBytes(garbage);
        garbage[0] = 0x7f; // a huge positive length
        assertClosedWithLog(garbage, "exceeds the limit");
    }

    @Test
    void aWellFormedRequestStillWorksOnAFreshConnection() throws Exception {
        try (RawConnection connection = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            connection.send(new MetadataRequestData().setTopics(null), (short) 12, 7);
            assertThat(connection.receive().getInt()).as("correlation id").isEqualTo(7);
        }
    }

    private void assertClosedWithLog(byte[] bytes, String expectedLog) throws Exception {
        try (RawConnection connection = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            connection.send(bytes);
            assertThat(connection.closedByPeer()).as("the gateway closed the offending connection").isTrue();
        }
        awaitLog(expectedLog);
    }

    private void awaitLog(String expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.messages())
                .anySatisfy(message -> assertThat(message).startsWith("Closing connection from").contains(expected)));
    }
}
