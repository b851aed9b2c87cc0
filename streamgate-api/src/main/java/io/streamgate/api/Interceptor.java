package io.streamgate.api;

/**
 * Logic that runs on the requests and responses passing through the gateway, created by an
 * {@link InterceptorPlugin} from one interceptor resource.
 *
 * <p>An interceptor declares, once, which requests and responses it wants to see, in
 * {@link #registerHooks(Hooks)}. The gateway decodes a frame only when some interceptor in the connection's
 * chain registered a hook for its API; every other frame is forwarded as the broker's or client's bytes, so
 * registering hooks for fewer APIs makes the gateway faster.
 *
 * <p><b>Threading.</b> One instance serves every connection whose chain contains it, so it must be
 * thread-safe. Each hook call, though, runs on the event loop of the connection it serves, and that
 * connection's calls never overlap: per-connection state kept in
 * {@link ConnectionInfo#attributes()} needs no lock. A hook must not block; slow work returns an incomplete
 * {@link java.util.concurrent.CompletionStage} (see {@link InterceptorContext#executor()}).
 *
 * <p><b>Lifecycle.</b> The gateway calls {@link #close()} when the resource is deleted or replaced, once no
 * request is using it any more.
 */
public interface Interceptor extends AutoCloseable {

    /** Declares the hooks of this interceptor; called once, before the first request. */
    void registerHooks(Hooks hooks);

    /** Releases what {@link InterceptorPlugin#create} acquired. The default does nothing. */
    @Override
    default void close() {
    }
}
