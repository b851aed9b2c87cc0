package io.streamgate.api;

/**
 * An interceptor configuration that cannot be used. The gateway answers the operator's request with it
 * (HTTP 400), naming {@link #field()}, and stores nothing.
 */
public class InvalidConfigException extends RuntimeException {

    private final String field;

    /**
     * @param field the path of the offending field, dotted, e.g. {@code headers.x-user} (empty for the
     *     configuration as a whole)
     */
    public InvalidConfigException(String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message);
        this.field = field;
    }

    public InvalidConfigException(String field, String message, Throwable cause) {
        this(field, message);
        initCause(cause);
    }

    public String field() {
        return field;
    }
}
