package io.streamgate.admin.api;

import io.streamgate.admin.audit.AuditEvent;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.admin.security.AdminIdentity;
import io.streamgate.api.Scope;
import io.streamgate.state.Resource;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records the admin API requests that change (or try to change) something in the {@link AuditLog}, done or refused.
 * What is recorded never holds a secret: callers pass names, outcomes and refusal messages, never request bodies.
 */
final class ChangeAudit {

    private final AuditLog audit;
    private final Clock clock;

    ChangeAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A request about {@code resource}, or about no resource yet ({@code resource} null: a malformed body). */
    void record(AdminIdentity caller, String action, String kind, Resource resource, String outcome, boolean dryRun,
                String error) {
        audit.record(new AuditEvent(clock.instant(), caller.name(), action,
                resource == null ? kind : resource.kind(),
                resource == null ? null : resource.metadata().name(),
                resource == null ? null : scope(resource.metadata().scope()), outcome, dryRun, error));
    }

    /** A request about the resource {@code name} (or none), before or without reading it, refused with {@code error}. */
    void recordByName(AdminIdentity caller, String action, String kind, String name, String outcome, String error) {
        audit.record(new AuditEvent(clock.instant(), caller.name(), action, kind, name, null, outcome, false, error));
    }

    /** A credential request about the account {@code name} that was done: {@code detail} says what (no secret). */
    void recordDone(AdminIdentity caller, String action, String kind, String name, String outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), caller.name(), action, kind, name, null, outcome, false, null,
                detail));
    }

    private static Map<String, String> scope(Scope scope) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (scope.virtualCluster() != null) {
            parts.put("virtualCluster", scope.virtualCluster());
        }
        if (scope.group() != null) {
            parts.put("group", scope.group());
        }
        if (scope.username() != null) {
            parts.put("username", scope.username());
        }
        return parts;
    }
}
