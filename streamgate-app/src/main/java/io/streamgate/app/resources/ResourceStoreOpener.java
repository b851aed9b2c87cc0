package io.streamgate.app.resources;

import io.streamgate.app.config.StreamgateConfig;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.upstream.UpstreamClientConfig;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.file.FileResourceStore;
import io.streamgate.state.kafka.KafkaResourceStore;
import io.streamgate.state.kafka.KafkaResourceStoreConfig;

/**
 * Opens the configured resource store: {@code store.type=file} keeps resources in {@code <dataDir>/resources} (with
 * the embedded Kafka too); {@code store.type=kafka} in the compacted topic {@code store.topic} of the upstream
 * cluster, reached with the gateway's own upstream client properties, so that every instance in front of that
 * cluster naming the same topic shares the resources.
 */
public final class ResourceStoreOpener {

    private ResourceStoreOpener() {
    }

    /**
     * Opens the store and returns once it holds everything stored so far (the Kafka store has read its topic to the
     * end).
     *
     * @param gatewayConfig the engine's configuration, whose upstream (the configured or the embedded cluster) the
     *     Kafka store uses
     * @throws io.streamgate.state.ResourceStoreException when the store cannot be opened
     */
    public static ResourceStore open(StreamgateConfig config, GatewayConfig gatewayConfig) {
        return switch (config.store().type()) {
            case FILE -> new FileResourceStore(config.dataDir());
            case KAFKA -> new KafkaResourceStore(KafkaResourceStoreConfig.of(
                    UpstreamClientConfig.of(gatewayConfig.upstream()).clientProperties(), config.store().topic()))
                    .start();
        };
    }
}
