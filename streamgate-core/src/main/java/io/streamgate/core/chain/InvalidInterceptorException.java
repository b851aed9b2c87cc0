package io.streamgate.core.chain;

/**
 * An interceptor definition that cannot be installed: unknown plugin, a configuration that fails the
 * plugin's schema or that the plugin refuses. {@link #field()} names the offending field of the definition,
 * e.g. {@code spec.config.headers}; nothing is installed.
 */
public class InvalidInterceptorException extends RuntimeException {

    private final String field;

    public InvalidInterceptorException(String field, String message) {
        super(field + ": " + message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
