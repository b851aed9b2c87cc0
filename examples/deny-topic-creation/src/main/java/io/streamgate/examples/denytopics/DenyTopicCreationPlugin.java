package io.streamgate.examples.denytopics;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.protocol.Errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * Refuses the creation of topics whose names match a pattern, with POLICY_VIOLATION on each refused topic;
 * the others in the same request are created as asked.
 */
public final class DenyTopicCreationPlugin implements InterceptorPlugin {

    @Override
    public String id() {
        return "deny-topic-creation";
    }

    @Override
    public String title() {
        return "Deny topic creation";
    }

    @Override
    public String description() {
        return "Refuses CreateTopics for topic names matching a regular expression (an example plugin).";
    }

    @Override
    public String configSchema() {
        try (InputStream schema = getClass().getResourceAsStream("/deny-topic-creation.schema.json")) {
            return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        Pattern denied = config.pattern("pattern").orElseThrow();
        return hooks -> hooks.onRequest(CreateTopicsRequestData.class, (ctx, request) -> {
            CreateTopicsResponseData refusals = new CreateTopicsResponseData();
            Iterator<CreateTopicsRequestData.CreatableTopic> topics = request.topics().iterator();
            while (topics.hasNext()) {
                CreateTopicsRequestData.CreatableTopic topic = topics.next();
                if (denied.matcher(topic.name()).find()) {
                    refusals.topics().add(new CreateTopicsResponseData.CreatableTopicResult().setName(topic.name())
                            .setErrorCode(Errors.POLICY_VIOLATION.code())
                            .setErrorMessage("topic name matches the denied pattern " + denied.pattern()
                                    + " (interceptor " + ctx.interceptorName() + ")"));
                    topics.remove();
                }
            }
            if (refusals.topics().isEmpty()) {
                return RequestOutcome.forward();
            }
            if (request.topics().isEmpty()) {
                return RequestOutcome.respond(refusals);
            }
            // Some topics may be created: let the broker create them, then add the refusals to its answer.
            ctx.scratch().put("refusals", refusals);
            return RequestOutcome.forward();
        }).onResponse(CreateTopicsResponseData.class, (ctx, response) -> {
            Object refusals = ctx.scratch().get("refusals");
            if (refusals instanceof CreateTopicsResponseData refused) {
                refused.topics().forEach(result -> response.topics().add(result.duplicate()));
            }
            return io.streamgate.api.ResponseOutcome.forward();
        });
    }
}
