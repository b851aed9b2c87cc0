package io.streamgate.core.proxy;

import io.streamgate.core.protocol.ErrorResponses;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.TenantNamespace;
import io.streamgate.core.vcluster.mapping.ApiMapper;
import io.streamgate.core.vcluster.mapping.ApiMappers;
import io.streamgate.core.vcluster.mapping.ErrorMessageScrubber;
import io.streamgate.core.vcluster.mapping.Mapping;
import io.streamgate.core.vcluster.mapping.ResponseMapper;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Maps one request of a virtual-cluster connection to the physical cluster, with the mapper of its API: first the
 * topic ids it names are resolved to physical names (from the cache, or by a Metadata request of the gateway's own),
 * then the mapper runs. An API without a mapper is refused with the error {@link ApiMappers#refusal} gives, and a
 * mapper that fails answers the request with an error: a request is never forwarded unmapped. The client's requests
 * and the requests interceptors send of their own are mapped alike, so that interceptors too see only the tenant's
 * view.
 */
final class TenantRequestMapping {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRequestMapping.class);

    private final ProxyConnection connection;
    private final ApiKeys apiKey;
    private final short version;
    private final ApiMessage body;
    private final Tenant tenant;

    TenantRequestMapping(ProxyConnection connection, ApiKeys apiKey, short version, ApiMessage body, Tenant tenant) {
        this.connection = connection;
        this.apiKey = apiKey;
        this.version = version;
        this.body = body;
        this.tenant = tenant;
    }

    /**
     * Sends the request (an interceptor's own) to the broker in its physical form, and completes with the response
     * in the tenant's view, or with the gateway's answer; on the connection's event loop.
     */
    CompletionStage<ApiMessage> sendOwn() {
        CompletableFuture<ApiMessage> response = new CompletableFuture<>();
        run(mapping -> {
            if (mapping instanceof Mapping.Forward forward) {
                send(forward.request(), forward.response(), response);
            } else if (mapping instanceof Mapping.Unchanged unchanged) {
                send(body, unchanged.response(), response);
            } else if (mapping instanceof Mapping.Answer answer) {
                answer.response().whenComplete((answered, failure) -> connection.onEventLoop(() -> {
                    if (failure != null) {
                        response.completeExceptionally(failure);
                    } else {
                        response.complete(answered);
                    }
                }));
            }
        });
        return response;
    }

    private void send(ApiMessage physical, ResponseMapper mapper, CompletableFuture<ApiMessage> response) {
        connection.ownRequests().send(physical, version).whenComplete((answer, failure) -> {
            if (failure != null) {
                response.completeExceptionally(failure);
                return;
            }
            try {
                response.complete(tenantView(mapper, answer, tenant));
            } catch (RuntimeException e) {
                response.completeExceptionally(e);
            }
        });
    }

    /** The broker's response to a mapped request, as the tenant sees it: mapped back, error messages scrubbed. */
    static ApiMessage tenantView(ResponseMapper mapper, ApiMessage response, short version, TenantNamespace names) {
        if (mapper == null || mapper == ResponseMapper.UNCHANGED) {
            return response;
        }
        ApiMessage view = mapper.map(response, version);
        ErrorMessageScrubber.scrub(view, names);
        return view;
    }

    private ApiMessage tenantView(ResponseMapper mapper, ApiMessage response, Tenant tenant) {
        return tenantView(mapper, response, version, tenant.names());
    }

    /** Maps the request; {@code done} gets the outcome on the connection's event loop, now or later. */
    void run(Consumer<Mapping> done) {
        ApiMapper mapper = ApiMappers.mapper(apiKey);
        if (mapper == null) {
            connection.metrics().virtualClusterRefusal(tenant.name(), apiKey);
            done.accept(answer(ApiMappers.refusal(apiKey), apiKey.name
                    + " is not available in virtual cluster " + tenant.name()));
            return;
        }
        Collection<Uuid> ids;
        try {
            ids = mapper.topicIds(body, version);
        } catch (RuntimeException e) {
            done.accept(failed(e));
            return;
        }
        if (ids.isEmpty()) {
            done.accept(map(mapper, Map.of()));
            return;
        }
        connection.ownRequests().topicNames(ids).whenComplete((names, failure) -> connection.onEventLoop(() ->
                done.accept(map(mapper, failure == null ? names : Map.of()))));
    }

    private Mapping map(ApiMapper mapper, Map<Uuid, String> topicNames) {
        try {
            return mapper.map(body, version, new ConnectionTenantContext(tenant, connection.info(),
                    topicNames, connection.knownTopicNames(), connection.virtualClusters(),
                    connection.fetchSessions(), connection.brokerId()));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private Mapping failed(RuntimeException e) {
        LOG.warn("Cannot map a {} v{} request of {} for virtual cluster {}: {}", apiKey.name, version,
                connection.info().clientAddress(), tenant.name(), e.toString());
        LOG.debug("Mapping failure", e);
        return answer(Errors.UNKNOWN_SERVER_ERROR, "the gateway could not map the request to virtual cluster "
                + tenant.name());
    }

    private Mapping answer(Errors error, String message) {
        return new Mapping.Answer(CompletableFuture.completedFuture(
                ErrorResponses.forRequest(apiKey, version, body, error, message)));
    }
}
