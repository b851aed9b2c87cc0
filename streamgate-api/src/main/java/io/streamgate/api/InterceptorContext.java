package io.streamgate.api;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What a hook knows about the request it handles, and what it can do besides returning an outcome. A
 * context is valid during the hook call and until the stage the hook returned completes.
 *
 * <p><b>Threading.</b> All methods are called from the connection's event loop (the thread the hook runs on,
 * or a task given to {@link #executor()}).
 */
public interface InterceptorContext {

    /** The name of the interceptor resource this hook belongs to. */
    String interceptorName();

    /** Who is connected, and how. */
    ConnectionInfo connection();

    /**
     * Reports a request that broke a rule of this interceptor: the gateway audits it (with who sent it) and counts it.
     * Call it once per rule and topic broken, whatever the action; it does not change the request's outcome.
     */
    void reportViolation(PolicyViolation violation);

    /** The API of the request being handled (for a response hook: of the request it answers). */
    ApiKeys apiKey();

    /** The version of the request, which is the version of its response. */
    short apiVersion();

    /**
     * A per-request scratch space of this interceptor: what the request hook puts there, the response hook of
     * the same interceptor finds for the response to that request. Not shared with other interceptors.
     */
    Map<String, Object> scratch();

    /**
     * Sends a request of the gateway's own to the broker this connection is forwarded to, and completes with
     * the decoded response, on the connection's event loop. The request is sent in order with the client's;
     * the client never sees it or its response. On a connection in a virtual cluster, the request is in the
     * client's terms and is mapped like the client's own requests (names prefixed, ACLs applied; it may be changed
     * in place), and the response comes back in the client's terms too.
     *
     * @param version the version to send; it must be one the broker supports (the client's own
     *     {@link #apiVersion()} for the same API always is)
     */
    CompletionStage<ApiMessage> sendRequest(ApiMessage request, short version);

    /**
     * The names of topics known by id (Produce v13+, Fetch v13+ and other recent versions carry topic ids, not
     * names). Completes at once from the gateway's cache when it can, else after asking the broker; ids the
     * cluster does not know are absent from the result. On a connection in a virtual cluster the names are the
     * client's, and ids of topics outside its virtual cluster are absent too. Completes on the connection's event
     * loop.
     */
    CompletionStage<Map<Uuid, String>> topicNames(Collection<Uuid> topicIds);

    /**
     * Runs tasks on the connection's event loop. Slow work (a remote call) runs elsewhere and completes back
     * here, e.g. {@code future.thenApplyAsync(fn, context.executor())}.
     */
    Executor executor();

    /** Runs {@code task} on the connection's event loop after {@code delay}. */
    void schedule(Duration delay, Runnable task);

    /**
     * A buffer for building record data (e.g. with kafka-clients' record builders). The gateway owns it once
     * it is part of a message the hook returns; it needs no release.
     */
    ByteBuffer allocate(int capacity);
}
