package io.streamgate.app.config;

import java.util.List;

/**
 * The configuration cannot be used. Each problem is one line that names the key, what was expected, what was
 * found and where it came from, e.g.
 * {@code port: expected an integer 1..65535, got 'abc' (from environment variable STREAMGATE_PORT)}.
 */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
