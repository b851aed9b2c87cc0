package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.streamgate.core.chain.EffectiveChain;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.mapping.ApiMappers;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The gateway's own requests on one connection's upstream, sent in order with the client's and never seen by it: for
 * interceptors ({@code InterceptorContext.sendRequest}, {@code topicNames}), and for topic names that recent APIs give
 * by id only. For a connection in a virtual cluster, what interceptors send and read is in the tenant's terms: their
 * requests are mapped as the client's are, and topic ids resolve to the tenant's logical names only. Confined to the
 * connection's event loop.
 */
final class OwnRequests {

    private static final short OWN_METADATA_VERSION = 12;

    private final ProxyConnection connection;
    private final TopicNames knownTopicNames;

    OwnRequests(ProxyConnection connection, TopicNames knownTopicNames) {
        this.connection = connection;
        this.knownTopicNames = knownTopicNames;
    }

    /** Sends a request as it is (in physical terms); completes with its decoded response, on the event loop. */
    CompletableFuture<ApiMessage> send(ApiMessage body, short version) {
        CompletableFuture<ApiMessage> response = new CompletableFuture<>();
        InFlightRequest request = new InFlightRequest(ApiKeys.forId(body.apiKey()), version, -1,
                ResponseHandling.PASSTHROUGH, System.nanoTime(), EffectiveChain.EMPTY);
        request.ownRequest = response;
        if (!connection.writeOwnRequest(request, body)) {
            response.completeExceptionally(new IOException("connection to the broker is not open"));
        }
        return response;
    }

    /**
     * An interceptor's own request: in a virtual cluster, mapped to the physical cluster and its response mapped back,
     * as the client's requests are.
     */
    CompletionStage<ApiMessage> sendForInterceptor(ApiMessage body, short version) {
        ApiKeys apiKey = ApiKeys.forId(body.apiKey());
        if (connection.info().virtualCluster().isEmpty() || ApiMappers.passesUnmapped(apiKey)) {
            return send(body, version);
        }
        Tenant tenant = connection.currentTenant();
        if (tenant == null) {
            return CompletableFuture.failedFuture(new IOException("the connection's virtual cluster no longer exists"));
        }
        return new TenantRequestMapping(connection, apiKey, version, body, tenant).sendOwn();
    }

    /** Physical topic names by id, from the cache, or else from a Metadata request of the gateway's own. */
    CompletionStage<Map<Uuid, String>> topicNames(Collection<Uuid> ids) {
        Map<Uuid, String> known = knownTopicNames.known(ids);
        if (known.size() == ids.size()) {
            return CompletableFuture.completedFuture(known);
        }
        MetadataRequestData allTopics = new MetadataRequestData().setTopics(null).setAllowAutoTopicCreation(false);
        return send(allTopics, OWN_METADATA_VERSION).thenApply(response -> knownTopicNames.known(ids));
    }

    /** For interceptors: names of topic ids as the client sees them; in a virtual cluster, only its own topics. */
    CompletionStage<Map<Uuid, String>> topicNamesForInterceptor(Collection<Uuid> ids) {
        if (connection.info().virtualCluster().isEmpty()) {
            return topicNames(ids);
        }
        Tenant tenant = connection.currentTenant();
        if (tenant == null) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return topicNames(ids).thenApply(physical -> {
            Map<Uuid, String> logical = new HashMap<>();
            physical.forEach((id, name) -> {
                String own = tenant.names().logicalTopic(name);
                if (own != null) {
                    logical.put(id, own);
                }
            });
            return logical;
        });
    }

    /** The broker answered a request of the gateway's own: completes it with the decoded response, frame released. */
    static void answered(InFlightRequest request, ByteBuf frame, TopicNames knownTopicNames) {
        ApiMessage body;
        try {
            // Copied off the frame: whoever asked may keep the response as long as it likes.
            ByteBuffer copy = ByteBuffer.allocate(frame.readableBytes());
            frame.getBytes(frame.readerIndex(), copy);
            copy.flip();
            body = KafkaMessageCodec.decodeResponse(Unpooled.wrappedBuffer(copy), request.apiKey,
                    request.apiVersion).body();
        } catch (RuntimeException e) {
            request.ownRequest.completeExceptionally(e);
            return;
        } finally {
            frame.release();
        }
        if (body instanceof MetadataResponseData metadata) {
            knownTopicNames.learn(metadata);
        }
        request.ownRequest.complete(body);
    }
}
