package io.streamgate.plugins.audit;

import io.streamgate.api.ConnectionInfo;
import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.audit.event.AuditEvent;
import io.streamgate.plugins.audit.event.ErrorCounts;
import io.streamgate.plugins.audit.event.Outcome;
import io.streamgate.plugins.audit.event.RequestTopics;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Builds an audit event from each chosen request, keeps it in the request's scratch space, completes it with
 * the response's outcome and hands it to the {@link AuditTrail}. A Produce request with {@code acks=0} gets no
 * response: its event is written at once, with outcome {@code none}. Thread-safe; stateless between requests.
 */
final class AuditInterceptor implements Interceptor {

    private static final String PENDING_EVENT = "audit.event";
    private static final CompletionStage<Map<Uuid, String>> NO_NAMES = CompletableFuture.completedFuture(Map.of());

    private final AuditConfig config;
    private final String gatewayHost;
    private final Clock clock;
    private final AuditTrail trail;

    AuditInterceptor(AuditConfig config, String gatewayHost, Clock clock, AuditTrail trail) {
        this.config = config;
        this.gatewayHost = gatewayHost;
        this.clock = clock;
        this.trail = trail;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequests(config.apis(), this::onRequest);
        hooks.onResponses(config.apis(), this::onResponse);
    }

    private CompletionStage<RequestOutcome> onRequest(InterceptorContext context, ApiMessage request) {
        ConnectionInfo connection = context.connection();
        if (!config.users().isEmpty() && !config.users().contains(connection.principal())) {
            return RequestOutcome.unchanged();
        }
        AuditEvent pending = new AuditEvent(clock.instant(), gatewayHost, connection.id(),
                address(connection.clientAddress()), connection.principal(), connection.clientId(),
                connection.virtualCluster().orElse(null), context.apiKey().name, context.apiVersion(), List.of(),
                Outcome.PENDING.name(), Map.of());
        RequestTopics topics = RequestTopics.of(context.apiKey(), request);
        boolean answered = !(context.apiKey() == ApiKeys.PRODUCE && ((ProduceRequestData) request).acks() == 0);
        CompletionStage<Map<Uuid, String>> names = topics.ids().isEmpty() ? NO_NAMES : context.topicNames(topics.ids());
        return names.thenCompose(resolved -> {
            List<String> topicNames = new ArrayList<>(topics.names());
            for (Uuid id : topics.ids()) {
                String name = resolved.getOrDefault(id, id.toString());
                if (!topicNames.contains(name)) {
                    topicNames.add(name);
                }
            }
            if (!selected(topicNames)) {
                return RequestOutcome.unchanged();
            }
            AuditEvent event = pending.withTopics(topicNames);
            if (answered) {
                context.scratch().put(PENDING_EVENT, event);
            } else {
                trail.append(event.withOutcome(Outcome.NONE));
            }
            return RequestOutcome.unchanged();
        });
    }

    private CompletionStage<ResponseOutcome> onResponse(InterceptorContext context, ApiMessage response) {
        if (context.scratch().remove(PENDING_EVENT) instanceof AuditEvent event) {
            trail.append(event.withOutcome(Outcome.of(ErrorCounts.of(response))));
        }
        return ResponseOutcome.forward();
    }

    /** With a topics expression, only requests naming a matching topic; without one, every request. */
    private boolean selected(List<String> topicNames) {
        return config.topics().map(pattern -> topicNames.stream().anyMatch(name -> pattern.matcher(name).matches()))
                .orElse(true);
    }

    private static String address(InetSocketAddress address) {
        if (address == null) {
            return null;
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Events dropped because a sink's queue was full. */
    long droppedEvents() {
        return trail.dropped();
    }

    /** Writes what is queued (up to the writers' close timeout), then closes the producer and the file. */
    @Override
    public void close() {
        trail.close();
    }
}
