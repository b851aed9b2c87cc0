package io.streamgate.app;

import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.ConfigSchema;
import io.streamgate.app.config.StreamgateConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StreamgateApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void servesClientsThroughTheGatewayInFrontOfTheEmbeddedKafkaAndStopsEverything() throws Exception {
        int port = GatewayPorts.freePair();
        StreamgateApplication application = new StreamgateApplication(config(port));
        try {
            application.start();
            int adminPort = application.adminPort();
            await().atMost(Duration.ofSeconds(30)).until(() -> get(adminPort, "/health/ready").statusCode() == 200);

            String bootstrap = "localhost:" + port;
            produce(bootstrap, "through the gateway");
            assertThat(consume(bootstrap)).containsExactly("through the gateway");
            assertThat(get(adminPort, "/metrics").body()).contains("jvm_memory_used_bytes");
            assertThat(application.virtualClusterDirectory()).hasValueSatisfying(directory ->
                    assertThat(directory.tenant("payments")).isEmpty());

            application.close();

            assertThat(isOpen(port)).isFalse();
            assertThat(isOpen(adminPort)).isFalse();
            assertThat(isOpen(embeddedKafkaPort())).isFalse();
        } finally {
            application.close();
        }
    }

    @Test
    void aGatewayPortInUseFailsStartupNamingTheGatewayAndStopsTheEmbeddedKafka() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StreamgateApplication application = new StreamgateApplication(config(taken.getLocalPort()));

            assertThatThrownBy(application::start)
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("gateway: ");

            assertThat(isOpen(embeddedKafkaPort())).isFalse();
            application.awaitStopped();
        }
    }

    private StreamgateConfig config(int port) {
        ConfigLayer flags = ConfigLayer.builder(ConfigSchema.streamgate())
                .set("port", Integer.toString(port), "test")
                .set("adminPort", "0", "test")
                .set("dataDir", dataDir.toString(), "test")
                .set("brokerPorts.maxBrokers", "1", "test")
                .build();
        return new ConfigLoader(Map.of()).load(Optional.empty(), flags);
    }

    private int embeddedKafkaPort() throws IOException {
        Properties ports = new Properties();
        try (var in = Files.newInputStream(dataDir.resolve("kafka/ports.properties"))) {
            ports.load(in);
        }
        return Integer.parseInt(ports.getProperty("broker"));
    }


    private static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void produce(String bootstrapServers, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("wiring", value)).get();
        }
    }

    private static List<String> consume(String bootstrapServers) {
        TopicPartition partition = new TopicPartition("wiring", 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
