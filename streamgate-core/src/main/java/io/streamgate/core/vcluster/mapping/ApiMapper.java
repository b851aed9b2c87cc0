package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.Collection;
import java.util.List;

/**
 * Maps one API's requests for virtual-cluster connections. Implementations are stateless and thread-safe; each call
 * runs on the connection's event loop, and must not block.
 *
 * <p>Rules every mapper keeps: every topic, group and transactional id of the request is the tenant's logical name
 * and is replaced by its physical name; a name the tenant may not use (ACLs, read-only) gets the authorization error
 * a broker would give, per topic, partition or group where the protocol allows, and is not sent; listing responses
 * keep only what maps back to a logical name; nothing in a response may name a physical resource.
 */
public interface ApiMapper {

    /** The topic ids the request names, which the gateway resolves to physical names before {@link #map}. */
    default Collection<Uuid> topicIds(ApiMessage request, short version) {
        return List.of();
    }

    /** Maps a decoded request; may change it in place. */
    Mapping map(ApiMessage request, short version, TenantContext tenant);
}
