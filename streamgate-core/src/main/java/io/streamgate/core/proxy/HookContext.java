package io.streamgate.core.proxy;

import io.streamgate.api.ConnectionInfo;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyViolation;
import io.streamgate.core.policy.PolicyViolationEvent;
import io.streamgate.core.chain.InstalledInterceptor;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The context of one interceptor for one request: shared by its request hook and its response hook, which is
 * how the scratch space carries from one to the other.
 */
final class HookContext implements InterceptorContext {

    private final ProxyConnection connection;
    private final InstalledInterceptor interceptor;
    private final ApiKeys apiKey;
    private final short apiVersion;
    private Map<String, Object> scratch;

    HookContext(ProxyConnection connection, InstalledInterceptor interceptor, ApiKeys apiKey, short apiVersion) {
        this.connection = connection;
        this.interceptor = interceptor;
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
    }

    @Override
    public String interceptorName() {
        return interceptor.name();
    }

    @Override
    public ConnectionInfo connection() {
        return connection.info();
    }

    @Override
    public void reportViolation(PolicyViolation violation) {
        connection.metrics().policyViolation(interceptor.name(), violation.rule(), violation.action().name());
        ClientConnectionInfo info = connection.info();
        connection.policyAudit().record(new PolicyViolationEvent(Instant.now(), interceptor.name(),
                interceptor.definition().pluginId(), info.listener(),
                info.clientAddress().getAddress().getHostAddress() + ":" + info.clientAddress().getPort(),
                info.principal(), info.clientId(), info.virtualCluster().orElse(null), apiKey.name, violation));
    }

    @Override
    public ApiKeys apiKey() {
        return apiKey;
    }

    @Override
    public short apiVersion() {
        return apiVersion;
    }

    @Override
    public Map<String, Object> scratch() {
        if (scratch == null) {
            scratch = new HashMap<>();
        }
        return scratch;
    }

    @Override
    public CompletionStage<ApiMessage> sendRequest(ApiMessage request, short version) {
        return connection.ownRequests().sendForInterceptor(request, version);
    }

    @Override
    public CompletionStage<Map<Uuid, String>> topicNames(Collection<Uuid> topicIds) {
        return connection.ownRequests().topicNamesForInterceptor(topicIds);
    }

    @Override
    public Executor executor() {
        return connection.eventLoop();
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        connection.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public ByteBuffer allocate(int capacity) {
        return ByteBuffer.allocate(capacity);
    }
}
