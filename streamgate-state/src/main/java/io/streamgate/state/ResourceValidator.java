package io.streamgate.state;

import java.util.Map;

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
     * Checks the resource on its own.
     *
     * @throws InvalidResourceException naming the offending field, e.g. {@code spec.priority}, when the
     *     resource cannot be stored
     */
    void validate(Resource resource) throws InvalidResourceException;

    /**
     * Checks the resource on its own and among the resources it is going to be stored with, for the rules that
     * span resources: a name that must be unique across them, a resource it refers to. Writers that know what the
     * store will hold call this one: the admin API (the store's resources and this one) and the seeder (the store's
     * and every document of the seed, so that documents may refer to each other in any order). By default, the
     * resource on its own.
     *
     * @param planned every resource as the store will hold it once the write is made, {@code resource} included
     * @throws InvalidResourceException naming the offending field
     */
    default void validate(Resource resource, Map<ResourceId, Resource> planned) throws InvalidResourceException {
        validate(resource);
    }
}
