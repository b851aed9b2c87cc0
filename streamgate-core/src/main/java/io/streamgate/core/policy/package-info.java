/**
 * What the engine does with the policy violations interceptors report: the audit event, with who sent the request,
 * and where it is recorded ({@link io.streamgate.core.policy.PolicyAudit}).
 */
package io.streamgate.core.policy;
