package io.streamgate.admin;

import java.util.Objects;

/**
 * Whether the gateway can serve Kafka clients right now, and if not, why. The admin server asks for it on
 * every {@code GET /health/ready}, so implementations must be cheap and thread-safe.
 */
public sealed interface Readiness permits Readiness.Ready, Readiness.NotReady {

    /** The gateway can serve clients. */
    static Readiness ready() {
        return Ready.INSTANCE;
    }

    /**
     * The gateway cannot serve clients.
     *
     * @param reason what an operator should look at, e.g. {@code "upstream Kafka cluster unreachable"}
     */
    static Readiness notReady(String reason) {
        return new NotReady(reason);
    }

    /** The gateway can serve clients. */
    enum Ready implements Readiness {
        INSTANCE
    }

    /** The gateway cannot serve clients, for the given reason. */
    record NotReady(String reason) implements Readiness {
        public NotReady {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
