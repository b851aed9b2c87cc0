package io.streamgate.state;

/**
 * Checks a resource's spec (and anything else about it) before it is stored, for example against the schema
 * of the interceptor plugin it names. The store itself is generic and never looks inside a spec; callers
 * that write (the admin API, the seeder) validate first. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ResourceValidator {

    /** Accepts every resource. */
    ResourceValidator ACCEPT_ALL = resource -> { };

    /**
     * @throws InvalidResourceException naming the offending field, e.g. {@code spec.priority}, when the
     *     resource cannot be stored
     */
    void validate(Resource resource) throws InvalidResourceException;
}
