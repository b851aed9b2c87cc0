package io.streamgate.plugins.audit.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One audited request and what became of it.
 *
 * @param time when the gateway received the request
 * @param gatewayHost the host name the gateway advertises
 * @param connectionId the gateway's id of the client connection
 * @param clientAddress the client's {@code ip:port}
 * @param principal the authenticated principal, or {@code ANONYMOUS}
 * @param clientId the client id the request carried
 * @param virtualCluster the connection's virtual cluster, or null
 * @param api the API name as Kafka spells it, e.g. {@code Produce}
 * @param apiVersion the request's version
 * @param topics the names of the topics the request names, in request order without repeats; ids the cluster
 *     does not know appear as the id
 * @param outcome {@code ok}, {@code error} or {@code none} (see {@link Outcome})
 * @param errors for {@code error}: each error code's name and how often the response carried it
 */
public record AuditEvent(Instant time, String gatewayHost, String connectionId, String clientAddress,
                         String principal, String clientId, String virtualCluster, String api, short apiVersion,
                         List<String> topics, String outcome, Map<String, Integer> errors) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        topics = List.copyOf(topics);
        errors = Map.copyOf(errors);
    }

    /** This event naming {@code names} as its topics. */
    public AuditEvent withTopics(List<String> names) {
        return new AuditEvent(time, gatewayHost, connectionId, clientAddress, principal, clientId, virtualCluster,
                api, apiVersion, names, outcome, errors);
    }

    /** This event with the outcome of its response. */
    public AuditEvent withOutcome(Outcome result) {
        return new AuditEvent(time, gatewayHost, connectionId, clientAddress, principal, clientId, virtualCluster,
                api, apiVersion, topics, result.name(), result.errors());
    }
}
