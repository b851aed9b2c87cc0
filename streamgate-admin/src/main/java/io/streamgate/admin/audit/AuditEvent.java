package io.streamgate.admin.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One change requested through the admin API, as written to the audit log.
 *
 * @param time when the gateway handled the request; written in ISO-8601, UTC
 * @param actor who asked: the token's or user's name
 * @param action {@code PUT}, {@code POST} (an ACL binding) or {@code DELETE} of a resource; for the credential
 *     routes {@code SET_SCRAM}, {@code DELETE_SCRAM}, {@code REVOKE_TOKENS} or {@code MINT_TOKEN}; for the ACLs a
 *     virtual cluster's super user changes through Kafka's admin API, {@code CREATE_ACL} or {@code DELETE_ACL}
 * @param kind the resource kind, e.g. {@code Interceptor}
 * @param name the resource name, or null when the request did not get as far as naming one (a malformed body)
 * @param scope the resource scope as an object ({@code {}} for global), or null with {@code name}
 * @param outcome {@code CREATED}, {@code UPDATED}, {@code UNCHANGED}, {@code DELETED}, {@code NOT_FOUND}, or why
 *     nothing changed: {@code INVALID}, {@code CONFLICT}, {@code FORBIDDEN}, {@code FAILED}
 * @param dryRun whether the request only validated
 * @param error the refusal's message, when the outcome is a refusal; else null (and left out)
 * @param detail what was done, when the outcome alone does not say (the SCRAM mechanism set, the id of the token
 *     minted); never a secret; else null (and left out)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"time", "actor", "action", "kind", "name", "scope", "outcome", "dryRun", "error", "detail"})
public record AuditEvent(@JsonSerialize(using = ToStringSerializer.class) Instant time, String actor, String action, String kind, String name,
                         Map<String, String> scope, String outcome, boolean dryRun, String error,
                         String detail) {

    /** An event without detail. */
    public AuditEvent(Instant time, String actor, String action, String kind, String name, Map<String, String> scope,
                      String outcome, boolean dryRun, String error) {
        this(time, actor, action, kind, name, scope, outcome, dryRun, error, null);
    }

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
    }
}
