package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.mapping.ApiMapper;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.Map;

/** To be written. */
final class AclApiMappers {

    private AclApiMappers() {
    }

    static void register(Map<ApiKeys, ApiMapper> mappers) {
    }
}
