package io.streamgate.admin.api;

/**
 * An admin API request that cannot be served as asked; the server answers {@link #status()} with
 * {@code {"status": ..., "error": message, "field": field}}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    /**
     * @param status the HTTP status, e.g. 404
     * @param field the request field the problem is about (a body field such as {@code spec.priority}, or a query
     *     parameter), or null
     */
    public ApiException(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public int status() {
        return status;
    }

    /** The offending field, or null. */
    public String field() {
        return field;
    }
}
