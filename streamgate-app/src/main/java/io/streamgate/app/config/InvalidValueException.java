package io.streamgate.app.config;

/**
 * A value does not fit its key's {@link ValueType}; the caller knows the key, the text and where it came from,
 * and builds the message. A {@link #detail()} says more precisely what is wrong, inside a structured value.
 */
final class InvalidValueException extends Exception {

    private final String detail;

    InvalidValueException() {
        this(null);
    }

    /**
     * @param detail what is wrong, completing the key's name, e.g. {@code [0].role: unknown role 'root'}; it must not
     *     repeat a secret
     */
    InvalidValueException(String detail) {
        super(detail, null, false, false);
        this.detail = detail;
    }

    /** What is wrong within the value, or null when "expected ..., got ..." says it. */
    String detail() {
        return detail;
    }
}
