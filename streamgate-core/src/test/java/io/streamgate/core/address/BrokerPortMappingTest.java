package io.streamgate.core.address;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerPortMappingTest {

    @Test
    void givesEachNodeTheBasePortPlusItsDistanceFromTheLowestNodeId() {
        BrokerPortMapping mapping = new BrokerPortMapping(9093, OptionalInt.empty(), 10);
        mapping.anchor(List.of(3, 1, 2));

        assertThat(mapping.portFor(1)).hasValue(9093);
        assertThat(mapping.portFor(2)).hasValue(9094);
        assertThat(mapping.portFor(3)).hasValue(9095);
        assertThat(mapping.nodeFor(9095)).hasValue(3);
    }

    @Test
    void keepsTheFirstAnchorForTheLifeOfTheProcess() {
        BrokerPortMapping mapping = new BrokerPortMapping(9093, OptionalInt.empty(), 10);
        mapping.anchor(List.of(5, 6));
        mapping.anchor(List.of(1, 5, 6));

        assertThat(mapping.portFor(5)).hasValue(9093);
        assertThat(mapping.portFor(1)).as("below the anchor: no port").isEmpty();
    }

    @Test
    void usesAConfiguredMinimumNodeIdSoThatInstancesAgreeBeforeSeeingTheCluster() {
        BrokerPortMapping mapping = new BrokerPortMapping(7000, OptionalInt.of(100), 3);
        mapping.anchor(List.of(101));

        assertThat(mapping.portFor(101)).hasValue(7001);
        assertThat(mapping.portFor(103)).as("beyond maxBrokers").isEmpty();
    }

    @Test
    void mapsNothingBeforeItIsAnchored() {
        assertThat(new BrokerPortMapping(7000, OptionalInt.empty(), 3).portFor(1)).isEmpty();
    }
}
