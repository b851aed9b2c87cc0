package io.streamgate.core.vcluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TenantNamespaceTest {

    private final TenantNamespace names = new TenantNamespace("a.", List.of(
            new AliasTopic("a", "prices", "market-prices", true)));

    @Test
    void prefixesTopicsGroupsAndTransactionalIdsAndMapsOnlyItsOwnBack() {
        assertThat(names.physicalTopic("orders")).isEqualTo("a.orders");
        assertThat(names.logicalTopic("a.orders")).isEqualTo("orders");
        assertThat(names.logicalTopic("b.orders")).isNull();
        assertThat(names.logicalTopic("__consumer_offsets")).isNull();
        assertThat(names.physicalGroup("g")).isEqualTo("a.g");
        assertThat(names.logicalGroup("a.g")).isEqualTo("g");
        assertThat(names.logicalGroup("ab.g")).isNull();
        assertThat(names.physicalTransactionalId("tx")).isEqualTo("a.tx");
        assertThat(names.logicalTransactionalId("b.tx")).isNull();
    }

    @Test
    void aLogicalNameThatLooksPrefixedStaysInsideTheNamespace() {
        assertThat(names.physicalTopic("b.orders")).isEqualTo("a.b.orders");
        assertThat(names.logicalTopic("a.b.orders")).isEqualTo("b.orders");
    }

    @Test
    void anAliasIsItsPhysicalTopicAndHidesAPrefixedTopicOfTheSameLogicalName() {
        assertThat(names.physicalTopic("prices")).isEqualTo("market-prices");
        assertThat(names.logicalTopic("market-prices")).isEqualTo("prices");
        assertThat(names.logicalTopic("a.prices")).isNull();
        assertThat(names.alias("prices").readOnly()).isTrue();
        assertThat(names.alias("orders")).isNull();
    }

    @Test
    void scrubsThePrefixAndAliasTargetsFromMessagesButNotLookalikes() {
        assertThat(names.scrub("Topic 'a.orders' already exists.")).isEqualTo("Topic 'orders' already exists.");
        assertThat(names.scrub("a.orders-0 and a.g")).isEqualTo("orders-0 and g");
        assertThat(names.scrub("market-prices has no leader")).isEqualTo("prices has no leader");
        assertThat(names.scrub("market-prices-3 has no leader")).isEqualTo("prices-3 has no leader");
        assertThat(names.scrub("market-prices-old and data.orders")).isEqualTo("market-prices-old and data.orders");
        assertThat(names.scrub(null)).isNull();
        String untouched = "nothing to see";
        assertThat(names.scrub(untouched)).isSameAs(untouched);
    }
}
