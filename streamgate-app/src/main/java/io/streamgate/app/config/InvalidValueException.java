package io.streamgate.app.config;

/**
 * A value does not fit its key's {@link ValueType}; the caller knows the key, the text and where it came from,
 * and builds the message.
 */
final class InvalidValueException extends Exception {

    InvalidValueException() {
        super(null, null, false, false);
    }
}
