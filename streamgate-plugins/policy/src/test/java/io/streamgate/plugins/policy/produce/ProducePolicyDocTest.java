package io.streamgate.plugins.policy.produce;

import org.junit.jupiter.api.Test;

import io.streamgate.plugins.policy.PolicyDocs;
import static org.assertj.core.api.Assertions.assertThat;

class ProducePolicyDocTest {

    @Test
    void docsDescribeEveryConfigurationProperty() {
        assertThat(PolicyDocs.undocumented(new ProducePolicyPlugin())).isEmpty();
    }
}
