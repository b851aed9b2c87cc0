package io.streamgate.plugins.audit.sink;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicSinkTest {

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final List<String> created = new ArrayList<>();
    private int producersMade;

    @Test
    void createsTheTopicThenSendsEachEventKeyedByConnection() {
        TopicSink sink = sink(topic -> created.add(topic));

        sink.write(List.of(line("c-1", "{\"a\":1}"), line("c-2", "{\"a\":2}")));
        sink.write(List.of(line("c-1", "{\"a\":3}")));

        assertThat(created).containsExactly("audit");
        assertThat(producersMade).isEqualTo(1);
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("audit");
        assertThat(producer.history()).extracting(r -> text(r.key())).containsExactly("c-1", "c-2", "c-1");
        assertThat(producer.history()).extracting(r -> text(r.value())).containsExactly("{\"a\":1}", "{\"a\":2}", "{\"a\":3}");
    }

    @Test
    void makesNoProducerBeforeTheFirstEvent() {
        TopicSink sink = sink(topic -> created.add(topic));

        sink.close();

        assertThat(producersMade).isZero();
        assertThat(created).isEmpty();
    }

    @Test
    void sendsEvenWhenTheTopicCannotBeCreatedAndCountsFailedSends() {
        TopicSink sink = sink(topic -> {
            throw new IllegalStateException("not allowed to create topics");
        });

        sink.write(List.of(line("c-1", "{}"), line("c-1", "{}")));
        producer.errorNext(new RuntimeException("broker gone"));
        producer.completeNext();

        assertThat(producer.history()).hasSize(2);
        assertThat(sink.failedSends()).isEqualTo(1);
    }

    @Test
    void closesItsProducer() {
        TopicSink sink = sink(topic -> { });
        sink.write(List.of(line("c", "{}")));

        sink.close();

        assertThat(producer.closed()).isTrue();
    }

    private TopicSink sink(TopicCreator creator) {
        return new TopicSink("audit", () -> {
            producersMade++;
            return producer;
        }, creator);
    }

    private static AuditSink.Line line(String key, String json) {
        return new AuditSink.Line(key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
