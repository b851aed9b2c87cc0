package io.streamgate.plugins.policy.altertopicconfig;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.policy.topicrules.TopicEnforcement;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.protocol.Errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Enforces the alteration rules on each TOPIC resource of AlterConfigs and IncrementalAlterConfigs requests (other
 * resources pass untouched). Refused topics are taken out of the request and answered with POLICY_VIOLATION in
 * their per-resource response, so the other resources are still changed; when none is left, the gateway answers
 * without asking the broker. Stateless; thread-safe.
 */
final class AlterTopicConfigPolicyInterceptor implements Interceptor {

    private static final String REFUSED = "refusedTopics";
    private static final byte TOPIC = ConfigResource.Type.TOPIC.id();

    private final AlterationRules rules;

    AlterTopicConfigPolicyInterceptor(AlterationRules rules) {
        this.rules = rules;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(AlterConfigsRequestData.class, this::onAlterConfigs);
        hooks.onResponse(AlterConfigsResponseData.class, (context, response) -> {
            addRefusals(response, refused(context));
            return ResponseOutcome.forward();
        });
        hooks.onRequest(IncrementalAlterConfigsRequestData.class, this::onIncrementalAlterConfigs);
        hooks.onResponse(IncrementalAlterConfigsResponseData.class, (context, response) -> {
            addRefusals(response, refused(context));
            return ResponseOutcome.forward();
        });
    }

    private CompletionStage<RequestOutcome> onAlterConfigs(InterceptorContext context, AlterConfigsRequestData request) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (AlterConfigsRequestData.AlterConfigsResource resource : List.copyOf(request.resources())) {
            if (resource.resourceType() == TOPIC) {
                TopicEnforcement enforcement = new TopicEnforcement(context, resource.resourceName());
                rules.enforce(resource, enforcement);
                enforcement.refusal().ifPresent(message -> {
                    refused.put(resource.resourceName(), message);
                    request.resources().remove(resource);
                });
            }
        }
        if (!refused.isEmpty() && request.resources().isEmpty()) {
            AlterConfigsResponseData response = new AlterConfigsResponseData();
            addRefusals(response, refused);
            return RequestOutcome.respond(response);
        }
        return remember(context, refused);
    }

    private CompletionStage<RequestOutcome> onIncrementalAlterConfigs(InterceptorContext context,
                                                                      IncrementalAlterConfigsRequestData request) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (IncrementalAlterConfigsRequestData.AlterConfigsResource resource : List.copyOf(request.resources())) {
            if (resource.resourceType() == TOPIC) {
                TopicEnforcement enforcement = new TopicEnforcement(context, resource.resourceName());
                rules.enforce(resource, enforcement);
                enforcement.refusal().ifPresent(message -> {
                    refused.put(resource.resourceName(), message);
                    request.resources().remove(resource);
                });
            }
        }
        if (!refused.isEmpty() && request.resources().isEmpty()) {
            IncrementalAlterConfigsResponseData response = new IncrementalAlterConfigsResponseData();
            addRefusals(response, refused);
            return RequestOutcome.respond(response);
        }
        return remember(context, refused);
    }

    private static CompletionStage<RequestOutcome> remember(InterceptorContext context, Map<String, String> refused) {
        if (!refused.isEmpty()) {
            context.scratch().put(REFUSED, refused);
        }
        return RequestOutcome.forward();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> refused(InterceptorContext context) {
        return (Map<String, String>) context.scratch().getOrDefault(REFUSED, Map.of());
    }

    private static void addRefusals(IncrementalAlterConfigsResponseData response, Map<String, String> refused) {
        refused.forEach((topic, message) -> response.responses().add(
                new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse().setResourceType(TOPIC)
                        .setResourceName(topic).setErrorCode(Errors.POLICY_VIOLATION.code())
                        .setErrorMessage(message)));
    }

    private static void addRefusals(AlterConfigsResponseData response, Map<String, String> refused) {
        refused.forEach((topic, message) -> response.responses().add(
                new AlterConfigsResponseData.AlterConfigsResourceResponse().setResourceType(TOPIC)
                        .setResourceName(topic).setErrorCode(Errors.POLICY_VIOLATION.code())
                        .setErrorMessage(message)));
    }
}
