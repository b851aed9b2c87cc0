package io.streamgate.plugins.headers.mask;

import com.fasterxml.jackson.databind.JsonNode;

/** One configured rule: which fields, masked how. */
record MaskRule(FieldPath path, TextMask mask) {

    /** Masks, in place, what {@link #path()} selects in {@code document}; whether anything changed. */
    boolean apply(JsonNode document) {
        return path.replace(document, mask::maskTree);
    }
}
