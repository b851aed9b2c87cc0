package io.streamgate.plugins.headers.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.api.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where fields sit in a JSON document: field names separated by dots, each optionally followed by
 * {@code [*]} (every element of an array) or {@code [n]} (element n, from 0), e.g. {@code customer.ssn},
 * {@code cards[*].number}, {@code items[0].price}; a path may start with {@code [*]} or {@code [n]} when the
 * document itself is an array. Field names cannot contain {@code .}, {@code [} or {@code ]}. Immutable.
 */
final class FieldPath {

    private sealed interface Step {
    }

    private record Field(String name) implements Step {
    }

    private record Element(int index) implements Step {
    }

    private record AnyElement() implements Step {
    }

    private final String text;
    private final List<Step> steps;

    private FieldPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /**
     * @param field the configuration field holding the path, named by errors
     * @throws InvalidConfigException when {@code text} is not a path
     */
    static FieldPath parse(String field, String text) {
        if (text.isEmpty()) {
            throw new InvalidConfigException(field, "a path cannot be empty");
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw invalid(field, text, "'[' at position " + i + " has no closing ']'");
                }
                steps.add(element(field, text, text.substring(i + 1, close), i));
                i = close + 1;
            } else if (c == ']') {
                throw invalid(field, text, "unexpected ']' at position " + i);
            } else if (c == '.' || steps.isEmpty()) {
                if (c == '.' && steps.isEmpty()) {
                    throw invalid(field, text, "it cannot start with '.'");
                }
                int start = c == '.' ? i + 1 : i;
                int end = start;
                while (end < text.length() && ".[]".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end == start) {
                    throw invalid(field, text, "empty field name at position " + start);
                }
                steps.add(new Field(text.substring(start, end)));
                i = end;
            } else {
                throw invalid(field, text, "expected '.' or '[' at position " + i);
            }
        }
        return new FieldPath(text, steps);
    }

    private static Step element(String field, String text, String index, int position) {
        if (index.equals("*")) {
            return new AnyElement();
        }
        if (!index.isEmpty() && index.length() <= 9 && index.chars().allMatch(Character::isDigit)) {
            return new Element(Integer.parseInt(index));
        }
        throw invalid(field, text, "expected [*] or [n] with a number n >= 0 at position " + position + ", got ["
                + index + "]");
    }

    private static InvalidConfigException invalid(String field, String text, String problem) {
        return new InvalidConfigException(field, "invalid path '" + text + "': " + problem);
    }

    /**
     * Replaces, in place, every node this path selects in {@code document} by {@code replacement(node)}, which
     * returns the very node it was given to leave it. Missing fields, out-of-range indexes and type mismatches
     * select nothing.
     *
     * @return whether anything was replaced
     */
    boolean replace(JsonNode document, UnaryOperator<JsonNode> replacement) {
        return replace(document, 0, replacement);
    }

    private boolean replace(JsonNode node, int position, UnaryOperator<JsonNode> replacement) {
        Step step = steps.get(position);
        boolean last = position == steps.size() - 1;
        if (step instanceof Field field) {
            if (!(node instanceof ObjectNode object) || !object.has(field.name())) {
                return false;
            }
            JsonNode child = object.get(field.name());
            if (!last) {
                return replace(child, position + 1, replacement);
            }
            JsonNode replaced = replacement.apply(child);
            if (replaced == child) {
                return false;
            }
            object.set(field.name(), replaced);
            return true;
        }
        if (!(node instanceof ArrayNode array)) {
            return false;
        }
        if (step instanceof Element element) {
            return element.index() < array.size() && replaceElement(array, element.index(), position, last, replacement);
        }
        boolean changed = false;
        for (int i = 0; i < array.size(); i++) {
            changed |= replaceElement(array, i, position, last, replacement);
        }
        return changed;
    }

    private boolean replaceElement(ArrayNode array, int index, int position, boolean last,
                                   UnaryOperator<JsonNode> replacement) {
        JsonNode child = array.get(index);
        if (!last) {
            return replace(child, position + 1, replacement);
        }
        JsonNode replaced = replacement.apply(child);
        if (replaced == child) {
            return false;
        }
        array.set(index, replaced);
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
