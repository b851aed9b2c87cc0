package io.streamgate.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.streamgate.core.diagnostics.CountingLeakDetector;
import org.apache.kafka.common.protocol.ApiKeys;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;

/**
 * The gateway's meters, named in Micrometer's dotted style; the Prometheus names below are what
 * {@code /metrics} shows. Per-API meters are created on first use and then found by array index, so the
 * request path does no map lookup and takes no lock.
 *
 * <ul>
 *   <li>{@code streamgate_connections_open}: client connections currently open;</li>
 *   <li>{@code streamgate_requests_in_flight}: requests read and not yet answered;</li>
 *   <li>{@code streamgate_requests_total{api}}: requests received from clients;</li>
 *   <li>{@code streamgate_errors_total{api}}: requests that got no response because of the gateway or a
 *       lost upstream connection (Kafka error codes inside responses are the broker's answer, not errors
 *       here);</li>
 *   <li>{@code streamgate_upstream_latency_seconds{api}}: from forwarding a request to receiving its
 *       response (a histogram with buckets from 0.1 ms to 5 s);</li>
 *   <li>{@code streamgate_gateway_latency_seconds{api}}: the rest of the request's time in the gateway,
 *       from receiving it to writing its response, upstream time excluded;</li>
 *   <li>{@code streamgate_bytes_total{direction}}: bytes of Kafka frames, {@code client_in},
 *       {@code client_out};</li>
 *   <li>{@code streamgate_requests_decoded_total{api}}: requests the gateway had to decode, for an interceptor's hook or
 *       a virtual cluster's mapping (the rest are forwarded as the client's bytes);</li>
 *   <li>{@code streamgate_responses_decoded_total{api}}: responses the gateway had to decode and re-encode
 *       (the rest are forwarded as the broker's bytes);</li>
 *   <li>{@code streamgate_responses_streamed_total{api}}: large responses forwarded as their bytes arrived, rather
 *       than once whole;</li>
 *   <li>{@code streamgate_buffer_memory_bytes{type}}: memory held by Netty's buffer allocator, {@code direct}
 *       and {@code heap};</li>
 *   <li>{@code streamgate_buffer_leaks}: leaked buffers Netty's leak detector has reported since start;</li>
 *   <li>{@code streamgate_interceptor_failures_total{interceptor,reason}}: hooks that threw, completed
 *       exceptionally ({@code error}) or did not answer in time ({@code timeout});</li>
 *   <li>{@code streamgate_interceptor_refusals_total{interceptor}}: requests an interceptor failed on
 *       purpose, with a Kafka error (a policy saying no);</li>
 *   <li>{@code streamgate_connections_rejected_total{listener,reason}}: client connections a listener closed before
 *       any Kafka request: {@code tls_on_plaintext} (a TLS handshake on a plaintext listener),
 *       {@code plaintext_on_tls} (plaintext bytes on a TLS listener), {@code unknown_server_name} (an SNI name
 *       that names no broker), {@code tls_handshake_failed} (e.g. no or an untrusted client certificate).</li>
 *   <li>{@code streamgate_authentications_total{listener,mechanism,phase,outcome,reason}}: client authentications,
 *       {@code phase} {@code initial} or {@code reauthentication}, {@code outcome} {@code success} or
 *       {@code failure}, {@code reason} one of a small fixed set ({@code none} on success; see
 *       {@code AuthenticationFailure});</li>
 *   <li>{@code streamgate_authentication_closes_total{listener,reason}}: connections closed for breaking the
 *       authentication rules: {@code unauthenticated_request}, {@code session_expired}, {@code timeout}.</li>
 * </ul>
 */
