package io.streamgate.plugins.audit.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;

/**
 * Writes an {@link AuditEvent} as one line of compact JSON (no line break inside), fields in a fixed order:
 * {@code time} (ISO-8601 UTC, milliseconds), {@code gatewayHost}, {@code connectionId}, {@code clientAddress},
 * {@code principal}, {@code clientId}, {@code virtualCluster} (null when none), {@code api},
 * {@code apiVersion}, {@code topics}, {@code outcome}, and {@code errors} only when the outcome is
 * {@code error}. Thread-safe.
 */
public final class AuditEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditEventJson() {
    }

    public static byte[] toJson(AuditEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", event.time().truncatedTo(ChronoUnit.MILLIS).toString());
        node.put("gatewayHost", event.gatewayHost());
        node.put("connectionId", event.connectionId());
        node.put("clientAddress", event.clientAddress());
        node.put("principal", event.principal());
        node.put("clientId", event.clientId());
        node.put("virtualCluster", event.virtualCluster());
        node.put("api", event.api());
        node.put("apiVersion", event.apiVersion());
        ArrayNode topics = node.putArray("topics");
        event.topics().forEach(topics::add);
        node.put("outcome", event.outcome());
        if (!event.errors().isEmpty()) {
            ObjectNode errors = node.putObject("errors");
            new TreeMap<>(event.errors()).forEach(errors::put);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
