package io.streamgate.core.listener;

import io.streamgate.core.upstream.UpstreamTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SniHostNamesTest {

    private final SniHostNames names = new SniHostNames(
            new ListenerRouting.Sni("bootstrap.gw.example.com", "broker-{nodeId}.gw.example.com", 443));

    @Test
    void theBootstrapNameReachesAnyBroker() {
        assertThat(names.targetFor("bootstrap.gw.example.com")).contains(UpstreamTarget.ANY_BROKER);
    }

    @Test
    void aBrokerNameReachesThatBroker() {
        assertThat(names.targetFor("broker-0.gw.example.com")).contains(new UpstreamTarget.Broker(0));
        assertThat(names.targetFor("broker-1042.gw.example.com")).contains(new UpstreamTarget.Broker(1042));
    }

    @Test
    void namesCompareWithoutRegardToCase() {
        assertThat(names.targetFor("Broker-7.GW.Example.com")).contains(new UpstreamTarget.Broker(7));
        assertThat(names.targetFor("BOOTSTRAP.gw.example.com")).contains(UpstreamTarget.ANY_BROKER);
    }

    @Test
    void otherNamesReachNothing() {
        assertThat(names.targetFor(null)).isEmpty();
        assertThat(names.targetFor("gw.example.com")).isEmpty();
        assertThat(names.targetFor("broker-.gw.example.com")).isEmpty();
        assertThat(names.targetFor("broker-x.gw.example.com")).isEmpty();
        assertThat(names.targetFor("broker-01.gw.example.com")).isEmpty();
        assertThat(names.targetFor("broker-1.gw.example.com.evil.org")).isEmpty();
        assertThat(names.targetFor("broker-1xgw.example.com")).isEmpty();
        assertThat(names.targetFor("broker-99999999999.gw.example.com")).isEmpty();
    }

    @Test
    void tellsEachBrokerByItsOwnName() {
        assertThat(names.brokerHost(3)).isEqualTo("broker-3.gw.example.com");
    }
}
