package io.streamgate.it.chain;

import io.streamgate.api.ConnectionOutcome;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Interceptor plugins that exercise the chain, found on the test class path by ServiceLoader. */
public final class TestPlugins {

    /** What the recorder saw, as {@code label:request:connectionId} and {@code label:response:connectionId}. */
    public static final Queue<String> RECORDED = new ConcurrentLinkedQueue<>();

    private TestPlugins() {
    }

    private abstract static class Base implements InterceptorPlugin {
        @Override
        public String title() {
            return id();
        }

        @Override
        public String description() {
            return "A plugin for the chain's integration tests.";
        }
    }

    /** Records Produce requests and responses, nothing else. */
    public static final class Recorder extends Base {
        @Override
        public String id() {
            return "test-recorder";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"],
                     "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            String label = config.string("label").orElseThrow();
            return hooks -> hooks
                    .onRequest(ProduceRequestData.class, (ctx, request) -> {
                        RECORDED.add(label + ":request:" + ctx.connection().id());
                        ctx.scratch().put("seen", true);
                        return RequestOutcome.forward();
                    })
                    .onResponse(ProduceResponseData.class, (ctx, response) -> {
                        RECORDED.add(label + ":response:" + ctx.scratch().get("seen"));
                        return ResponseOutcome.forward();
                    });
        }
    }

    /**
     * Records who sent each Produce request, as {@code label:principal:serviceAccount:groups} (groups sorted,
     * comma-separated), in {@link #RECORDED}.
     */
    public static final class PrincipalRecorder extends Base {
        @Override
        public String id() {
            return "test-principal-recorder";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"],
                     "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            String label = config.string("label").orElseThrow();
            return hooks -> hooks.onRequest(ProduceRequestData.class, (ctx, request) -> {
                RECORDED.add(label + ":" + ctx.connection().principal() + ":"
                        + ctx.connection().serviceAccount().orElse("-") + ":"
                        + String.join(",", new java.util.TreeSet<>(ctx.connection().groups())));
                return RequestOutcome.forward();
            });
        }
    }

