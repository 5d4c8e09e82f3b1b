package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose address a request is: X-Forwarded-For believed only from configured proxies, and only up to the first hop not one of them. */
class ClientAddressTest {

    static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        for (String h : forwardedFor) r.addHeader("X-Forwarded-For", h);
        return r;
    }

    @Test
    void byDefaultNoProxyIsTrustedAndTheHeaderIsIgnored() {
        ClientAddress none = new ClientAddress(List.of());
        assertThat(none.of(from("127.0.0.1", "203.0.113.9"))).isEqualTo("127.0.0.1");
        assertThat(new ClientAddress(List.of("")).of(from("10.0.0.1", "203.0.113.9")))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void fromATrustedProxyTheClientIsTheNearestUntrustedHop() {
        ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5"));
        assertThat(proxies.of(from("10.0.0.2", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // A client's own forged entry sits left of the address the proxy saw: the proxy's is taken.
        assertThat(proxies.of(from("10.0.0.2", "1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // Two proxies in a row, and the header split over two lines.
        assertThat(proxies.of(from("10.0.0.2", "198.51.100.4, 192.168.1.5", "10.3.3.3")))
                .isEqualTo("198.51.100.4");
        // From an untrusted peer the header counts for nothing.
        assertThat(proxies.of(from("203.0.113.1", "10.0.0.9"))).isEqualTo("203.0.113.1");
        // No header: the proxy itself.
        assertThat(proxies.of(from("10.0.0.2"))).isEqualTo("10.0.0.2");
        // IPv6.
        assertThat(new ClientAddress(List.of("::1")).of(from("0:0:0:0:0:0:0:1", "2001:db8::7")))
                .isEqualTo("2001:db8::7");
    }

    @Test
    void garbageOrNamesInTheHeaderAreNeitherTrustedNorLookedUp() {
        ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(proxies.of(from("10.0.0.2", "evil.example.org"))).isEqualTo("10.0.0.2");
        assertThat(proxies.of(from("10.0.0.2", "203.0.113.9, <script>"))).isEqualTo("10.0.0.2");
        assertThat(proxies.of(from("10.0.0.2", "999.1.1.1"))).isEqualTo("10.0.0.2");
        assertThat(proxies.of(from("10.0.0.2", "198.51.100.4, 10.0.0.3, unknown")))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void aSettingThatIsNotAnAddressStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sitrep.trusted-proxies");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/99")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
