package io.streamgate.admin.api;

/** What a route does to resources, and so which role may call it. */
public enum Access {
    /** Reads only: admins and viewers. */
    READ,
    /** Changes resources: admins only. */
    WRITE
}
