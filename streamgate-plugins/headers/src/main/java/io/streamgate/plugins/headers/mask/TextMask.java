package io.streamgate.plugins.headers.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * Masks text character by character (Unicode code points), keeping the length. A value no longer than
 * {@code count} is masked entirely, so that keepFirst/keepLast never reveal a whole value.
 *
 * <p>On JSON: strings are masked; numbers and booleans become strings of their text masked (the type
 * changes, since {@code "***"} is no number); objects and arrays are masked leaf by leaf, keeping their
 * structure and field names; nulls stay null.
 *
 * @param mode what stays readable
 * @param count how many characters stay readable with {@link MaskMode#KEEP_FIRST} or {@link MaskMode#KEEP_LAST}
 * @param maskCodePoint the character that replaces the others
 */
record TextMask(MaskMode mode, int count, int maskCodePoint) {

    String mask(String text) {
        int length = text.codePointCount(0, text.length());
        int clear = mode == MaskMode.ALL || length <= count ? 0 : count;
        StringBuilder masked = new StringBuilder(text.length());
        int index = 0;
        for (int offset = 0; offset < text.length(); index++) {
            int codePoint = text.codePointAt(offset);
            boolean keep = mode == MaskMode.KEEP_FIRST ? index < clear : mode == MaskMode.KEEP_LAST && index >= length - clear;
            masked.appendCodePoint(keep ? codePoint : maskCodePoint);
            offset += Character.charCount(codePoint);
        }
        return masked.toString();
    }

    /** {@code node} masked as described above; {@code node} itself when nothing in it changes. */
    JsonNode maskTree(JsonNode node) {
        if (node.isTextual()) {
            String masked = mask(node.textValue());
            return masked.equals(node.textValue()) ? node : TextNode.valueOf(masked);
        }
        if (node.isNumber()) {
            return TextNode.valueOf(mask(node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText()));
        }
        if (node.isBoolean()) {
            return TextNode.valueOf(mask(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = null;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode masked = maskTree(field.getValue());
                if (masked != field.getValue()) {
                    copy = copy == null ? object.deepCopy() : copy;
                    copy.set(field.getKey(), masked);
                }
            }
            return copy == null ? node : copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = null;
            for (int i = 0; i < array.size(); i++) {
                JsonNode masked = maskTree(array.get(i));
                if (masked != array.get(i)) {
                    copy = copy == null ? array.deepCopy() : copy;
                    copy.set(i, masked);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }
}
