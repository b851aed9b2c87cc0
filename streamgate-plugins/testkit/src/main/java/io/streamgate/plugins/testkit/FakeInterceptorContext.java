package io.streamgate.plugins.testkit;

import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyViolation;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The context of one request, running everything on the calling thread. Use one instance for a request and
 * its response, as the gateway does, so that the hooks share its {@link #scratch()}.
 *
 * <p>Topic ids resolve from {@link #knownTopic(Uuid, String)}, unknown ids are left out of the answer, and
 * every lookup is recorded in {@link #lookups()}. {@link #executor()} runs tasks at once on the calling
 * thread and {@link #allocate(int)} returns heap buffers. There is no broker: {@link #sendRequest} returns
 * a failed stage, unless a test {@linkplain #broker(Function) plays the broker}, and {@link #schedule} throws
 * {@link UnsupportedOperationException}. The requests sent are recorded in {@link #sentRequests()}.
 */
public final class FakeInterceptorContext implements InterceptorContext {

    private final ApiKeys apiKey;
    private final short apiVersion;
    private final FakeConnection connection;
    private final Map<String, Object> scratch = new HashMap<>();
    private final Map<Uuid, String> topicNames = new HashMap<>();
    private final List<Collection<Uuid>> lookups = new ArrayList<>();
    private final List<PolicyViolation> violations = new ArrayList<>();
    private final List<ApiMessage> sentRequests = new ArrayList<>();
    private Function<ApiMessage, ApiMessage> broker;
    private String interceptorName = "under-test";

    /** A request of {@code apiKey} at {@code apiVersion} on {@code connection}. */
    public FakeInterceptorContext(ApiKeys apiKey, short apiVersion, FakeConnection connection) {
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
        this.connection = connection;
    }

    /** A request of {@code apiKey} at {@code apiVersion} on a new {@link FakeConnection}. */
    public FakeInterceptorContext(ApiKeys apiKey, int apiVersion) {
        this(apiKey, (short) apiVersion, new FakeConnection());
    }

    /** Makes {@link #topicNames(Collection)} answer {@code name} for {@code id}. */
    public FakeInterceptorContext knownTopic(Uuid id, String name) {
        topicNames.put(id, name);
        return this;
    }

    /** Makes {@link #sendRequest} answer each request with what {@code answer} returns for it. */
    public FakeInterceptorContext broker(Function<ApiMessage, ApiMessage> answer) {
        this.broker = answer;
        return this;
    }

    /** The requests hooks sent with {@link #sendRequest}, in order. */
    public List<ApiMessage> sentRequests() {
        return List.copyOf(sentRequests);
    }

    /** Sets the {@link #interceptorName()}, {@code under-test} by default. */
    public FakeInterceptorContext interceptorName(String name) {
        this.interceptorName = name;
        return this;
    }

    /** The violations hooks reported, in order. */
    public List<PolicyViolation> violations() {
        return violations;
    }

    @Override
    public void reportViolation(PolicyViolation violation) {
        violations.add(violation);
    }

    /** The id sets that hooks asked names for, in order. */
    public List<Collection<Uuid>> lookups() {
        return lookups;
    }

    @Override
    public String interceptorName() {
        return interceptorName;
    }

    @Override
    public FakeConnection connection() {
        return connection;
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
        return scratch;
    }

    @Override
    public CompletionStage<ApiMessage> sendRequest(ApiMessage request, short version) {
        sentRequests.add(request);
        if (broker == null) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("no broker here"));
        }
        return CompletableFuture.completedFuture(broker.apply(request));
    }

    @Override
    public CompletionStage<Map<Uuid, String>> topicNames(Collection<Uuid> topicIds) {
        lookups.add(List.copyOf(topicIds));
        Map<Uuid, String> names = new LinkedHashMap<>();
        for (Uuid id : topicIds) {
            if (topicNames.containsKey(id)) {
                names.put(id, topicNames.get(id));
            }
        }
        return CompletableFuture.completedFuture(names);
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        throw new UnsupportedOperationException("no scheduling in unit tests");
    }

    @Override
    public ByteBuffer allocate(int capacity) {
        return ByteBuffer.allocate(capacity);
    }
}
