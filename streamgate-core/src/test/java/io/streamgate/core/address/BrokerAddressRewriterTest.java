package io.streamgate.core.address;

import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerAddressRewriterTest {

    private final ClusterTopology topology = new ClusterTopology();
    private final FakeBrokerPorts ports = new FakeBrokerPorts(new BrokerPortMapping(7001, OptionalInt.empty(), 2));
    private final BrokerAddressRewriter rewriter = new BrokerAddressRewriter("gateway.example.com", topology, ports);

    @Test
    void rewritesMetadataBrokersAndLearnsWhereTheyReallyAre() {
        MetadataResponseData metadata = new MetadataResponseData();
        metadata.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(2).setHost("10.0.0.2").setPort(9092));
        metadata.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("10.0.0.1").setPort(9092));

        CompletionStage<Void> listening = rewriter.rewrite(metadata, (short) 12);

        assertThat(metadata.brokers().find(1).host()).isEqualTo("gateway.example.com");
        assertThat(metadata.brokers().find(1).port()).isEqualTo(7001);
        assertThat(metadata.brokers().find(2).port()).isEqualTo(7002);
        assertThat(topology.upstreamAddress(2)).contains(new HostPort("10.0.0.2", 9092));
        assertThat(ports.listeningRequested).containsExactlyInAnyOrder(1, 2);
        assertThat(listening.toCompletableFuture()).isDone();
    }

    @Test
    void tellsEachBrokerByItsOwnHostNameWhenTheyShareAnAdvertisedPort() {
        // SNI routing behind a load balancer: one port for all, told as 443; broker n is broker-n.gw.example.com.
        FakeBrokerPorts sharedPort = new FakeBrokerPorts(new BrokerPortMapping(443, OptionalInt.of(0), 1)) {
            @Override
            public OptionalInt portFor(int nodeId) {
                return OptionalInt.of(443);
            }
        };
        BrokerAddressRewriter sni = new BrokerAddressRewriter(nodeId -> "broker-" + nodeId + ".gw.example.com",
                topology, sharedPort);
        MetadataResponseData metadata = new MetadataResponseData();
        metadata.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(7).setHost("10.0.0.7").setPort(9092));
        metadata.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(9).setHost("10.0.0.9").setPort(9092));
        FindCoordinatorResponseData coordinator = new FindCoordinatorResponseData();
        coordinator.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group").setNodeId(9)
                .setHost("10.0.0.9").setPort(9092));

        sni.rewrite(metadata, (short) 12);
        sni.rewrite(coordinator, (short) 4);

        assertThat(metadata.brokers().find(7).host()).isEqualTo("broker-7.gw.example.com");
        assertThat(metadata.brokers().find(9).host()).isEqualTo("broker-9.gw.example.com");
        assertThat(metadata.brokers()).extracting(MetadataResponseData.MetadataResponseBroker::port).containsOnly(443);
        assertThat(coordinator.coordinators().get(0).host()).isEqualTo("broker-9.gw.example.com");
        assertThat(coordinator.coordinators().get(0).port()).isEqualTo(443);
    }

    @Test
    void waitsUntilTheNewBrokersPortsListen() {
        ports.bindingInProgress = new CompletableFuture<>();
        MetadataResponseData metadata = new MetadataResponseData();
        metadata.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("10.0.0.1").setPort(9092));

        CompletionStage<Void> listening = rewriter.rewrite(metadata, (short) 12);
        assertThat(listening.toCompletableFuture()).isNotDone();

        ports.bindingInProgress.complete(null);
        assertThat(listening.toCompletableFuture()).isDone();
    }

    @Test
    void leavesOutABrokerWithoutAGatewayPortRatherThanLeakItsAddress() {
        MetadataResponseData metadata = new MetadataResponseData();
        for (int nodeId = 1; nodeId <= 3; nodeId++) {
            metadata.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(nodeId)
                    .setHost("10.0.0." + nodeId).setPort(9092));
        }

        rewriter.rewrite(metadata, (short) 12);

        assertThat(metadata.brokers()).extracting(MetadataResponseData.MetadataResponseBroker::nodeId)
                .containsExactlyInAnyOrder(1, 2);
        assertThat(metadata.brokers()).extracting(MetadataResponseData.MetadataResponseBroker::host)
                .containsOnly("gateway.example.com");
    }

    @Test
    void rewritesTheSingleCoordinatorOfOldFindCoordinatorVersions() {
        ports.anchor(List.of(1));
        FindCoordinatorResponseData response = new FindCoordinatorResponseData().setNodeId(2).setHost("10.0.0.2")
                .setPort(9092);

        rewriter.rewrite(response, (short) 3);

        assertThat(response.host()).isEqualTo("gateway.example.com");
        assertThat(response.port()).isEqualTo(7002);
    }

    @Test
    void rewritesEveryCoordinatorOfABatchedLookupAndLeavesErrorsAlone() {
        ports.anchor(List.of(1));
        FindCoordinatorResponseData response = new FindCoordinatorResponseData();
        response.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group-a").setNodeId(1)
                .setHost("10.0.0.1").setPort(9092));
        response.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group-b").setNodeId(-1)
                .setHost("").setPort(-1).setErrorCode(Errors.COORDINATOR_NOT_AVAILABLE.code()));
        response.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group-c").setNodeId(9)
                .setHost("10.0.0.9").setPort(9092));

        rewriter.rewrite(response, (short) 6);

        assertThat(response.coordinators().get(0).port()).isEqualTo(7001);
        assertThat(response.coordinators().get(1).port()).isEqualTo(-1);
        assertThat(response.coordinators().get(2).errorCode()).as("node 9 has no gateway port")
                .isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE.code());
        assertThat(response.coordinators().get(2).host()).isEmpty();
    }

    @Test
    void rewritesDescribeClusterBrokers() {
        DescribeClusterResponseData cluster = new DescribeClusterResponseData();
        cluster.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(4)
                .setHost("10.0.0.4").setPort(9092));

        rewriter.rewrite(cluster, (short) 2);

        assertThat(cluster.brokers().find(4).host()).isEqualTo("gateway.example.com");
        assertThat(cluster.brokers().find(4).port()).isEqualTo(7001);
    }

    @Test
    void rewritesTheNodeEndpointsOfAFetchResponse() {
        ports.anchor(List.of(1));
        FetchResponseData fetch = new FetchResponseData();
        fetch.nodeEndpoints().add(new FetchResponseData.NodeEndpoint().setNodeId(2).setHost("10.0.0.2").setPort(9092));

        rewriter.rewrite(fetch, (short) 17);

        assertThat(fetch.nodeEndpoints().find(2).host()).isEqualTo("gateway.example.com");
        assertThat(fetch.nodeEndpoints().find(2).port()).isEqualTo(7002);
    }

    /** Records what the rewriter asks of the listener; binding completes at once unless told otherwise. */
    private static class FakeBrokerPorts implements BrokerPorts {
        final BrokerPortMapping mapping;
        final List<Integer> listeningRequested = new ArrayList<>();
        CompletableFuture<Void> bindingInProgress = CompletableFuture.completedFuture(null);

        FakeBrokerPorts(BrokerPortMapping mapping) {
            this.mapping = mapping;
        }

        @Override
        public void anchor(Collection<Integer> nodeIds) {
            mapping.anchor(nodeIds);
        }

        @Override
        public OptionalInt portFor(int nodeId) {
            return mapping.portFor(nodeId);
        }

        @Override
        public CompletionStage<Void> ensureListening(int nodeId) {
            listeningRequested.add(nodeId);
            return bindingInProgress;
        }
    }
}
