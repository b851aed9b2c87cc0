package io.streamgate.plugins.policy.fetch;

import org.junit.jupiter.api.Test;

import io.streamgate.plugins.policy.PolicyDocs;
import static org.assertj.core.api.Assertions.assertThat;

class FetchPolicyDocTest {

    @Test
    void docsDescribeEveryConfigurationProperty() {
        assertThat(PolicyDocs.undocumented(new FetchPolicyPlugin())).isEmpty();
    }
}
