package io.streamgate.plugins.policy.fetch;

import org.junit.jupiter.api.Test;

import static io.streamgate.plugins.policy.DocumentedProperties.missingFromDocs;
import static org.assertj.core.api.Assertions.assertThat;

class FetchPolicyDocTest {

    @Test
    void docsDescribeEveryConfigurationProperty() {
        assertThat(missingFromDocs(new FetchPolicyPlugin())).isEmpty();
    }
}
