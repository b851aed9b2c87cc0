package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyViolation;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** A {@link FakeInterceptorContext} whose {@link #schedule} records the task, to be run by the test. */
final class SchedulingContext implements InterceptorContext {

    private final FakeInterceptorContext fake;
    private final List<Duration> delays = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();

    SchedulingContext(ApiKeys api, int version, FakeConnection connection) {
        this.fake = new FakeInterceptorContext(api, (short) version, connection);
    }

    /** The delays asked for, in order. */
    List<Duration> delays() {
        return delays;
    }

    /** Runs the scheduled tasks, as if their delays had passed. */
    void runScheduled() {
        List<Runnable> due = List.copyOf(tasks);
        tasks.clear();
        due.forEach(Runnable::run);
    }

    List<PolicyViolation> violations() {
        return fake.violations();
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        delays.add(delay);
        tasks.add(task);
    }

    @Override
    public String interceptorName() {
        return fake.interceptorName();
    }

    @Override
    public FakeConnection connection() {
        return fake.connection();
    }

    @Override
    public void reportViolation(PolicyViolation violation) {
        fake.reportViolation(violation);
    }

    @Override
    public ApiKeys apiKey() {
        return fake.apiKey();
    }

    @Override
    public short apiVersion() {
        return fake.apiVersion();
    }

    @Override
    public Map<String, Object> scratch() {
        return fake.scratch();
    }

    @Override
    public CompletionStage<ApiMessage> sendRequest(ApiMessage request, short version) {
        return fake.sendRequest(request, version);
    }

    @Override
    public CompletionStage<Map<Uuid, String>> topicNames(Collection<Uuid> topicIds) {
        return fake.topicNames(topicIds);
    }

    @Override
    public Executor executor() {
        return fake.executor();
    }

    @Override
    public ByteBuffer allocate(int capacity) {
        return fake.allocate(capacity);
    }
}
