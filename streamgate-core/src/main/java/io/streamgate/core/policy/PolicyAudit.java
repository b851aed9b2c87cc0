package io.streamgate.core.policy;

/** Where policy violations are recorded. Called on event loops: implementations must not block for long. */
@FunctionalInterface
public interface PolicyAudit {

    void record(PolicyViolationEvent event);

    /** Records nothing (violations are still counted). */
    PolicyAudit NONE = event -> { };
}
