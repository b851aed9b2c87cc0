package io.streamgate.plugins.policy.readonly;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Rule {@code readOnly}: no write to the topics matching a pattern. BLOCK answers TOPIC_AUTHORIZATION_FAILED, as a
 * broker does for a client without the ACL, per topic (per partition in Produce): the entries for read-only topics
 * are taken out of the request and their errors added to the broker's response, so the other topics of the request
 * go through. A request that only writes to read-only topics is answered by the gateway with those errors (a Produce
 * is failed as a whole: with acks=0 it gets no answer). Consumer offsets are not topic data: OffsetCommit and
 * OffsetDelete pass. Stateless; thread-safe.
 */
final class ReadOnlyTopicPolicyInterceptor implements Interceptor {

    static final String RULE = "readOnly";

    private static final String REFUSED = "refused";

    private final Pattern topics;
    private final PolicyAction action;

    ReadOnlyTopicPolicyInterceptor(Pattern topics, PolicyAction action) {
        this.topics = topics;
        this.action = action;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(ProduceRequestData.class, (context, request) -> guard(context, request, WriteApis.PRODUCE));
        hooks.onRequest(DeleteTopicsRequestData.class, (context, request) -> context.apiVersion() >= 6
                ? guard(context, request, WriteApis.DELETE_TOPIC_STATES)
                : guard(context, request, WriteApis.DELETE_TOPIC_NAMES));
        hooks.onRequest(CreatePartitionsRequestData.class, (context, request) ->
                guard(context, request, WriteApis.CREATE_PARTITIONS));
        hooks.onRequest(DeleteRecordsRequestData.class, (context, request) ->
                guard(context, request, WriteApis.DELETE_RECORDS));
        hooks.onRequest(AlterConfigsRequestData.class, (context, request) ->
                guard(context, request, WriteApis.ALTER_CONFIGS));
        hooks.onRequest(IncrementalAlterConfigsRequestData.class, (context, request) ->
                guard(context, request, WriteApis.INCREMENTAL_ALTER_CONFIGS));
        hooks.onRequest(AlterPartitionReassignmentsRequestData.class, (context, request) ->
                guard(context, request, WriteApis.ALTER_PARTITION_REASSIGNMENTS));
        hooks.onResponses(EnumSet.of(ApiKeys.PRODUCE, ApiKeys.DELETE_TOPICS, ApiKeys.CREATE_PARTITIONS,
                ApiKeys.DELETE_RECORDS, ApiKeys.ALTER_CONFIGS, ApiKeys.INCREMENTAL_ALTER_CONFIGS,
                ApiKeys.ALTER_PARTITION_REASSIGNMENTS), this::answerRefused);
    }

    private <Q extends ApiMessage, R extends ApiMessage, E> CompletionStage<RequestOutcome> guard(
            InterceptorContext context, Q request, TopicWrites<Q, R, E> writes) {
        Collection<E> entries = writes.entries(request);
        return names(context, entries, writes).thenCompose(names -> {
            List<E> refused = new ArrayList<>();
            List<String> refusedTopics = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (E entry : entries) {
                String topic = writes.name(entry) != null ? writes.name(entry) : names.get(writes.topicId(entry));
                if (topic != null && topics.matcher(topic).matches()) {
                    String message = "topic '" + topic + "' is read-only (rule " + RULE + ", interceptor "
                            + context.interceptorName() + ")";
                    context.reportViolation(new PolicyViolation(RULE, action, topic, context.apiKey().name, message));
                    refused.add(entry);
                    refusedTopics.add(topic);
                    messages.add(message);
                }
            }
            if (refused.isEmpty() || action != PolicyAction.BLOCK) {
                return RequestOutcome.forward();
            }
            RefusedEntries<R, E> answers = new RefusedEntries<>(writes, refused, refusedTopics, messages);
            if (refused.size() == entries.size()) {
                return writes.emptyResponse().map(response -> {
                    answers.answerIn(response);
                    return RequestOutcome.respond(response);
                }).orElseGet(() -> RequestOutcome.fail(Errors.TOPIC_AUTHORIZATION_FAILED, refused.size() == 1
                        ? messages.get(0) : "topics " + String.join(", ", refusedTopics) + " are read-only (rule "
                        + RULE + ", interceptor " + context.interceptorName() + ")"));
            }
            Set<E> taken = Collections.newSetFromMap(new IdentityHashMap<>());
            taken.addAll(refused);
            entries.removeIf(taken::contains);
            context.scratch().put(REFUSED, answers);
            return RequestOutcome.forward();
        });
    }

    /** The names of the topics that entries name by id only; nothing to ask when every entry has a name. */
    private static <E> CompletionStage<Map<Uuid, String>> names(InterceptorContext context, Collection<E> entries,
                                                               TopicWrites<?, ?, E> writes) {
        List<Uuid> ids = new ArrayList<>();
        for (E entry : entries) {
            if (writes.name(entry) == null && !Uuid.ZERO_UUID.equals(writes.topicId(entry))) {
                ids.add(writes.topicId(entry));
            }
        }
        return ids.isEmpty() ? CompletableFuture.completedFuture(Map.of()) : context.topicNames(ids);
    }

    @SuppressWarnings("unchecked")
    private CompletionStage<ResponseOutcome> answerRefused(InterceptorContext context, ApiMessage response) {
        RefusedEntries<ApiMessage, ?> refused = (RefusedEntries<ApiMessage, ?>) context.scratch().remove(REFUSED);
        if (refused != null) {
            refused.answerIn(response);
        }
        return ResponseOutcome.forward();
    }
}
