package io.streamgate.plugins.audit;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.plugins.audit.sink.AdminTopicCreator;
import io.streamgate.plugins.audit.sink.BackgroundWriter;
import io.streamgate.plugins.audit.sink.FileSink;
import io.streamgate.plugins.audit.sink.TopicSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code audit}: one JSON event per request of the chosen APIs, users and topics, with the outcome of its
 * response, sent to a Kafka topic on the upstream cluster and/or appended to a JSON-lines file.
 */
public final class AuditPlugin implements InterceptorPlugin {

    public static final String ID = "audit";

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;

    public AuditPlugin() {
        this(Clock.systemUTC());
    }

    /** @param clock gives events their time */
    public AuditPlugin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Audit";
    }

    @Override
    public String description() {
        return "Writes a JSON audit event for each request of the chosen APIs, users and topics, with its outcome, "
                + "to a Kafka topic and/or a JSON-lines file, without ever blocking the gateway.";
    }

    @Override
    public String configSchema() {
        String name = ID + ".schema.json";
        try (InputStream in = AuditPlugin.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Interceptor create(PluginConfig pluginConfig, PluginContext context) {
        AuditConfig config = AuditConfig.from(pluginConfig, context.dataDirectory());
        List<BackgroundWriter> writers = new ArrayList<>();
        config.file().ifPresent(file -> writers.add(new BackgroundWriter("streamgate-audit-file",
                new FileSink(file), config.queueCapacity(), CLOSE_TIMEOUT)));
        config.topic().ifPresent(topic -> {
            Map<String, Object> properties = context.upstreamClientProperties();
            Map<String, Object> producerProperties = producerProperties(properties, topic);
            writers.add(new BackgroundWriter("streamgate-audit-topic",
                    new TopicSink(topic, () -> new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
                            new ByteArraySerializer()), new AdminTopicCreator(properties)),
                    config.queueCapacity(), CLOSE_TIMEOUT));
        });
        return new AuditInterceptor(config, context.gatewayHost(), clock, new SinkTrail(writers));
    }

    private static Map<String, Object> producerProperties(Map<String, Object> upstream, String topic) {
        Map<String, Object> properties = new HashMap<>(upstream);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "streamgate-audit-" + topic);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        // send() may wait this long for metadata or buffer space; it runs on the sink's own thread, never the gateway's.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return properties;
    }
}
