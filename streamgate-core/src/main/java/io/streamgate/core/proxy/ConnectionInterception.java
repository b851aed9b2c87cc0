package io.streamgate.core.proxy;

import io.streamgate.api.ConnectionOutcome;
import io.streamgate.core.chain.InstalledInterceptor;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the connection hooks of a connection's chain, in ascending priority, one after the other, each possibly
 * asynchronous, and reports the connection's fate: accepted (under the client id the last hook to name one gave), its
 * requests refused, or closed. A hook that fails or times out closes the connection: a refusal would stick to the
 * connection for a failure that may well be passing, while a client whose connection closes reconnects.
 */
final class ConnectionInterception extends HookSequence<ConnectionOutcome, ConnectionInterception.Result> {

    /** How a connection leaves its connection hooks. */
    sealed interface Result {
        /** The requests go on; with {@code clientId} in their header, unless it is null. */
        record Accepted(String clientId) implements Result {
        }

        /** The requests, but those setting up the connection, are answered with the refusal of {@code by}. */
        record Refused(ConnectionOutcome.Refuse refusal, InstalledInterceptor by) implements Result {
        }

        /** Close the connection. */
        record Closed(String reason, InstalledInterceptor by) implements Result {
        }
    }

    private static final ConnectionOutcome ACCEPT_UNCHANGED = new ConnectionOutcome.Accept(null);

    private final ProxyConnection connection;
    private final ApiKeys apiKey;
    private final short apiVersion;
    private String clientId;

    /**
     * @param stages the interceptors with a connection hook, in chain order
     * @param apiKey the API of the request that made the hooks run, which their context shows
     */
    ConnectionInterception(ProxyConnection connection, List<InstalledInterceptor> stages, ApiKeys apiKey,
                           short apiVersion, Consumer<Result> done) {
        super(stages, done);
        this.connection = connection;
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
    }

    @Override
    void invoke(InstalledInterceptor interceptor, BiConsumer<ConnectionOutcome, Throwable> then) {
        HookContext context = new HookContext(connection, interceptor, apiKey, apiVersion);
        HookInvocation.invoke(connection.eventLoop(), interceptor, ACCEPT_UNCHANGED, ConnectionOutcome.accept(),
                () -> interceptor.connectionHook().onConnection(context), then);
    }

    @Override
    Result completed() {
        return new Result.Accepted(clientId);
    }

    @Override
    Result apply(InstalledInterceptor interceptor, ConnectionOutcome outcome, Throwable failure) {
        if (failure != null) {
            HookFailure failed = hookFailed(connection, interceptor, apiKey, failure);
            return new Result.Closed(failed.message(), interceptor);
        }
        if (outcome instanceof ConnectionOutcome.Accept accept) {
            if (accept.clientId() != null) {
                clientId = accept.clientId();
            }
            return null;
        }
        if (outcome instanceof ConnectionOutcome.Refuse refuse) {
            return new Result.Refused(refuse, interceptor);
        }
        if (outcome instanceof ConnectionOutcome.Close close) {
            return new Result.Closed(close.reason(), interceptor);
        }
        return new Result.Closed(hookFailed(connection, interceptor, apiKey,
                new NullPointerException("the hook completed with no outcome")).message(), interceptor);
    }
}
