package io.streamgate.plugins.policy.produce;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks every partition of a Produce request against the rules. Partitions that break a BLOCK rule are taken out of
 * the request and answered with the rule's error in the response, so the others are still written, as a broker
 * refuses partitions one by one. An {@code acks=0} request has no response to carry errors: as a broker does for an
 * acks=0 request it cannot write, the connection is closed, which makes the producer notice. Stateless; thread-safe.
 *
 * <p>There is no response hook, so that the broker's Produce responses are forwarded as its bytes: a request that
 * is partly refused sends what is left as a request of the gateway's own, and answers the client with the broker's
 * response to it plus the refused partitions.
 */
final class ProducePolicyInterceptor implements Interceptor {

    private static final CompletionStage<Map<Uuid, String>> NO_NAMES = CompletableFuture.completedFuture(Map.of());

    private final List<ProduceRule> rules;
    private final TopicScope topics;

    ProducePolicyInterceptor(List<ProduceRule> rules, TopicScope topics) {
        this.rules = List.copyOf(rules);
        this.topics = topics;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(ProduceRequestData.class, (context, request) ->
                names(context, request).thenCompose(names -> check(context, request, names)));
    }

    private static CompletionStage<Map<Uuid, String>> names(InterceptorContext context, ProduceRequestData request) {
        List<Uuid> ids = new ArrayList<>();
        for (TopicProduceData topic : request.topicData()) {
            if ((topic.name() == null || topic.name().isEmpty()) && !Uuid.ZERO_UUID.equals(topic.topicId())) {
                ids.add(topic.topicId());
            }
        }
        return ids.isEmpty() ? NO_NAMES : context.topicNames(ids);
    }

    private CompletionStage<RequestOutcome> check(InterceptorContext context, ProduceRequestData request,
                                                  Map<Uuid, String> names) {
        Map<String, PolicyViolation> violations = new LinkedHashMap<>();
        RefusedPartitions refused = new RefusedPartitions();
        List<TopicProduceData> emptied = new ArrayList<>();
        for (TopicProduceData topic : request.topicData()) {
            String name = TopicScope.nameOf(topic.name(), topic.topicId(), names);
            if (!topics.selects(name)) {
                continue;
            }
            String reportedName = name != null ? name : topic.topicId().toString();
            boolean removed = topic.partitionData().removeIf(partition -> {
                Refusal refusal = check(context, request, reportedName, partition, violations);
                if (refusal != null) {
                    refused.add(topic.name(), topic.topicId(), partition.index(), refusal.error(), refusal.message());
                }
                return refusal != null;
            });
            if (removed && topic.partitionData().isEmpty()) {
                emptied.add(topic);
            }
        }
        violations.values().forEach(context::reportViolation);
        if (refused.isEmpty()) {
            return RequestOutcome.unchanged(); // the client's bytes go on, not copied
        }
        if (request.acks() == 0) {
            return RequestOutcome.close("an acks=0 Produce request broke a rule: " + refused.firstMessage());
        }
        emptied.forEach(request.topicData()::remove);
        if (request.topicData().isEmpty()) {
            return RequestOutcome.respond(refused.addTo(new ProduceResponseData()));
        }
        return context.sendRequest(request, context.apiVersion()).thenApply(response ->
                new RequestOutcome.Respond(refused.addTo((ProduceResponseData) response)));
    }

    /** Checks one partition against every rule, noting each breach once per rule and topic; the refusal, if any. */
    private Refusal check(InterceptorContext context, ProduceRequestData request, String topic,
                          PartitionProduceData partition, Map<String, PolicyViolation> violations) {
        MemoryRecords records = partition.records() instanceof MemoryRecords memory ? memory : MemoryRecords.EMPTY;
        Refusal refusal = null;
        for (ProduceRule rule : rules) {
            Breach breach = rule.check(request, context.apiVersion(), records);
            if (breach == null) {
                continue;
            }
            String message = breach.problem() + " (rule " + rule.name() + ", interceptor " + context.interceptorName()
                    + ")";
            violations.putIfAbsent(rule.name() + '\0' + topic,
                    new PolicyViolation(rule.name(), rule.action(), topic, breach.value(), message));
            if (rule.action() == PolicyAction.BLOCK && refusal == null) {
                refusal = new Refusal(breach.error(), message);
            }
        }
        return refusal;
    }

    /** The error a refused partition is answered with. */
    private record Refusal(Errors error, String message) {
    }
}
