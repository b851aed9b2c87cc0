package io.streamgate.core.upstream;

import io.streamgate.core.GatewayConfig.UpstreamConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.util.HashMap;
import java.util.Map;

/**
 * The upstream Kafka client properties, parsed and validated by Kafka's own config definitions, so that
 * {@code security.protocol}, {@code ssl.*} and {@code sasl.*} mean exactly what they mean to any Kafka
 * client, and a typo fails at startup rather than at the first connection.
 */
public final class UpstreamClientConfig extends AdminClientConfig {

    private UpstreamClientConfig(Map<String, Object> properties) {
        super(properties, false);
    }

    public static UpstreamClientConfig of(UpstreamConfig upstream) {
        Map<String, Object> properties = new HashMap<>(upstream.clientProperties());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", upstream.bootstrapServers()));
        return new UpstreamClientConfig(properties);
    }

    public SecurityProtocol securityProtocol() {
        return SecurityProtocol.forName(getString(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
    }

    /** The properties as given, plus bootstrap servers: what a Kafka Admin client for the gateway needs. */
    public Map<String, Object> clientProperties() {
        return originals();
    }
}
