package com.sessiondesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.5", "::1", "10.0.0.6"));

    private String resolve(ClientAddress resolver, String peer, String... headers) {
        return resolver.resolve(peer, Collections.enumeration(List.of(headers)));
    }

    @Test
    void theHeaderIsIgnoredUnlessThePeerIsATrustedProxy() {
        assertThat(resolve(behindProxies, "192.0.2.1", "203.0.113.7")).isEqualTo("192.0.2.1");
        assertThat(resolve(new ClientAddress(List.of()), "10.0.0.5", "203.0.113.7")).isEqualTo("10.0.0.5");
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        assertThat(resolve(behindProxies, "10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
        // the client made up the first hop; the proxies appended the real one
        assertThat(resolve(behindProxies, "10.0.0.5", "1.2.3.4, 203.0.113.7, 10.0.0.6")).isEqualTo("203.0.113.7");
        assertThat(resolve(behindProxies, "10.0.0.5", "1.2.3.4", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(resolve(behindProxies, "0:0:0:0:0:0:0:1", "[2001:db8::7]")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void garbageStopsTheWalkAndNamesAreNeverResolved() {
        assertThat(resolve(behindProxies, "10.0.0.5", "evil.example.org")).isEqualTo("10.0.0.5");
        assertThat(resolve(behindProxies, "10.0.0.5", "dead.beef")).isEqualTo("10.0.0.5");
        assertThat(resolve(behindProxies, "10.0.0.5", "203.0.113.7, unknown, 10.0.0.6")).isEqualTo("10.0.0.6");
        assertThat(resolve(behindProxies, "10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.normalize("localhost")).isNull();
    }
}
