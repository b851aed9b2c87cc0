package io.streamgate.admin.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.streamgate.core.policy.PolicyAudit;
import io.streamgate.core.policy.PolicyViolationEvent;

import java.nio.file.Path;

/**
 * The record of every policy violation interceptors report: one JSON object per line in
 * {@code <dataDir>/policy-audit.log} ({@code time, interceptor, plugin, rule, action, principal, clientId,
 * clientAddress, listener, virtualCluster, api, topic, value, message}), also logged at INFO by the logger
 * {@code io.streamgate.policy.audit}. Written by a background thread ({@link QueuedJsonLines}).
 */
public final class PolicyAuditLog implements PolicyAudit, AutoCloseable {

    /** The file name, in the data directory. */
    public static final String FILE_NAME = "policy-audit.log";

    private final QueuedJsonLines<PolicyViolationEvent> lines;

    /** One line of the file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"time", "interceptor", "plugin", "rule", "action", "principal", "clientId", "clientAddress",
        "listener", "virtualCluster", "api", "topic", "value", "message"})
    record Line(String time, String interceptor, String plugin, String rule, String action, String principal,
                String clientId, String clientAddress, String listener, String virtualCluster, String api,
                String topic, String value, String message) {

        static Line of(PolicyViolationEvent event) {
            return new Line(String.valueOf(event.time()), event.interceptor(), event.plugin(),
                    event.violation().rule(), event.violation().action().name(), event.principal(), event.clientId(),
                    event.clientAddress(), event.listener(), event.virtualCluster(), event.api(),
                    event.violation().topic(), event.violation().value(), event.violation().message());
        }
    }

    /** @param file appended to; created, with its directories, when missing */
    public PolicyAuditLog(Path file) {
        this.lines = new QueuedJsonLines<>(file, "io.streamgate.policy.audit", "streamgate-policy-audit",
                "policy violations", Line::of);
    }

    public Path file() {
        return lines.file();
    }

    @Override
    public void record(PolicyViolationEvent event) {
        lines.record(event);
    }

    /** Writes the queued events, then stops the writer (waiting at most 5 seconds). */
    @Override
    public void close() {
        lines.close();
    }
}
