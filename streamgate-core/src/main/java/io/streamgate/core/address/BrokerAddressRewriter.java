package io.streamgate.core.address;

import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ShareAcknowledgeResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * Rewrites every broker address in a decoded response to the gateway address that stands for that broker,
 * and records the real address in the {@link ClusterTopology} on the way.
 *
 * <p>A broker whose node id falls outside the port range cannot be reached through the gateway; rather than
 * leak its real address (and let the client bypass the gateway), it is left out of broker lists, and a
 * coordinator on it is reported as not available. That is logged as an error once per node.
 */
public final class BrokerAddressRewriter {

    /** The responses that carry broker addresses. {@code GatewayApiSupportTest} keeps this list honest. */
    public static final Set<ApiKeys> REWRITTEN_APIS = EnumSet.of(ApiKeys.METADATA, ApiKeys.FIND_COORDINATOR,
            ApiKeys.DESCRIBE_CLUSTER, ApiKeys.PRODUCE, ApiKeys.FETCH, ApiKeys.SHARE_FETCH, ApiKeys.SHARE_ACKNOWLEDGE);

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAddressRewriter.class);
    private static final short FIRST_BATCHED_FIND_COORDINATOR_VERSION = 4;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final IntFunction<String> advertisedHost;
    private final ClusterTopology topology;
    private final BrokerPorts ports;
    private final Set<Integer> reportedUnmapped = ConcurrentHashMap.newKeySet();

    /** A rewriter telling clients one host for every broker, with the broker's own port: port routing. */
    public BrokerAddressRewriter(String advertisedHost, ClusterTopology topology, BrokerPorts ports) {
        this(nodeId -> advertisedHost, topology, ports);
    }

    /**
     * A rewriter telling clients {@code advertisedHost.apply(nodeId)} and {@code ports.portFor(nodeId)} for each
     * broker: with SNI routing each broker has a host name of its own and they share a port.
     */
    public BrokerAddressRewriter(IntFunction<String> advertisedHost, ClusterTopology topology, BrokerPorts ports) {
        this.advertisedHost = advertisedHost;
        this.topology = topology;
        this.ports = ports;
    }

    /**
     * Rewrites {@code body}, a response of the given version, in place. The returned stage completes when the
     * ports of every broker it names are listening; only then may the response be sent.
     */
    public CompletionStage<Void> rewrite(ApiMessage body, short version) {
        List<CompletionStage<Void>> pending = new ArrayList<>(0);
        if (body instanceof MetadataResponseData metadata) {
            anchor(metadata.brokers(), MetadataResponseData.MetadataResponseBroker::nodeId);
            rewriteNodes(metadata.brokers().iterator(), METADATA_BROKER, pending);
        } else if (body instanceof DescribeClusterResponseData cluster) {
            anchor(cluster.brokers(), DescribeClusterResponseData.DescribeClusterBroker::brokerId);
            rewriteNodes(cluster.brokers().iterator(), CLUSTER_BROKER, pending);
        } else if (body instanceof FindCoordinatorResponseData coordinators) {
            if (version < FIRST_BATCHED_FIND_COORDINATOR_VERSION) {
                rewriteSingleCoordinator(coordinators, pending);
            } else {
                rewriteCoordinators(coordinators, pending);
            }
        } else if (body instanceof ProduceResponseData produce) {
            rewriteNodes(produce.nodeEndpoints().iterator(), PRODUCE_ENDPOINT, pending);
        } else if (body instanceof FetchResponseData fetch) {
            rewriteNodes(fetch.nodeEndpoints().iterator(), FETCH_ENDPOINT, pending);
        } else if (body instanceof ShareFetchResponseData shareFetch) {
            rewriteNodes(shareFetch.nodeEndpoints().iterator(), SHARE_FETCH_ENDPOINT, pending);
        } else if (body instanceof ShareAcknowledgeResponseData shareAck) {
            rewriteNodes(shareAck.nodeEndpoints().iterator(), SHARE_ACK_ENDPOINT, pending);
        } else {
            throw new IllegalArgumentException("no broker addresses in " + body.getClass().getSimpleName());
        }
        if (pending.isEmpty()) {
            return DONE;
        }
        return CompletableFuture.allOf(pending.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    private <T> void anchor(Collection<T> nodes, ToIntFunction<T> nodeId) {
        List<Integer> ids = new ArrayList<>(nodes.size());
        for (T node : nodes) {
            ids.add(nodeId.applyAsInt(node));
        }
        ports.anchor(ids);
    }

    private <T> void rewriteNodes(Iterator<T> nodes, NodeFields<T> fields, List<CompletionStage<Void>> pending) {
        while (nodes.hasNext()) {
            T node = nodes.next();
            OptionalInt port = route(fields.nodeId.applyAsInt(node), fields.host.apply(node),
                    fields.port.applyAsInt(node), pending);
            if (port.isPresent()) {
                fields.setHost.accept(node, advertisedHost.apply(fields.nodeId.applyAsInt(node)));
                fields.setPort.accept(node, port.getAsInt());
            } else {
                nodes.remove();
            }
        }
    }

    private void rewriteSingleCoordinator(FindCoordinatorResponseData response,
                                          List<CompletionStage<Void>> pending) {
        if (response.errorCode() != Errors.NONE.code() || response.nodeId() < 0) {
            return;
        }
        ports.anchor(unionWithKnown(response.nodeId()));
        OptionalInt port = route(response.nodeId(), response.host(), response.port(), pending);
        if (port.isPresent()) {
            response.setHost(advertisedHost.apply(response.nodeId())).setPort(port.getAsInt());
        } else {
            response.setErrorCode(Errors.COORDINATOR_NOT_AVAILABLE.code())
                    .setErrorMessage("coordinator not reachable through the gateway")
                    .setNodeId(-1).setHost("").setPort(-1);
        }
    }

    private void rewriteCoordinators(FindCoordinatorResponseData response, List<CompletionStage<Void>> pending) {
        for (FindCoordinatorResponseData.Coordinator coordinator : response.coordinators()) {
            if (coordinator.errorCode() != Errors.NONE.code() || coordinator.nodeId() < 0) {
                continue;
            }
            ports.anchor(unionWithKnown(coordinator.nodeId()));
            OptionalInt port = route(coordinator.nodeId(), coordinator.host(), coordinator.port(), pending);
            if (port.isPresent()) {
                coordinator.setHost(advertisedHost.apply(coordinator.nodeId())).setPort(port.getAsInt());
            } else {
                coordinator.setErrorCode(Errors.COORDINATOR_NOT_AVAILABLE.code())
                        .setErrorMessage("coordinator not reachable through the gateway")
                        .setNodeId(-1).setHost("").setPort(-1);
            }
        }
    }

    private Collection<Integer> unionWithKnown(int nodeId) {
        List<Integer> ids = new ArrayList<>(topology.nodeIds());
        ids.add(nodeId);
        return ids;
    }

    private OptionalInt route(int nodeId, String host, int port, List<CompletionStage<Void>> pending) {
        topology.learn(nodeId, new HostPort(host, port));
        OptionalInt gatewayPort = ports.portFor(nodeId);
        if (gatewayPort.isEmpty()) {
            if (reportedUnmapped.add(nodeId)) {
                LOG.error("Broker {} ({}:{}) has no gateway port: node ids must fall within the configured broker "
                        + "port range (see brokerPorts.minNodeId and brokerPorts.maxBrokers); clients will not be "
                        + "told about it", nodeId, host, port);
            }
            return gatewayPort;
        }
        CompletionStage<Void> listening = ports.ensureListening(nodeId);
        if (!listening.toCompletableFuture().isDone()) {
            pending.add(listening);
        }
        return gatewayPort;
    }

    /** How to read and write the address of one kind of generated node class. */
    private record NodeFields<T>(ToIntFunction<T> nodeId, Function<T, String> host, ToIntFunction<T> port,
                                 BiConsumer<T, String> setHost, ObjIntConsumer<T> setPort) {
    }

    private static final NodeFields<MetadataResponseData.MetadataResponseBroker> METADATA_BROKER = new NodeFields<>(
            MetadataResponseData.MetadataResponseBroker::nodeId, MetadataResponseData.MetadataResponseBroker::host,
            MetadataResponseData.MetadataResponseBroker::port, MetadataResponseData.MetadataResponseBroker::setHost,
            MetadataResponseData.MetadataResponseBroker::setPort);

    private static final NodeFields<DescribeClusterResponseData.DescribeClusterBroker> CLUSTER_BROKER =
            new NodeFields<>(DescribeClusterResponseData.DescribeClusterBroker::brokerId,
                    DescribeClusterResponseData.DescribeClusterBroker::host,
                    DescribeClusterResponseData.DescribeClusterBroker::port,
                    DescribeClusterResponseData.DescribeClusterBroker::setHost,
                    DescribeClusterResponseData.DescribeClusterBroker::setPort);

    private static final NodeFields<ProduceResponseData.NodeEndpoint> PRODUCE_ENDPOINT = new NodeFields<>(
            ProduceResponseData.NodeEndpoint::nodeId, ProduceResponseData.NodeEndpoint::host,
            ProduceResponseData.NodeEndpoint::port, ProduceResponseData.NodeEndpoint::setHost,
            ProduceResponseData.NodeEndpoint::setPort);

    private static final NodeFields<FetchResponseData.NodeEndpoint> FETCH_ENDPOINT = new NodeFields<>(
            FetchResponseData.NodeEndpoint::nodeId, FetchResponseData.NodeEndpoint::host,
            FetchResponseData.NodeEndpoint::port, FetchResponseData.NodeEndpoint::setHost,
            FetchResponseData.NodeEndpoint::setPort);

    private static final NodeFields<ShareFetchResponseData.NodeEndpoint> SHARE_FETCH_ENDPOINT = new NodeFields<>(
            ShareFetchResponseData.NodeEndpoint::nodeId, ShareFetchResponseData.NodeEndpoint::host,
            ShareFetchResponseData.NodeEndpoint::port, ShareFetchResponseData.NodeEndpoint::setHost,
            ShareFetchResponseData.NodeEndpoint::setPort);

    private static final NodeFields<ShareAcknowledgeResponseData.NodeEndpoint> SHARE_ACK_ENDPOINT =
            new NodeFields<>(ShareAcknowledgeResponseData.NodeEndpoint::nodeId,
                    ShareAcknowledgeResponseData.NodeEndpoint::host,
                    ShareAcknowledgeResponseData.NodeEndpoint::port,
                    ShareAcknowledgeResponseData.NodeEndpoint::setHost,
                    ShareAcknowledgeResponseData.NodeEndpoint::setPort);
}
