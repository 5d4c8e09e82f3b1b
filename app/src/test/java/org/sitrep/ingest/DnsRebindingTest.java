package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding against the one guarded fetcher: a name that resolves to a public address when it
 * is checked and to a loopback address a moment later, when the connection is made. There is no DNS
 * server here a test could control, so the name service is {@link OutboundPolicy.Lookup}, answering
 * differently on each lookup as a rebinding attacker's server would (with a TTL of 0). A listener
 * on the loopback address under attack counts every connection it gets: it must get none.
 */
class DnsRebindingTest {
    private final List<Listener> listeners = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Listener l : listeners) l.close();
    }

    @Test
    void aNameThatRebindsToLoopbackAfterItsCheckIsNeverConnectedTo() throws Exception {
        Listener target = listen("127.0.0.1");
        Rebinding dns = new Rebinding(address("93.184.216.34"), address("127.0.0.1"));
        Fetcher fetcher = fetcher(dns);

        assertThatThrownBy(() -> fetcher.get("http://rebind.example:" + target.port() + "/admin", null, null))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("refused to fetch from rebind.example (127.0.0.1), a loopback address");
        assertThat(dns.lookups.get())
                .as("looked up for the check, then again for the connection")
                .isGreaterThanOrEqualTo(2);
        assertThat(target.connections.get())
                .as("connections made to the loopback address")
                .isZero();
    }

    @Test
    void theAddressConnectedToIsTheOneThatWasChecked() throws Exception {
        // 127.0.0.2 is allowed (as an administrator may allow a range), 127.0.0.1 is not; both reach
        // this machine, on the same port, so which listener is called shows which address was used.
        Listener allowed = listen("127.0.0.2");
        Listener forbidden = listen("127.0.0.1", allowed.port());
        // Check and connection of the first fetch, check of the second: 127.0.0.2; the second's connection: 127.0.0.1.
        Rebinding dns =
                new Rebinding(address("127.0.0.2"), address("127.0.0.2"), address("127.0.0.2"), address("127.0.0.1"));
        Fetcher fetcher = fetcher(dns, "127.0.0.2/32");

        Fetcher.Response r = fetcher.get("http://rebind.example:" + allowed.port() + "/story", null, null);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("from 127.0.0.2");
        assertThat(allowed.connections.get()).isEqualTo(1);

        // The listener closes each connection, so the second fetch connects anew, to what the name answers then.
        assertThatThrownBy(() -> fetcher.get("http://rebind.example:" + allowed.port() + "/story", null, null))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("refused to fetch from rebind.example (127.0.0.1), a loopback address");
        assertThat(dns.lookups.get()).isEqualTo(4);
        assertThat(forbidden.connections.get())
                .as("connections made to the address the check never saw")
                .isZero();
        assertThat(allowed.connections.get()).isEqualTo(1);
    }

    @Test
    void aNameWithAPrivateAddressAmongItsAddressesIsRefusedWhole() throws Exception {
        Listener target = listen("127.0.0.1");
        for (InetAddress[] answer : List.of(
                new InetAddress[] {address("93.184.216.34"), address("127.0.0.1")},
                new InetAddress[] {address("127.0.0.1"), address("93.184.216.34")},
                new InetAddress[] {address("93.184.216.34"), address("10.1.2.3")},
                new InetAddress[] {address("93.184.216.34"), address("::ffff:169.254.169.254")})) {
            Fetcher fetcher = fetcher(name -> answer.clone());
            assertThatThrownBy(() -> fetcher.get("http://several.example:" + target.port() + "/", null, null))
                    .as("answer %s", List.of(answer))
                    .isInstanceOf(BadInput.class)
                    .hasMessageContaining("refused to fetch from several.example (")
                    .hasMessageContaining("only public addresses are fetched");
        }
        assertThat(target.connections.get()).isZero();
    }

    /** A name server under the attacker's control: each lookup gets the next answer, the last one from then on. */
    private static final class Rebinding implements OutboundPolicy.Lookup {
        private final InetAddress[] answers;
        final AtomicInteger lookups = new AtomicInteger();

        Rebinding(InetAddress... answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] addresses(String name) throws UnknownHostException {
            if (!name.endsWith(".example")) throw new UnknownHostException(name);
            int n = lookups.getAndIncrement();
            return new InetAddress[] {answers[Math.min(n, answers.length - 1)]};
        }
    }

    private static Fetcher fetcher(OutboundPolicy.Lookup dns, String... allowNetworks) {
        IngestSettings settings = new IngestSettings(
                1 << 20,
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                List.of(allowNetworks),
                Duration.ofSeconds(15),
                Duration.ofHours(24),
                Duration.ofSeconds(2),
                false,
                false,
                0.3,
                Duration.ofDays(14),
                10);
        return new Fetcher(settings, new OutboundPolicy(settings, dns));
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: no lookup is made
    }

    private Listener listen(String address) throws IOException {
        return listen(address, 0);
    }

    private Listener listen(String address, int port) throws IOException {
        Listener l = new Listener(new ServerSocket(port, 50, InetAddress.getByName(address)));
        listeners.add(l);
        return l;
    }

    /** Answers each request with "from ADDRESS" and counts the connections it accepted. */
    private static final class Listener implements AutoCloseable {
        private final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();

        Listener(ServerSocket socket) {
            this.socket = socket;
            Thread t = new Thread(this::accept, "rebinding-listener");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept();
                        OutputStream out = s.getOutputStream()) {
                    connections.incrementAndGet();
                    s.getInputStream().read(new byte[8192]);
                    byte[] body = ("from " + socket.getInetAddress().getHostAddress()).getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: "
                                    + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                } catch (IOException e) {
                    if (socket.isClosed()) return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
