package io.streamgate.core.upstream;

/** Which broker a client connection is forwarded to, decided by the gateway port the client connected to. */
public sealed interface UpstreamTarget {

    /** The bootstrap port: any broker will do; the configured bootstrap servers are tried in turn. */
    record AnyBroker() implements UpstreamTarget {
        @Override
        public String toString() {
            return "bootstrap";
        }
    }

    /** A broker port: exactly that broker. */
    record Broker(int nodeId) implements UpstreamTarget {
        @Override
        public String toString() {
            return "broker " + nodeId;
        }
    }

    UpstreamTarget ANY_BROKER = new AnyBroker();
}
