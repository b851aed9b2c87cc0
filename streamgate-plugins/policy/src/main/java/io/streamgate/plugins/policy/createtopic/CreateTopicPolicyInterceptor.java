package io.streamgate.plugins.policy.createtopic;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.policy.topicrules.TopicEnforcement;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.Errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Enforces the creation rules on each topic of a CreateTopics request. Refused topics are taken out of the request
 * and answered with POLICY_VIOLATION in the response, so the others are still created; when none is left, the
 * gateway answers without asking the broker. Stateless; thread-safe.
 */
final class CreateTopicPolicyInterceptor implements Interceptor {

    private static final String REFUSED = "refusedTopics";

    private final CreationRules rules;

    CreateTopicPolicyInterceptor(CreationRules rules) {
        this.rules = rules;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(CreateTopicsRequestData.class, this::onRequest);
        hooks.onResponse(CreateTopicsResponseData.class, this::onResponse);
    }

    private CompletionStage<RequestOutcome> onRequest(InterceptorContext context, CreateTopicsRequestData request) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (CreatableTopic topic : List.copyOf(request.topics())) {
            TopicEnforcement enforcement = new TopicEnforcement(context, topic.name());
            rules.enforce(topic, enforcement);
            enforcement.refusal().ifPresent(message -> {
                refused.put(topic.name(), message);
                request.topics().remove(topic);
            });
        }
        if (refused.isEmpty()) {
            return RequestOutcome.forward();
        }
        if (request.topics().isEmpty()) {
            CreateTopicsResponseData response = new CreateTopicsResponseData();
            addRefusals(response, refused);
            return RequestOutcome.respond(response);
        }
        context.scratch().put(REFUSED, refused);
        return RequestOutcome.forward();
    }

    @SuppressWarnings("unchecked")
    private CompletionStage<ResponseOutcome> onResponse(InterceptorContext context, CreateTopicsResponseData response) {
        Map<String, String> refused = (Map<String, String>) context.scratch().get(REFUSED);
        if (refused != null) {
            addRefusals(response, refused);
        }
        return ResponseOutcome.forward();
    }

    private static void addRefusals(CreateTopicsResponseData response, Map<String, String> refused) {
        refused.forEach((topic, message) -> response.topics().add(new CreatableTopicResult()
                .setName(topic)
                .setErrorCode(Errors.POLICY_VIOLATION.code())
                .setErrorMessage(message)));
    }
}
