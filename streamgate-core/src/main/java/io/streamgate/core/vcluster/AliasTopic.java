package io.streamgate.core.vcluster;

import java.util.Objects;

/**
 * An existing physical topic shown inside a virtual cluster under a logical name. Several virtual clusters may alias
 * the same physical topic.
 *
 * @param virtualCluster the virtual cluster that sees the topic
 * @param name the topic's logical name inside that virtual cluster
 * @param physicalTopic the topic's name on the physical cluster
 * @param readOnly whether the virtual cluster may only read it (no produce, delete, alter...)
 */
public record AliasTopic(String virtualCluster, String name, String physicalTopic, boolean readOnly) {

    public AliasTopic {
        Objects.requireNonNull(virtualCluster, "virtualCluster");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(physicalTopic, "physicalTopic");
    }
}
