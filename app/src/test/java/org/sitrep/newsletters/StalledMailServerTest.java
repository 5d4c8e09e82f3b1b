package org.sitrep.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An SMTP server that takes a message and then never answers: the send must not wait forever.
 * The recipient in hand is FAILED after the socket timeout (not retried: it may have arrived), the
 * connection is reopened, and the issue still finishes. The server here is a few lines of SMTP on a
 * socket, the only way to make a server stall on purpose.
 */
@SpringBootTest
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.newsletters.tick=1h",
            "sitrep.newsletters.initial-delay=1h",
            "sitrep.newsletters.rate-per-second=0",
            "sitrep.newsletters.connections=1",
            "spring.mail.properties.mail.smtp.timeout=1500"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StalledMailServerTest {
    static final StallingServer SERVER = new StallingServer();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SERVER::port);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Newsletters newsletters;

    @Autowired
    IssueDesk desk;

    @Autowired
    Postman postman;

    @AfterAll
    void stop() throws Exception {
        SERVER.close();
    }

    @Test
    void aServerThatStopsAnsweringFailsOneRecipientAndTheSendFinishes() throws Exception {
        Newsletter n = newsletters.save(null, "stalled", "Stalled", "About", Newsletter.Access.FREE, true);
        for (String email : List.of("first@stall.example", "second@stall.example")) {
            jdbc.sql(
                            "INSERT INTO users (email, display_name, role, enabled, created_at) VALUES (:e, :e, 'MEMBER', TRUE, :now)")
                    .param("e", email)
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
            long id = jdbc.sql("SELECT id FROM users WHERE email = :e")
                    .param("e", email)
                    .query(Long.class)
                    .single();
            newsletters.optIn(id, n.id());
        }
        long issue = desk.save(null, n.id(), "Stalled", "Hello.", List.of(), "editor");
        assertThat(desk.start(issue)).isTrue();
        long t = System.nanoTime();
        Postman.Run run = postman.deliver(issue); // on this thread: returns only if nothing hangs
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.finished()).isTrue();
        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.sent()).isEqualTo(1);
        assertThat(SERVER.messages.get()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT error FROM newsletter_sends WHERE issue_id = :i AND state = 'FAILED'")
                        .param("i", issue)
                        .query(String.class)
                        .single())
                .startsWith("failed:");
    }

    /** Speaks just enough SMTP; after the first message's data it goes silent on that connection. */
    static final class StallingServer {
        final ServerSocket socket;
        final AtomicInteger messages = new AtomicInteger();

        StallingServer() {
            try {
                socket = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        Thread session = new Thread(() -> serve(s));
                        session.setDaemon(true);
                        session.start();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void close() throws Exception {
            socket.close();
        }

        private void serve(Socket s) {
            try (s;
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
                OutputStream out = s.getOutputStream();
                say(out, "220 stall.example ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.toUpperCase(java.util.Locale.ROOT);
                    if (command.startsWith("EHLO") || command.startsWith("HELO")) say(out, "250 stall.example");
                    else if (command.startsWith("DATA")) {
                        say(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            /* the message */
                        }
                        if (messages.incrementAndGet() == 1) {
                            Thread.sleep(60_000); // silent: the client must give up by itself
                            return;
                        }
                        say(out, "250 accepted");
                    } else if (command.startsWith("QUIT")) {
                        say(out, "221 bye");
                        return;
                    } else say(out, "250 ok");
                }
            } catch (Exception e) {
                // the client hung up
            }
        }

        private static void say(OutputStream out, String line) throws java.io.IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
