package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.testsupport.ServerProcess;
import org.sitrep.testsupport.WebSession;

/**
 * "A write we acknowledge survives kill -9, on the embedded default too." The real server runs in a
 * child JVM on an H2 file database; pieces and staff accounts are saved over HTTP as an editor and
 * an administrator would, the JVM is killed with SIGKILL at several points — the instant a save is
 * acknowledged, after an edit, and while several saves are in flight — and after each restart every
 * acknowledged write must be there. (Before WRITE_DELAY=0, H2 held the newest commits in memory for
 * up to 500 ms, and the first kill lost the piece.)
 */
class KillNineTest {
    @TempDir
    Path dir;

    record Saved(long id, String headline) {}

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAtSeveralPoints() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        List<Saved> acknowledged = new ArrayList<>();
        List<String> accounts = new ArrayList<>();

        // 1. Killed the instant a new piece and a new account are acknowledged.
        try (ServerProcess server = ServerProcess.start(data, log)) {
            WebSession web = signedIn(server);
            for (int i = 1; i <= 3; i++) acknowledged.add(create(web, "Kill point one, piece " + i));
            accounts.add(addEditor(web, "first.editor@example.org"));
            server.kill9();
        }

        // 2. Everything from before is there; an edit acknowledged just before the kill is the text that survives.
        try (ServerProcess server = ServerProcess.start(data, log)) {
            WebSession web = signedIn(server);
            assertAllThere(web, acknowledged, accounts);
            Saved first = acknowledged.get(0);
            String edited = "Kill point two, edited headline";
            HttpResponse<String> r =
                    web.post("/newsroom/pieces/" + first.id(), "/newsroom/pieces/" + first.id(), form(edited));
            assertThat(r.statusCode()).isEqualTo(302);
            acknowledged.set(0, new Saved(first.id(), edited));
            acknowledged.add(create(web, "Kill point two, new piece"));
            server.kill9();
        }

        // 3. Killed while three editors' saves are in flight: what was answered is kept, whatever was not.
        try (ServerProcess server = ServerProcess.start(data, log)) {
            WebSession web = signedIn(server);
            assertAllThere(web, acknowledged, accounts);
            assertThat(web.get("/newsroom/pieces/" + acknowledged.get(0).id()).body())
                    .doesNotContain("Kill point one, piece 1");
            Map<Long, String> inFlight = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger counter = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(8);
            ExecutorService editors = Executors.newFixedThreadPool(3);
            for (int t = 0; t < 3; t++) {
                editors.submit(() -> {
                    while (!stop.get()) {
                        String headline = "Kill point three, piece " + counter.incrementAndGet();
                        try {
                            Saved s = create(web, headline);
                            inFlight.put(s.id(), s.headline());
                            enough.countDown();
                        } catch (Throwable killed) {
                            return; // the server died under this request: it was never acknowledged
                        }
                    }
                });
            }
            assertThat(enough.await(3, TimeUnit.MINUTES))
                    .as("saves acknowledged before the kill")
                    .isTrue();
            server.kill9(); // while the other requests are still being answered
            stop.set(true);
            editors.shutdown();
            assertThat(editors.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            inFlight.forEach((id, headline) -> acknowledged.add(new Saved(id, headline)));
        }

        try (ServerProcess server = ServerProcess.start(data, log)) {
            assertAllThere(signedIn(server), acknowledged, accounts);
        }
    }

    static WebSession signedIn(ServerProcess server) {
        WebSession web = new WebSession(server.port);
        HttpResponse<String> r = web.post(
                "/signin",
                "/signin",
                Map.of("username", ServerProcess.ADMIN_EMAIL, "password", ServerProcess.ADMIN_PASSWORD));
        assertThat(r.statusCode()).as("signed in").isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return web;
    }

    static Map<String, String> form(String headline) {
        return Map.of(
                "headline",
                headline,
                "standfirst",
                "Written to be killed",
                "kind",
                "NEWS",
                "section",
                "Lebanon",
                "accessLevel",
                "PUBLIC",
                "status",
                "DRAFT",
                "body",
                "A paragraph saved before the power cord was pulled.");
    }

    /** Saves a new draft; returns it only when the server acknowledged the save (a redirect to the piece). */
    static Saved create(WebSession web, String headline) {
        HttpResponse<String> r = web.post("/newsroom/pieces/new", "/newsroom/pieces", form(headline));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || !location.matches(".*/newsroom/pieces/\\d+$")) {
            throw new AssertionError("not acknowledged: " + r.statusCode() + " " + location);
        }
        return new Saved(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)), headline);
    }

    static String addEditor(WebSession web, String email) {
        HttpResponse<String> r = web.post(
                "/admin/staff",
                "/admin/staff",
                Map.of(
                        "email",
                        email,
                        "displayName",
                        "Night Editor",
                        "password",
                        "another long passphrase",
                        "role",
                        "EDITOR"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/admin/staff");
        return email;
    }

    static void assertAllThere(WebSession web, List<Saved> pieces, List<String> accounts) {
        for (Saved s : pieces) {
            HttpResponse<String> page = web.get("/newsroom/pieces/" + s.id());
            assertThat(page.statusCode()).as("piece %d after kill -9", s.id()).isEqualTo(200);
            assertThat(page.body()).as("piece %d after kill -9", s.id()).contains(s.headline());
        }
        String staff = web.get("/admin/staff").body();
        for (String email : accounts)
            assertThat(staff).as("account after kill -9").contains(email);
    }
}
