package io.streamgate.admin.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.streamgate.admin.security.AdminIdentity;

import java.util.Objects;

/**
 * One route of the admin API: method, path (Javalin syntax, {@code {name}} for a path parameter), the access it
 * needs, the resource kind it is about (recorded when a write is refused) and its handler. Immutable.
 */
public record ApiRoute(HandlerType method, String path, Access access, String kind, Handler handler) {

    /** Serves a request once its caller is authenticated and allowed. */
    @FunctionalInterface
    public interface Handler {
        void handle(AdminApi api, Context ctx, AdminIdentity caller) throws Exception;
    }

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(handler, "handler");
    }
}
