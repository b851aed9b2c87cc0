package io.streamgate.core.listener;

import java.util.Objects;

/** How a listener tells which broker a client connection is for. */
public sealed interface ListenerRouting {

    /** One bootstrap port, then one port per broker: the port a client connects to names the broker. */
    record Ports() implements ListenerRouting {
    }

    /**
     * One TLS port for everything: the server name the client asks for in its TLS handshake (SNI) names the broker.
     *
     * @param bootstrapHost the host name of the bootstrap, e.g. {@code bootstrap.gw.example.com}
     * @param brokerHostPattern the host name of broker {@code n}, with {@code {nodeId}} standing for {@code n}, e.g.
     *     {@code broker-{nodeId}.gw.example.com}
     * @param advertisedPort the port clients are told, when it differs from the bound one (a load balancer on 443);
     *     zero means the bound port
     */
    record Sni(String bootstrapHost, String brokerHostPattern, int advertisedPort) implements ListenerRouting {

        public static final String NODE_ID = "{nodeId}";

        public Sni {
            Objects.requireNonNull(bootstrapHost, "bootstrapHost");
            Objects.requireNonNull(brokerHostPattern, "brokerHostPattern");
            if (!brokerHostPattern.contains(NODE_ID)) {
                throw new IllegalArgumentException("brokerHostPattern must contain " + NODE_ID + ", was "
                        + brokerHostPattern);
            }
            if (advertisedPort < 0 || advertisedPort > 65535) {
                throw new IllegalArgumentException("advertisedPort must be in 0..65535, was " + advertisedPort);
            }
        }
    }
}
