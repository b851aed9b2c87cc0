package io.streamgate.core.listener;

import io.streamgate.core.upstream.UpstreamTarget;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host names of an SNI-routed listener, both ways: the name a client asks for in its TLS handshake to the
 * connection's target (the bootstrap name to any broker, a broker name to that broker), and a node id to the
 * broker name clients are told. Host names compare without regard to case, as DNS names do.
 */
public final class SniHostNames {

    /** {@link ListenerRouting.Sni#NODE_ID} in the lower case the names are kept in. */
    private static final String NODE_ID = ListenerRouting.Sni.NODE_ID.toLowerCase(Locale.ROOT);

    private final String bootstrapHost;
    private final String brokerHostPattern;
    private final Pattern brokerHost;

    public SniHostNames(ListenerRouting.Sni routing) {
        this.bootstrapHost = routing.bootstrapHost().toLowerCase(Locale.ROOT);
        this.brokerHostPattern = routing.brokerHostPattern().toLowerCase(Locale.ROOT);
        int at = brokerHostPattern.indexOf(NODE_ID);
        this.brokerHost = Pattern.compile(Pattern.quote(brokerHostPattern.substring(0, at)) + "(0|[1-9][0-9]{0,9})"
                + Pattern.quote(brokerHostPattern.substring(at + NODE_ID.length())));
    }

    /** The target a client asking for {@code serverName} is forwarded to, or empty if the name is not ours. */
    public Optional<UpstreamTarget> targetFor(String serverName) {
        if (serverName == null) {
            return Optional.empty();
        }
        String name = serverName.toLowerCase(Locale.ROOT);
        if (name.equals(bootstrapHost)) {
            return Optional.of(UpstreamTarget.ANY_BROKER);
        }
        Matcher broker = brokerHost.matcher(name);
        if (broker.matches()) {
            long nodeId = Long.parseLong(broker.group(1));
            if (nodeId <= Integer.MAX_VALUE) {
                return Optional.of(new UpstreamTarget.Broker((int) nodeId));
            }
        }
        return Optional.empty();
    }

    /** The host name of broker {@code nodeId}. */
    public String brokerHost(int nodeId) {
        return brokerHostPattern.replace(NODE_ID, Integer.toString(nodeId));
    }

    public String bootstrapHost() {
        return bootstrapHost;
    }
}
