package io.streamgate.state;

/**
 * A resource document that cannot be stored: malformed, with an unknown or missing field, or refused by a
 * {@link ResourceValidator}. The message names where the problem was found, when known ({@link #source()},
 * e.g. {@code interceptors.yaml, document 2}), and the offending field path ({@link #field()}, e.g.
 * {@code metadata.scope}):
 * {@code interceptors.yaml, document 2: metadata.scope: a scope names a group or a username, not both}.
 */
public class InvalidResourceException extends RuntimeException {

    private final String source;
    private final String field;
    private final String problem;

    /**
     * @param field the dotted path of the offending field, e.g. {@code metadata.name}; empty for the
     *     document as a whole
     * @param problem what is wrong with it
     */
    public InvalidResourceException(String field, String problem) {
        this(null, field, problem, null);
    }

    public InvalidResourceException(String field, String problem, Throwable cause) {
        this(null, field, problem, cause);
    }

    /**
     * @param source where the document came from, e.g. {@code interceptors.yaml, document 2}, or null
     */
    public InvalidResourceException(String source, String field, String problem, Throwable cause) {
        super(message(source, field, problem), cause);
        this.source = source;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    /** Where the document came from, e.g. {@code interceptors.yaml, document 2}, or null when unknown. */
    public String source() {
        return source;
    }

    /** The dotted path of the offending field; empty for the document as a whole. */
    public String field() {
        return field;
    }

    /** What is wrong, without source or field. */
    public String problem() {
        return problem;
    }

    /** The same problem, said to come from {@code newSource}. */
    public InvalidResourceException withSource(String newSource) {
        InvalidResourceException located = new InvalidResourceException(newSource, field, problem, getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    private static String message(String source, String field, String problem) {
        StringBuilder message = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            message.append(source).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            message.append(field).append(": ");
        }
        return message.append(problem).toString();
    }
}
