package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.SubEventType;
import org.sitrep.analysis.training.Passage;
import org.sitrep.analysis.training.TrainingCorpus;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Analysts' decisions become labelled examples on a real database: a correction its corrected labels,
 * a confirmation the event's, a rejection "no event", a reopened event none; the export is a training
 * file the corpus reader takes without a problem.
 */
@SpringBootTest(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.scheduler.initial-delay=1h"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewedExamplesContract {
    static final String ANALYST = "analyst@example.org";
    static final LocalDate DAY = LocalDate.of(2024, 5, 2);
    static final String CLASH = "Protesters threw stones at police outside the governor's office in Basra.";
    static final String STRIKE = "Warplanes struck a market in Ariha, killing five.";
    static final String FLOOD = "Floods swept through the old town of Derna.";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventReview review;

    @Autowired
    EventSearch search;

    @Autowired
    ReviewedExamples examples;

    @TempDir
    Path dir;

    @Test
    void everyReviewDecisionIsKeptAsALabelledExampleAndExportedAsTrainingPassages() throws Exception {
        TestEvents events = new TestEvents(jdbc);
        long doc = events.document("Basra protests", "Test Wire", DAY, CLASH + " " + STRIKE + " " + FLOOD);
        long clash = events.event(
                doc, TestEvents.battle(DAY).actors("Protesters", "police").evidence(CLASH, "threw"));
        long strike = events.event(
                doc,
                TestEvents.spec("Explosions/Remote violence", "Air/drone strike", DAY)
                        .actors("Warplanes", null)
                        .evidence(STRIKE, "struck"));
        long flood = events.event(doc, TestEvents.battle(DAY).evidence(FLOOD, "swept"));
        assertThat(rows()).isEmpty();

        review.correct(
                clash,
                seen(clash),
                new Correction(
                        "Riots",
                        "Violent demonstration",
                        "Protesters",
                        "police",
                        null,
                        null,
                        null,
                        null,
                        null,
                        DAY.toString(),
                        DAY.toString(),
                        null),
                ANALYST);
        review.confirm(strike, seen(strike), ANALYST);
        review.reject(flood, seen(flood), ANALYST);
        assertThat(rows()).hasSize(3);
        assertThat(row(clash))
                .containsEntry("sub_event_type", "Violent demonstration")
                .containsEntry("review_action", "corrected")
                .containsEntry("sentence", CLASH);
        assertThat(row(flood)).containsEntry("event_type", "None").containsEntry("sub_event_type", "Background");

        Path file = dir.resolve("reviews.jsonl");
        StringWriter out = new StringWriter();
        assertThat(examples.export(out)).isEqualTo(3);
        Files.writeString(file, out.toString());
        TrainingCorpus corpus = TrainingCorpus.load(file);
        assertThat(corpus.problems()).isEmpty();
        assertThat(corpus.passages())
                .extracting(Passage::id)
                .containsExactly("rv-" + clash, "rv-" + strike, "rv-" + flood);
        Passage riot = corpus.passages().get(0);
        assertThat(riot.label()).isEqualTo(SubEventType.VIOLENT_DEMONSTRATION);
        assertThat(riot.actor1()).isEqualTo("Protesters");
        assertThat(riot.actor2()).isEqualTo("police");
        assertThat(corpus.passages().get(2).label()).isEqualTo(SubEventType.BACKGROUND);

        // the analyst takes the decision back: the example goes with it
        review.reopen(flood, seen(flood), ANALYST);
        assertThat(rows())
                .extracting(r -> ((Number) r.get("event_id")).longValue())
                .containsExactlyInAnyOrder(clash, strike);
    }

    List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM intel_training_examples").query().listOfRows().stream()
                .map(ReviewedExamplesContract::lower)
                .toList();
    }

    Map<String, Object> row(long eventId) {
        return rows().stream()
                .filter(r -> ((Number) r.get("event_id")).longValue() == eventId)
                .findFirst()
                .orElseThrow();
    }

    long seen(long eventId) {
        return search.find(eventId).orElseThrow().version();
    }

    static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }
}