    /**
     * Doubles the partition count of every topic a CreateTopics request creates, in place, and then answers either
     * {@code forward()} or, with {@code unchanged: true}, {@code unchanged()}: which of the two reaches the broker
     * shows whether the gateway encoded the hooked request again or sent the client's own bytes.
     */
    public static final class PartitionDoubler extends Base {
        @Override
        public String id() {
            return "test-partition-doubler";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"unchanged": {"type": "boolean"}}, "required": ["unchanged"],
                     "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            boolean unchanged = Boolean.TRUE.equals(config.asMap().get("unchanged"));
            return hooks -> hooks.onRequest(CreateTopicsRequestData.class, (ctx, request) -> {
                request.topics().forEach(topic -> topic.setNumPartitions(topic.numPartitions() * 2));
                return unchanged ? RequestOutcome.unchanged() : RequestOutcome.forward();
            });
        }
    }

    /** Fails every request of one API with a configured error. */
    public static final class Refuser extends Base {
        @Override
        public String id() {
            return "test-refuser";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"api": {"type": "string"}, "error": {"type": "string"},
                     "message": {"type": "string"}}, "required": ["api", "error", "message"],
                     "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            ApiKeys api = ApiKeys.valueOf(config.string("api").orElseThrow());
            Errors error = Errors.valueOf(config.string("error").orElseThrow());
            String message = config.string("message").orElseThrow();
            return hooks -> hooks.onRequests(List.of(api), (ctx, request) -> RequestOutcome.fail(error, message));
        }
    }

    /** Answers ListGroups itself with one made-up group. */
    public static final class Responder extends Base {
        @Override
        public String id() {
            return "test-responder";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"group": {"type": "string"}}, "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            String group = config.string("group", "made-up-group");
            return hooks -> hooks.onRequest(ListGroupsRequestData.class, (ctx, request) -> {
                ListGroupsResponseData response = new ListGroupsResponseData();
                response.groups().add(new ListGroupsResponseData.ListedGroup().setGroupId(group)
                        .setProtocolType("consumer").setGroupState("Stable").setGroupType("classic"));
                return RequestOutcome.respond(response);
            });
        }
    }

    /** Holds each Produce request for a while before forwarding it, asynchronously. */
    public static final class Delayer extends Base {
        @Override
        public String id() {
            return "test-delayer";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"delayMs": {"type": "integer", "minimum": 0}},
                     "required": ["delayMs"], "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            Duration delay = Duration.ofMillis(config.number("delayMs").orElseThrow());
            return hooks -> hooks.onRequest(ProduceRequestData.class, (ctx, request) -> later(ctx, delay));
        }

        private static CompletableFuture<RequestOutcome> later(InterceptorContext ctx, Duration delay) {
            CompletableFuture<RequestOutcome> outcome = new CompletableFuture<>();
            ctx.schedule(delay, () -> outcome.complete(new RequestOutcome.Forward(null)));
            return outcome;
        }
    }

    /**
     * A connection hook that records each call as {@code label:clientId:api:principal} in {@link #RECORDED}, then,
     * after {@code delayMs} if set, refuses the connection ({@code refuse}), or accepts it under {@code clientId} if set.
     */
    public static final class ConnectionDecider extends Base {
        @Override
        public String id() {
            return "test-connection-decider";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"label": {"type": "string"}, "clientId": {"type": "string"},
                     "delayMs": {"type": "integer", "minimum": 0}, "refuse": {"type": "boolean"}},
                     "required": ["label"], "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            String label = config.string("label").orElseThrow();
            ConnectionOutcome outcome = config.bool("refuse").orElse(false)
                    ? new ConnectionOutcome.Refuse(Errors.POLICY_VIOLATION, label + " refuses this connection")
                    : new ConnectionOutcome.Accept(config.string("clientId").orElse(null));
            long delayMs = config.number("delayMs").orElse(0L);
            return hooks -> hooks.onConnection(ctx -> {
                RECORDED.add(label + ":" + ctx.connection().clientId() + ":" + ctx.apiKey().name + ":"
                        + ctx.connection().principal());
                CompletableFuture<ConnectionOutcome> decided = new CompletableFuture<>();
                if (delayMs == 0) {
                    decided.complete(outcome);
                } else {
                    ctx.schedule(Duration.ofMillis(delayMs), () -> decided.complete(outcome));
                }
                return decided;
            });
        }
    }

    /** Breaks on ListGroups: by throwing, or by never answering. */
    public static final class Breaker extends Base {
        @Override
        public String id() {
            return "test-breaker";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "properties": {"mode": {"enum": ["throw", "hang"]}}, "required": ["mode"],
                     "additionalProperties": false}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            boolean hang = config.string("mode").orElseThrow().equals("hang");
            return hooks -> hooks.onRequest(ListGroupsRequestData.class, (ctx, request) -> {
                if (hang) {
                    return new CompletableFuture<>();
                }
                throw new IllegalStateException("broken on purpose");
            });
        }
    }

    /** On each Produce request, asks the broker for metadata itself and records how many brokers it saw. */
    public static final class MetadataAsker extends Base {
        @Override
        public String id() {
            return "test-metadata-asker";
        }

        @Override
        public String configSchema() {
            return "{\"type\": \"object\", \"additionalProperties\": false}";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            return hooks -> hooks.onRequest(ProduceRequestData.class, (ctx, request) ->
                    ctx.sendRequest(new MetadataRequestData().setTopics(List.of()), (short) 12)
                            .thenApply(response -> {
                                RECORDED.add("brokers:" + ((MetadataResponseData) response).brokers().size());
                                return new RequestOutcome.Forward(null);
                            }));
        }
    }

    /**
     * On each Produce request, records the topics it names (resolving topic ids with the context) as
     * {@code produce:<topic>}, and every topic of a Metadata request of its own as {@code listed:<topic>}: what an
     * interceptor sees of the cluster.
     */
    public static final class TopicViewRecorder extends Base {
        @Override
        public String id() {
            return "test-topic-view-recorder";
        }

        @Override
        public String configSchema() {
            return "{\"type\": \"object\", \"additionalProperties\": false}";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            return hooks -> hooks.onRequest(ProduceRequestData.class, (ctx, request) -> {
                List<org.apache.kafka.common.Uuid> ids = new java.util.ArrayList<>();
                request.topicData().forEach(topic -> {
                    if (topic.name() != null && !topic.name().isEmpty()) {
                        RECORDED.add("produce:" + topic.name());
                    } else {
                        ids.add(topic.topicId());
                    }
                });
                return ctx.topicNames(ids)
                        .thenCompose(names -> {
                            names.values().forEach(name -> RECORDED.add("produce:" + name));
                            return ctx.sendRequest(new MetadataRequestData().setTopics(null), (short) 12);
                        })
                        .thenApply(response -> {
                            ((MetadataResponseData) response).topics()
                                    .forEach(topic -> RECORDED.add("listed:" + topic.name()));
                            return new RequestOutcome.Forward(null);
                        });
            });
        }
    }
}
