package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.sitrep.analysis.training.Retraining;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Corrections teach the engine, end to end on a real database, with the real engine and the real corpus:
 * the shipped model codes "Gunmen opened fire on a police post …" as an armed clash; an analyst corrects
 * three such events to Attack in the review screen (over HTTP, with the form's CSRF token); an admin
 * presses "Retrain from reviews" (a second press while it runs is refused politely; an analyst's press is
 * 403); both learned slots are retrained (the event model, then the actor-role model beside it), measured on
 * the held-out split, swapped in without a restart and stored under the data directory; the queue re-analyses what the old model coded, and the same sentence in another
 * document is now coded Attack, by the new model's version, while the corrected events stay as the analyst
 * left them. One training per database (about a minute of CPU).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.scheduler.initial-delay=1h"})
@Import(RetrainFromReviewsContract.Wire.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RetrainFromReviewsContract {
    static final String PASSWORD = "long enough passphrase";
    static final String ANALYST = "retrain-analyst@example.org", ADMIN = "retrain-admin@example.org";
    static final String SENTENCE = "Gunmen opened fire on a police post in Zamfara, killing two officers.";
    /** The analyst's corrections: the sentence itself and two variants (one example barely moves a maxent model). */
    static final List<String> CORRECTED = List.of(
            SENTENCE,
            "Gunmen opened fire on a police checkpoint in Katsina, killing three officers.",
            "Bandits opened fire on a police post near Sokoto, killing an officer.");

    /** Wire items whose text the test sets: the documents the queue analyses. */
    @TestConfiguration
    static class Wire {
        static final Map<Long, String> TEXT = new ConcurrentHashMap<>();

        @Bean
        SourceDocuments retrainWire() {
            return new SourceDocuments() {
                @Override
                public String kind() {
                    return "retrain-wire";
                }

                @Override
                public Optional<SourceDocument> load(long id) {
                    return Optional.ofNullable(TEXT.get(id))
                            .map(text -> new SourceDocument(
                                    "retrain-wire",
                                    id,
                                    "Wire " + id,
                                    text,
                                    "text",
                                    LocalDate.of(2026, 3, 2),
                                    "https://wire.example/" + id,
                                    "Test Wire"));
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AnalysisQueue queue;

    @Autowired
    DocumentAnalysis analysis;

    @Autowired
    AnalysisEngine engine;

    @Autowired
    EventSearch search;

    @Autowired
    ModelRetraining retraining;

    @Test
    void aCorrectionInTheReviewScreenRetrainedFromTheAdminChangesHowTheSameSentenceIsCodedNextTime() throws Exception {
        String shipped = LearnedEventClassifier.bundled().orElseThrow().version();
        String shippedRoles = LearnedActorRolePicker.bundled().orElseThrow().version();
        assertThat(engine.model().version()).isEqualTo(shipped);
        for (int i = 0; i < CORRECTED.size(); i++) analyse(100 + i, CORRECTED.get(i));
        analyse(200, SENTENCE);
        String shippedEngine = engine.version();
        long next = only(200);
        assertThat(search.find(next).orElseThrow().subEventType())
                .as("the shipped model's reading")
                .isEqualTo("Armed clash");

        accounts.create(ANALYST, "Retrain Analyst", PASSWORD, Role.ANALYST);
        accounts.create(ADMIN, "Retrain Admin", PASSWORD, Role.ADMIN);
        WebSession analyst = signedIn(ANALYST);
        List<Long> corrected = new java.util.ArrayList<>();
        for (int i = 0; i < CORRECTED.size(); i++) {
            long id = only(100 + i);
            assertThat(search.find(id).orElseThrow().subEventType()).isEqualTo("Armed clash");
            TrackedEvent e = search.find(id).orElseThrow();
            Map<String, String> form = form(e);
            form.put("eventType", "Violence against civilians");
            form.put("subEventType", "Attack");
            assertThat(analyst.post("/intel/events/" + id, "/intel/events/" + id + "/correct", form)
                            .statusCode())
                    .isEqualTo(302);
            assertThat(search.find(id).orElseThrow().subEventType()).isEqualTo("Attack");
            corrected.add(id);
        }
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (long id : corrected) versions.put(id, search.find(id).orElseThrow().version());

        // an analyst may correct, but not retrain: 403, with a valid CSRF token from a page they may see
        String token = Jsoup.parse(analyst.get("/intel/review").body())
                .selectFirst("input[name=_csrf]")
                .val();
        assertThat(analyst.postRaw("/admin/intel/retrain", Map.of("_csrf", token))
                        .statusCode())
                .isEqualTo(403);
        assertThat(retraining.recent(5)).isEmpty();

        WebSession admin = signedIn(ADMIN);
        HttpResponse<String> started = admin.post("/admin/intel", "/admin/intel/retrain", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        // a second press while the first trains (a minute of CPU): refused, said on the page, nothing else started
        HttpResponse<String> again = admin.post("/admin/intel", "/admin/intel/retrain", Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        Document refused = Jsoup.parse(admin.get("/admin/intel").body());
        assertThat(refused.select("[role=alert]").text()).contains("is still running", "Only one runs at a time");
        assertThat(refused.select("#latest-training").text()).contains("Running since");
        assertThat(retraining.recent(5)).hasSize(1);

        ModelRetraining.Training t = finished();
        assertThat(t.state()).as(t.reason()).isEqualTo("swapped");
        assertThat(t.previousVersion()).isEqualTo(shipped);
        assertThat(t.modelVersion()).isNotEqualTo(shipped).matches("ev-[0-9a-f]{10}");
        assertThat(t.reviewedCount()).isEqualTo(3);
        assertThat(t.corpusSize()).isGreaterThan(4000);
        assertThat(t.heldoutSize()).isGreaterThan(300);
        assertThat(t.compared().get("sub-type weighted F1")[1])
                .isGreaterThanOrEqualTo(t.compared().get("sub-type weighted F1")[0] - Retraining.TOLERANCE);
        assertThat(t.compared()).containsKeys("event F1", "actor1 accuracy", "actor2 accuracy", "F1 Attack");

        // hot swap, no restart; both models stored under the event model's versioned name, with their record,
        // and made active: the actor-role model was retrained beside the new event model, not kept as shipped
        assertThat(engine.model().version()).isEqualTo(t.modelVersion());
        Path models = engine.files().dir();
        assertThat(LearnedEventClassifier.read(models.resolve("event-model-" + t.modelVersion() + ".bin"))
                        .version())
                .isEqualTo(t.modelVersion());
        String roles = LearnedActorRolePicker.read(models.resolve("event-model-" + t.modelVersion() + ".roles.bin"))
                .version();
        assertThat(roles).matches("ar-[0-9a-f]{10}").isNotEqualTo(shippedRoles);
        assertThat(engine.models().roles().version()).isEqualTo(roles);
        assertThat(engine.version()).endsWith("+" + t.modelVersion() + "+" + roles);
        assertThat(t.reason()).contains("actor-role model " + roles);
        assertThat(Files.readString(models.resolve("event-model-" + t.modelVersion() + ".json")))
                .contains(
                        "\"reviewedCount\" : 3",
                        "\"before\"",
                        "\"after\"",
                        "sub-type weighted F1",
                        "\"roleVersion\" : \"" + roles + "\"",
                        "\"previousRoleVersion\" : \"" + shippedRoles + "\"");
        assertThat(Files.readString(models.resolve("active")).strip())
                .isEqualTo("event-model-" + t.modelVersion() + ".bin");
        Document page = Jsoup.parse(admin.get("/admin/intel").body());
        assertThat(page.select("#latest-training").text())
                .contains("Swapped in", "not worse than the models in use", "3 reviewed example(s)");
        assertThat(page.select("#latest-training table").text()).contains("sub-type weighted F1", "F1 Attack");
        assertThat(page.select("#model-in-use").text()).isEqualTo(t.modelVersion());
        assertThat(page.select("#roles-in-use").text()).isEqualTo(roles);

        // the queue re-analyses with the new model: the same sentence is now an attack, coded by the new version
        assertThat(queue.find("retrain-wire", 200).orElseThrow().state()).isEqualTo("queued");
        analysis.drain("test");
        TrackedEvent recoded = search.find(only(200)).orElseThrow();
        assertThat(recoded.subEventType()).isEqualTo("Attack");
        assertThat(recoded.eventType()).isEqualTo("Violence against civilians");
        assertThat(recoded.engineVersion()).isEqualTo(engine.version()).endsWith("+" + t.modelVersion() + "+" + roles);
        assertThat(Jsoup.parse(analyst.get("/intel/events/" + recoded.id()).body())
                        .select("#coded-by")
                        .text())
                .isEqualTo(t.modelVersion());
        // ...and the analyst's corrected events are exactly as they were left, with no second event beside them
        // now that the new model codes their sentences as the analyst did
        for (int i = 0; i < CORRECTED.size(); i++) assertThat(only(100 + i)).isEqualTo(corrected.get(i));
        for (long id : corrected) {
            TrackedEvent e = search.find(id).orElseThrow();
            assertThat(e.reviewState()).isEqualTo(ReviewState.CORRECTED);
            assertThat(e.version()).isEqualTo(versions.get(id));
            assertThat(e.engineVersion()).endsWith("+" + shipped + "+" + shippedRoles);
        }
        assertThat(retraining.eventsByVersion())
                .containsEntry(engine.version(), 1L)
                .containsEntry(shippedEngine, 3L);
        assertThat(Jsoup.parse(admin.get("/admin/intel").body())
                        .select("#events-by-model")
                        .text())
                .contains(t.modelVersion() + " (in use)", shipped);
    }

    /** Waits for the background run (training and measuring take a minute or two on a busy machine). */
    ModelRetraining.Training finished() throws InterruptedException {
        long deadline = System.nanoTime() + 15L * 60 * 1_000_000_000;
        while (System.nanoTime() < deadline) {
            ModelRetraining.Training t = retraining.recent(1).get(0);
            if (!t.running()) return t;
            Thread.sleep(500);
        }
        throw new AssertionError("the retraining did not finish in 15 minutes");
    }

    void analyse(long id, String text) {
        Wire.TEXT.put(id, text);
        queue.enqueue("retrain-wire", id);
        analysis.drain("test");
    }

    /** The one event the engine found in a wire item. */
    long only(long sourceId) {
        List<Long> ids = jdbc.sql("SELECT e.id FROM intel_events e JOIN intel_documents d ON d.id = e.document_id "
                        + "WHERE d.source_kind = 'retrain-wire' AND d.source_id = :id")
                .param("id", sourceId)
                .query(Long.class)
                .list();
        assertThat(ids).as("events of wire item " + sourceId).hasSize(1);
        return ids.get(0);
    }

    /** The correction form as the event page fills it. */
    static Map<String, String> form(TrackedEvent e) {
        Correction c = Correction.of(e);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("eventType", c.eventType());
        f.put("subEventType", c.subEventType());
        f.put("actor1", blank(c.actor1()));
        f.put("actor2", blank(c.actor2()));
        f.put("placeName", blank(c.placeName()));
        f.put("latitude", blank(c.latitude()));
        f.put("longitude", blank(c.longitude()));
        f.put("country", blank(c.country()));
        f.put("precision", blank(c.precision()));
        f.put("dateEarliest", c.dateEarliest());
        f.put("dateLatest", c.dateLatest());
        f.put("version", Long.toString(e.version()));
        return f;
    }

    static String blank(String s) {
        return s == null ? "" : s;
    }

    WebSession signedIn(String email) {
        WebSession s = new WebSession(port);
        assertThat(s.post("/signin", "/signin", Map.of("username", email, "password", PASSWORD))
                        .statusCode())
                .isEqualTo(302);
        return s;
    }
}
