package io.streamgate.plugins.headers.remove;

import io.streamgate.api.records.KafkaRecord;
import io.streamgate.api.records.RecordTransformation;
import org.apache.kafka.common.header.Header;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Drops the headers whose whole key matches a pattern; a record with none of them is left as it is. */
final class HeaderRemoval implements RecordTransformation {

    private final Pattern headerPattern;

    HeaderRemoval(Pattern headerPattern) {
        this.headerPattern = headerPattern;
    }

    @Override
    public KafkaRecord apply(KafkaRecord record) {
        List<Header> kept = null;
        List<Header> headers = record.headers();
        for (int i = 0; i < headers.size(); i++) {
            boolean remove = headerPattern.matcher(headers.get(i).key()).matches();
            if (remove && kept == null) {
                kept = new ArrayList<>(headers.subList(0, i));
            } else if (!remove && kept != null) {
                kept.add(headers.get(i));
            }
        }
        return kept == null ? record : record.withHeaders(kept);
    }
}
