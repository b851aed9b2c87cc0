package io.streamgate.core.proxy;

import io.streamgate.core.protocol.ErrorResponses;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.mapping.ApiMapper;
import io.streamgate.core.vcluster.mapping.ApiMappers;
import io.streamgate.core.vcluster.mapping.Mapping;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Maps one request of a virtual-cluster connection to the physical cluster, with the mapper of its API: first the
 * topic ids it names are resolved to physical names (from the cache, or by a Metadata request of the gateway's own),
 * then the mapper runs. An API without a mapper is refused with the error {@link ApiMappers#refusal} gives, and a
 * mapper that fails answers the request with an error: a request is never forwarded unmapped.
 */
final class TenantRequestMapping {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRequestMapping.class);

    private final ProxyConnection connection;
    private final InFlightRequest request;
    private final ApiMessage body;
    private final Tenant tenant;

    TenantRequestMapping(ProxyConnection connection, InFlightRequest request, ApiMessage body, Tenant tenant) {
        this.connection = connection;
        this.request = request;
        this.body = body;
        this.tenant = tenant;
    }

    /** Maps the request; {@code done} gets the outcome on the connection's event loop, now or later. */
    void run(Consumer<Mapping> done) {
        ApiMapper mapper = ApiMappers.mapper(request.apiKey);
        if (mapper == null) {
            done.accept(answer(ApiMappers.refusal(request.apiKey), request.apiKey.name
                    + " is not available in virtual cluster " + tenant.name()));
            return;
        }
        Collection<Uuid> ids;
        try {
            ids = mapper.topicIds(body, request.apiVersion);
        } catch (RuntimeException e) {
            done.accept(failed(e));
            return;
        }
        if (ids.isEmpty()) {
            done.accept(map(mapper, Map.of()));
            return;
        }
        connection.topicNames(ids).whenComplete((names, failure) -> connection.onEventLoop(() ->
                done.accept(map(mapper, failure == null ? names : Map.of()))));
    }

    private Mapping map(ApiMapper mapper, Map<Uuid, String> topicNames) {
        try {
            return mapper.map(body, request.apiVersion, new ConnectionTenantContext(tenant, connection.info(),
                    topicNames, connection.knownTopicNames(), connection.virtualClusters()));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private Mapping failed(RuntimeException e) {
        LOG.warn("Cannot map a {} v{} request of {} for virtual cluster {}: {}", request.apiKey.name,
                request.apiVersion, connection.info().clientAddress(), tenant.name(), e.toString());
        LOG.debug("Mapping failure", e);
        return answer(Errors.UNKNOWN_SERVER_ERROR, "the gateway could not map the request to virtual cluster "
                + tenant.name());
    }

    private Mapping answer(Errors error, String message) {
        return new Mapping.Answer(CompletableFuture.completedFuture(
                ErrorResponses.forRequest(request.apiKey, request.apiVersion, body, error, message)));
    }
}