public final class GatewayMetrics {

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
        Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicReferenceArray<ApiMeters> apiMeters = new AtomicReferenceArray<>(Short.MAX_VALUE + 1);
    private final Counter bytesFromClients;
    private final Counter bytesToClients;
    private final Counter protocolErrors;
    private final Map<String, VirtualClusterMeters> virtualClusters = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("streamgate.connections.open", openConnections, AtomicInteger::get)
                .description("Client connections currently open").register(registry);
        bytesFromClients = bytes("client_in");
        bytesToClients = bytes("client_out");
        ByteBufAllocatorMetric allocator = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        Gauge.builder("streamgate.buffer.memory", allocator, ByteBufAllocatorMetric::usedDirectMemory)
                .tag("type", "direct").description("Memory held by the buffer allocator").baseUnit("bytes")
                .register(registry);
        Gauge.builder("streamgate.buffer.memory", allocator, ByteBufAllocatorMetric::usedHeapMemory)
                .tag("type", "heap").description("Memory held by the buffer allocator").baseUnit("bytes")
                .register(registry);
        Gauge.builder("streamgate.buffer.leaks", CountingLeakDetector::leaks)
                .description("Leaked buffers reported by Netty's leak detector since start").register(registry);
        protocolErrors = Counter.builder("streamgate.protocol.errors")
                .description("Connections closed because the client sent invalid Kafka framing or requests")
                .register(registry);
    }

    private Counter bytes(String direction) {
        return Counter.builder("streamgate.bytes").tag("direction", direction)
                .description("Bytes of Kafka frames").baseUnit("bytes").register(registry);
    }

    /** Reports the number of requests awaiting a response, read when metrics are scraped. */
    public void inFlightRequests(IntSupplier inFlight) {
        Gauge.builder("streamgate.requests.in.flight", inFlight, IntSupplier::getAsInt)
                .description("Requests read from clients and not yet answered").register(registry);
    }

    public void connectionOpened() {
        openConnections.incrementAndGet();
    }

    public void connectionClosed() {
        openConnections.decrementAndGet();
    }

    public int openConnections() {
        return openConnections.get();
    }

    public void protocolError() {
        protocolErrors.increment();
    }

    /** A listener closed a client connection before any Kafka request, for {@code reason}. */
    public void connectionRejected(String listener, String reason) {
        Counter.builder("streamgate.connections.rejected").tag("listener", listener).tag("reason", reason)
                .description("Client connections a listener closed before any Kafka request").register(registry)
                .increment();
    }

    public void requestReceived(ApiKeys apiKey, int frameBytes) {
        meters(apiKey).requests.increment();
        bytesFromClients.increment(frameBytes);
    }

    /** A request of a connection in a virtual cluster, mapped or refused; counted besides {@link #requestReceived}. */
    public void virtualClusterRequest(String virtualCluster, ApiKeys apiKey, int frameBytes) {
        VirtualClusterMeters meters = virtualClusters.computeIfAbsent(virtualCluster,
                name -> new VirtualClusterMeters(registry, name));
        meters.requests(apiKey).increment();
        meters.bytesIn.increment(frameBytes);
    }

    /** An API a virtual-cluster connection may not use (it has no mapping), refused. */
    public void virtualClusterRefusal(String virtualCluster, ApiKeys apiKey) {
        Counter.builder("streamgate.virtual.cluster.refusals").tag("virtual_cluster", virtualCluster)
                .tag("api", apiKey.name).description("Requests of APIs that virtual-cluster connections may not use")
                .register(registry).increment();
    }

    /** A policy interceptor reported a violation of one of its rules. */
    public void policyViolation(String interceptor, String rule, String action) {
        Counter.builder("streamgate.policy.violations").tag("interceptor", interceptor).tag("rule", rule)
                .tag("action", action).description("Requests that broke a rule of a policy interceptor")
                .register(registry).increment();
    }

    /** The meters of one virtual cluster, made on its first request. */
    private static final class VirtualClusterMeters {

        private final MeterRegistry registry;
        private final String virtualCluster;
        private final AtomicReferenceArray<Counter> requests = new AtomicReferenceArray<>(Short.MAX_VALUE + 1);
        private final Counter bytesIn;

        VirtualClusterMeters(MeterRegistry registry, String virtualCluster) {
            this.registry = registry;
            this.virtualCluster = virtualCluster;
            this.bytesIn = Counter.builder("streamgate.virtual.cluster.bytes").tag("virtual_cluster", virtualCluster)
                    .tag("direction", "client_in").description("Bytes of Kafka frames of virtual-cluster connections")
                    .baseUnit("bytes").register(registry);
        }

        Counter requests(ApiKeys apiKey) {
            Counter counter = requests.get(apiKey.id);
            if (counter == null) {
                counter = Counter.builder("streamgate.virtual.cluster.requests").tag("virtual_cluster", virtualCluster)
                        .tag("api", apiKey.name).description("Requests of virtual-cluster connections")
                        .register(registry);
                requests.set(apiKey.id, counter);
            }
            return counter;
        }
    }

    /**
     * A response left for the client.
     *
     * @param totalNanos from receiving the request to writing the response
     * @param upstreamNanos the part of it spent waiting for the broker; zero for answers the gateway gave
     */
    public void responseSent(ApiKeys apiKey, int frameBytes, long totalNanos, long upstreamNanos) {
        ApiMeters meters = meters(apiKey);
        bytesToClients.increment(frameBytes);
        if (upstreamNanos > 0) {
            meters.upstreamLatency.record(upstreamNanos, TimeUnit.NANOSECONDS);
        }
        meters.gatewayLatency.record(Math.max(totalNanos - upstreamNanos, 0), TimeUnit.NANOSECONDS);
    }

    public void requestDecoded(ApiKeys apiKey) {
        meters(apiKey).requestsDecoded.increment();
    }

    public void responseDecoded(ApiKeys apiKey) {
        meters(apiKey).decoded.increment();
    }

    public void responseStreamed(ApiKeys apiKey) {
        meters(apiKey).streamed.increment();
    }

    public void interceptorFailed(String interceptor, boolean timedOut) {
        Counter.builder("streamgate.interceptor.failures").tag("interceptor", interceptor)
                .tag("reason", timedOut ? "timeout" : "error")
                .description("Interceptor hooks that failed or timed out").register(registry).increment();
    }

    public void interceptorRefused(String interceptor) {
        Counter.builder("streamgate.interceptor.refusals").tag("interceptor", interceptor)
                .description("Requests an interceptor failed with a Kafka error").register(registry).increment();
    }

    /**
     * A client authentication was decided. Every tag value comes from a small fixed set (a mechanism the listener
     * offers, a reason code), never from what the client sent.
     */
    public void authenticated(String listener, String mechanism, boolean reauthentication, boolean succeeded,
                              String reason) {
        Counter.builder("streamgate.authentications").tag("listener", listener).tag("mechanism", mechanism)
                .tag("phase", reauthentication ? "reauthentication" : "initial")
                .tag("outcome", succeeded ? "success" : "failure").tag("reason", reason)
                .description("Client authentications decided").register(registry).increment();
    }

    /** A connection was closed for breaking the authentication rules; {@code reason} is from a fixed set. */
    public void authenticationClosed(String listener, String reason) {
        Counter.builder("streamgate.authentication.closes").tag("listener", listener).tag("reason", reason)
                .description("Connections closed for breaking the authentication rules").register(registry)
                .increment();
    }

    public void requestFailed(ApiKeys apiKey) {
        meters(apiKey).errors.increment();
    }

    private ApiMeters meters(ApiKeys apiKey) {
        ApiMeters meters = apiMeters.get(apiKey.id);
        if (meters == null) {
            apiMeters.compareAndSet(apiKey.id, null, new ApiMeters(registry, apiKey));
            meters = apiMeters.get(apiKey.id);
        }
        return meters;
    }

    private static final class ApiMeters {
        final Counter requests;
        final Counter errors;
        final Counter requestsDecoded;
        final Counter decoded;
        final Counter streamed;
        final Timer upstreamLatency;
        final Timer gatewayLatency;

        ApiMeters(MeterRegistry registry, ApiKeys apiKey) {
            String api = apiKey.name;
            requests = Counter.builder("streamgate.requests").tag("api", api)
                    .description("Requests received from clients").register(registry);
            errors = Counter.builder("streamgate.errors").tag("api", api)
                    .description("Requests that got no response because of the gateway or a lost upstream connection")
                    .register(registry);
            requestsDecoded = Counter.builder("streamgate.requests.decoded").tag("api", api)
                    .description("Requests decoded by the gateway").register(registry);
            decoded = Counter.builder("streamgate.responses.decoded").tag("api", api)
                    .description("Responses decoded and re-encoded by the gateway").register(registry);
            streamed = Counter.builder("streamgate.responses.streamed").tag("api", api)
                    .description("Large responses forwarded as their bytes arrived").register(registry);
            upstreamLatency = Timer.builder("streamgate.upstream.latency").tag("api", api)
                    .description("From forwarding a request to receiving the broker's response")
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
            gatewayLatency = Timer.builder("streamgate.gateway.latency").tag("api", api)
                    .description("Time a request and its response spent in the gateway itself, upstream excluded")
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        }
    }
}
