package io.streamgate.plugins.policy.produce;

import org.junit.jupiter.api.Test;

import static io.streamgate.plugins.policy.DocumentedProperties.missingFromDocs;
import static org.assertj.core.api.Assertions.assertThat;

class ProducePolicyDocTest {

    @Test
    void docsDescribeEveryConfigurationProperty() {
        assertThat(missingFromDocs(new ProducePolicyPlugin())).isEmpty();
    }
}
