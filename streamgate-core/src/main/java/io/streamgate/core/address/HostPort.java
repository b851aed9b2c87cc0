package io.streamgate.core.address;

import java.util.Objects;

/** A network address as Kafka writes it: a host name or literal and a port. */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
    }

    /**
     * Parses {@code host:port}, IPv6 literals in brackets ({@code [::1]:9092}), as configuration gives it.
     *
     * @throws IllegalArgumentException if the text is not of that form or the port is outside 1..65535
     */
    public static HostPort parse(String address) {
        String trimmed = address.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + address + "'");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("IPv6 hosts must be in brackets, got '" + address + "'");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("expected host:port, got '" + address + "'");
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected host:port, got '" + address + "'");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + address + "'");
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
