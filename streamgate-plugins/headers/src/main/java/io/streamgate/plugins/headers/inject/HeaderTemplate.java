package io.streamgate.plugins.headers.inject;

import io.streamgate.api.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * A header value with {@code {{variable}}} placeholders (spaces inside the braces allowed), compiled once
 * when the interceptor is created. Text outside placeholders is copied as it is; there is no escape, and a
 * {@code {{} without its {@code }}} is a configuration error.
 */
final class HeaderTemplate {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private sealed interface Part {
    }

    private record Literal(String text) implements Part {
    }

    private record Variable(TemplateVariable variable) implements Part {
    }

    private final List<Part> parts;
    private final boolean perRecord;

    private HeaderTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
        this.perRecord = parts.stream().anyMatch(part -> part instanceof Variable variable
                && variable.variable().perRecord());
    }

    /**
     * @param field the configuration field holding the template, named by errors
     * @throws InvalidConfigException for an unknown variable or an unclosed placeholder
     */
    static HeaderTemplate parse(String field, String template) {
        List<Part> parts = new ArrayList<>();
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf(OPEN, position);
            if (open < 0) {
                parts.add(new Literal(template.substring(position)));
                break;
            }
            if (open > position) {
                parts.add(new Literal(template.substring(position, open)));
            }
            int close = template.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                throw new InvalidConfigException(field, "'{{' at position " + open + " has no closing '}}'");
            }
            String name = template.substring(open + OPEN.length(), close).strip();
            TemplateVariable variable = TemplateVariable.named(name).orElseThrow(() ->
                    new InvalidConfigException(field, "unknown template variable {{" + name + "}}; known: "
                            + String.join(", ", TemplateVariable.names())));
            parts.add(new Variable(variable));
            position = close + CLOSE.length();
        }
        return new HeaderTemplate(parts);
    }

    /** Whether rendering gives a different value for each record ({@code {{uuid}}}). */
    boolean perRecord() {
        return perRecord;
    }

    String render(RequestFacts facts) {
        if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
            return literal.text();
        }
        StringBuilder value = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                value.append(literal.text());
            } else if (part instanceof Variable variable) {
                value.append(variable.variable().valueIn(facts));
            }
        }
        return value.toString();
    }
}
