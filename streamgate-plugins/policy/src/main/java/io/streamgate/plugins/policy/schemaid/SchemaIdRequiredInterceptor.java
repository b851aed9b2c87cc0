package io.streamgate.plugins.policy.schemaid;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Checks every record value of Produce requests against a {@link SchemaIdRule}. With BLOCK, a partition holding an
 * offending record is taken out of the request and answered INVALID_RECORD, so the other partitions of the request
 * are written; with INFO it is written and reported. Stateless; thread-safe.
 */
final class SchemaIdRequiredInterceptor implements Interceptor {

    private static final String REFUSED = SchemaIdRequiredPlugin.ID + ".refused";
    private static final CompletionStage<Map<Uuid, String>> NO_NAMES = CompletableFuture.completedFuture(Map.of());

    private final SchemaIdRule rule;
    private final Optional<Pattern> topics;
    private final PolicyAction action;

    SchemaIdRequiredInterceptor(SchemaIdRule rule, Optional<Pattern> topics, PolicyAction action) {
        this.rule = rule;
        this.topics = topics;
        this.action = action;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(ProduceRequestData.class, (context, request) ->
                namesOf(context, request).thenApply(names -> check(context, request, names)));
        hooks.onResponse(ProduceResponseData.class, this::answerRefused);
    }

    /** Produce v13+ names topics by id only; names are needed for the filter and the messages. */
    private static CompletionStage<Map<Uuid, String>> namesOf(InterceptorContext context, ProduceRequestData request) {
        List<Uuid> ids = new ArrayList<>();
        for (TopicProduceData topic : request.topicData()) {
            if (topic.name().isEmpty() && !Uuid.ZERO_UUID.equals(topic.topicId())) {
                ids.add(topic.topicId());
            }
        }
        return ids.isEmpty() ? NO_NAMES : context.topicNames(ids);
    }

    private RequestOutcome check(InterceptorContext context, ProduceRequestData request, Map<Uuid, String> names) {
        List<RefusedPartition> refused = new ArrayList<>();
        for (Iterator<TopicProduceData> topics = request.topicData().iterator(); topics.hasNext(); ) {
            TopicProduceData topic = topics.next();
            String name = topic.name().isEmpty() ? names.get(topic.topicId()) : topic.name();
            if (!selects(name)) {
                continue;
            }
            String shownName = name == null ? topic.topicId().toString() : name;
            for (Iterator<PartitionProduceData> partitions = topic.partitionData().iterator(); partitions.hasNext(); ) {
                PartitionProduceData partition = partitions.next();
                int offending = rule.firstOffendingRecord(partition.records());
                if (offending < 0) {
                    continue;
                }
                String message = "record " + offending + " of " + shownName + "-" + partition.index() + " "
                        + rule.breach() + " (rule " + rule.ruleName() + ", interceptor " + context.interceptorName() + ")";
                context.reportViolation(new PolicyViolation(rule.ruleName(), action, shownName,
                        "record " + offending, message));
                if (action == PolicyAction.BLOCK) {
                    partitions.remove();
                    refused.add(new RefusedPartition(topic.name(), topic.topicId(), partition.index(), offending, message));
                }
            }
            if (topic.partitionData().isEmpty()) {
                topics.remove();
            }
        }
        if (refused.isEmpty()) {
            return new RequestOutcome.Unchanged();
        }
        if (request.topicData().isEmpty()) {
            return new RequestOutcome.Respond(RefusedPartitions.addTo(new ProduceResponseData(), refused));
        }
        context.scratch().put(REFUSED, refused);
        return new RequestOutcome.Forward(null);
    }

    /** A topic whose id the cluster does not know is checked too, so the policy fails closed. */
    private boolean selects(String topicName) {
        return topicName == null || topics.isEmpty() || topics.get().matcher(topicName).matches();
    }

    @SuppressWarnings("unchecked")
    private CompletionStage<ResponseOutcome> answerRefused(InterceptorContext context, ProduceResponseData response) {
        List<RefusedPartition> refused = (List<RefusedPartition>) context.scratch().get(REFUSED);
        if (refused != null) {
            RefusedPartitions.addTo(response, refused);
        }
        return ResponseOutcome.forward();
    }
}
