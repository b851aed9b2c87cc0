package io.streamgate.plugins.headers.inject;

import io.streamgate.api.records.KafkaRecord;
import io.streamgate.api.records.RecordTransformation;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the configured headers to the records of one Produce request. Values that are the same for every
 * record are rendered once; {@code {{uuid}}} templates are rendered per record. Injected headers follow the
 * record's own, in configuration order.
 */
final class HeaderInjection implements RecordTransformation {

    private final Map<String, HeaderTemplate> templates;
    private final Map<String, byte[]> fixedValues = new LinkedHashMap<>();
    private final boolean overrideExisting;
    private final RequestFacts facts;

    HeaderInjection(Map<String, HeaderTemplate> templates, boolean overrideExisting, RequestFacts facts) {
        this.templates = templates;
        this.overrideExisting = overrideExisting;
        this.facts = facts;
        templates.forEach((name, template) -> {
            if (!template.perRecord()) {
                fixedValues.put(name, utf8(template.render(facts)));
            }
        });
    }

    @Override
    public KafkaRecord apply(KafkaRecord record) {
        List<Header> headers = null;
        for (Map.Entry<String, HeaderTemplate> entry : templates.entrySet()) {
            String name = entry.getKey();
            boolean present = contains(headers == null ? record.headers() : headers, name);
            if (present && !overrideExisting) {
                continue;
            }
            if (headers == null) {
                headers = new ArrayList<>(record.headers());
            }
            if (present) {
                headers.removeIf(header -> header.key().equals(name));
            }
            byte[] value = fixedValues.get(name);
            headers.add(new RecordHeader(name, value != null ? value : utf8(entry.getValue().render(facts))));
        }
        return headers == null ? record : record.withHeaders(headers);
    }

    private static boolean contains(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.key().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
