package io.streamgate.core.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationBackoffTest {

    private final AuthenticationBackoff backoff = new AuthenticationBackoff(Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMinutes(1));
    private final InetAddress client = InetAddress.getLoopbackAddress();

    @Test
    void doublesTheDelayWithEachFailureUpToTheBound() throws Exception {
        assertThat(backoff.failed(client, 0)).isEqualTo(100);
        assertThat(backoff.failed(client, 1)).isEqualTo(200);
        assertThat(backoff.failed(client, 2)).isEqualTo(400);
        assertThat(backoff.failed(client, 3)).isEqualTo(800);
        assertThat(backoff.failed(client, 4)).isEqualTo(1000);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.failed(client, 5 + i)).isEqualTo(1000);
        }
    }

    @Test
    void countsEachAddressOnItsOwn() throws Exception {
        backoff.failed(client, 0);
        backoff.failed(client, 1);
        assertThat(backoff.failed(InetAddress.getByName("192.0.2.7"), 2)).isEqualTo(100);
    }

    @Test
    void startsAgainAfterASuccessOrAQuietPeriod() {
        backoff.failed(client, 0);
        backoff.failed(client, 1);
        backoff.succeeded(client);
        assertThat(backoff.failed(client, 2)).isEqualTo(100);
        backoff.failed(client, 3);
        assertThat(backoff.failed(client, 3 + Duration.ofMinutes(2).toMillis())).isEqualTo(100);
    }
}
