package io.streamgate.core.address;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPortTest {

    @Test
    void parsesHostNamesAndIpv6Literals() {
        assertThat(HostPort.parse("kafka-1.example.com:9092")).isEqualTo(new HostPort("kafka-1.example.com", 9092));
        assertThat(HostPort.parse("[::1]:9092")).isEqualTo(new HostPort("::1", 9092));
        assertThat(new HostPort("::1", 9092)).hasToString("[::1]:9092");
    }

    @Test
    void rejectsAddressesWithoutAValidPort() {
        assertThatThrownBy(() -> HostPort.parse("kafka")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> HostPort.parse("kafka:abc")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> HostPort.parse("kafka:70000")).hasMessageContaining("port out of range");
    }
}
