package io.streamgate.it.policy;

import io.streamgate.api.Scope;
import io.streamgate.core.auth.AuthenticationAudit;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.auth.IdentityDirectory;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.policy.PolicyAudit;
import io.streamgate.core.policy.PolicyViolationEvent;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import io.streamgate.testing.junit.GatewayExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@link PolicyAudit} that keeps the violations a gateway reports, for the tests to look at, and what these tests
 * share to drive that gateway.
 */
final class ViolationRecorder implements PolicyAudit {

    private final ConcurrentLinkedQueue<PolicyViolationEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void record(PolicyViolationEvent event) {
        events.add(event);
    }

    List<PolicyViolationEvent> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }

    /** A gateway without authentication or virtual clusters whose policy violations this recorder receives. */
    GatewayExtension gatewayAuditedHere(GatewayExtension gateway) {
        return gateway.security(() -> new GatewaySecurity(IdentityDirectory.EMPTY, AuthenticationAudit.NONE,
                VirtualClusterDirectory.EMPTY, this));
    }

    static void install(GatewayExtension gateway, String name, String plugin, Map<String, Object> config) {
        gateway.gateway().interceptors().put(new InterceptorDefinition(name, plugin, 100, Scope.GLOBAL, config, null));
    }

    static void removeAll(GatewayExtension gateway) {
        gateway.gateway().interceptors().replaceAll(List.of());
    }

    /** How many violations of {@code rule} the gateway counted in {@code streamgate.policy.violations}. */
    static double counted(GatewayExtension gateway, String interceptor, String rule, String action) {
        var counter = gateway.meters().find("streamgate.policy.violations").tag("interceptor", interceptor)
                .tag("rule", rule).tag("action", action).counter();
        return counter == null ? 0 : counter.count();
    }
}
