package io.streamgate.plugins.headers.mask;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Applies the rules to one record value. A value that changes is written back compactly (whitespace is not
 * kept; numbers keep their digits); a value no rule touches is returned as the very same buffer. Thread-safe.
 */
final class JsonValueMasker {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final List<MaskRule> rules;

    JsonValueMasker(List<MaskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The masked value ({@code value} itself when unchanged), or empty when {@code value} is not JSON. */
    Optional<ByteBuffer> mask(ByteBuffer value) {
        byte[] bytes = new byte[value.remaining()];
        value.duplicate().get(bytes);
        JsonNode document;
        try {
            document = JSON.readTree(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (document == null || document.isMissingNode()) {
            return Optional.empty();
        }
        boolean changed = false;
        for (MaskRule rule : rules) {
            changed |= rule.apply(document);
        }
        if (!changed) {
            return Optional.of(value);
        }
        try {
            return Optional.of(ByteBuffer.wrap(JSON.writeValueAsBytes(document)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
