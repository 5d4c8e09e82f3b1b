package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Fatalities;
import org.sitrep.analysis.Precision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Reported deaths in the store (issue 18): what the engine read is stored with its range and words and updated by the
 * next analysis; an analyst's correction is a review like the others (audited, kept through re-analysis) and bad input
 * is refused with a reason; merging two articles' reports of one event counts the deaths once, in the exports too.
 */
@SpringBootTest
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FatalitiesContract {
    static final LocalDate D = LocalDate.of(2024, 5, 20);
    static final String SENTENCE = "A car bomb exploded in Azaz on Monday, killing at least seven people.";
    static final String TEXT = "Car bomb in Azaz\n\n" + SENTENCE + " More text.";

    @Autowired
    AnalysisStore store;

    @Autowired
    EventSearch search;

    @Autowired
    EventReview review;

    @Autowired
    EventExports exports;

    @Autowired
    JdbcClient jdbc;

    static Event event(Fatalities deaths) {
        int start = TEXT.indexOf(SENTENCE);
        return new Event(
                "Explosions/Remote violence",
                "Remote explosive/landmine/IED",
                null,
                null,
                new EventPlace("Azaz", 36.586, 37.044, Precision.CITY, "SY", "Aleppo", 170017),
                new DateRange(D, D, "on Monday"),
                "exploded",
                new Evidence(SENTENCE, start, start + SENTENCE.length()),
                0.8,
                deaths);
    }

    static Fatalities atLeast(int n, String words) {
        int start = TEXT.indexOf(words);
        return new Fatalities(n, n, null, words, start, start + words.length());
    }

    static Analysis analysis(Event e) {
        return new Analysis(
                Analysis.SCHEMA, "test-engine-1", D, "Car bomb in Azaz", TEXT, List.of(), List.of(), List.of(e));
    }

    /**
     * Saves the analysis with the event on a day of its own source's (sources 9101, 9102, … a month apart), so one
     * test's article is never linked automatically as another article of the same story as another test's.
     */
    long save(long sourceId, Event e) {
        LocalDate day = D.plusDays(30 * (sourceId - 9100));
        return saveAsIs(
                sourceId,
                new Event(
                        e.type(),
                        e.subType(),
                        e.actor1(),
                        e.actor2(),
                        e.place(),
                        new DateRange(day, day, "on Monday"),
                        e.trigger(),
                        e.evidence(),
                        e.confidence(),
                        e.fatalities()));
    }

    long saveAsIs(long sourceId, Event e) {
        SourceDocument source = new SourceDocument(
                "item", sourceId, "Car bomb in Azaz", TEXT, "text", D, "https://wire.example/" + sourceId, "Wire F");
        return store.save(source, analysis(e));
    }

    TrackedEvent only(long documentId) {
        List<TrackedEvent> events = search.search(
                        EventFilter.any().withDocument(documentId).withStates(EnumSet.allOf(ReviewState.class)),
                        null,
                        10)
                .events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    Correction correction(TrackedEvent e, String deaths) {
        return new Correction(
                e.eventType(),
                e.subEventType(),
                e.actor1(),
                e.actor2(),
                e.placeName(),
                e.latitude().toString(),
                e.longitude().toString(),
                e.country(),
                e.geoPrecision(),
                e.dateEarliest().toString(),
                e.dateLatest().toString(),
                null,
                deaths);
    }

    @Test
    void theEngineStoresTheDeathsWithTheirWordsAndTheNextAnalysisUpdatesThem() {
        long doc = save(9101, event(atLeast(7, "killing at least seven people")));
        TrackedEvent e = only(doc);
        assertThat(e.fatalities()).isNotNull();
        assertThat(e.fatalities().best()).isEqualTo(7);
        assertThat(e.fatalities().low()).isEqualTo(7);
        assertThat(e.fatalities().high()).as("at least: no upper bound").isNull();
        assertThat(e.fatalities().words()).isEqualTo("killing at least seven people");
        assertThat(TEXT.substring(e.fatalities().start(), e.fatalities().end()))
                .isEqualTo("killing at least seven people");
        assertThat(EventLabels.deaths(e.fatalities())).isEqualTo("at least 7 killed");

        // the toll rose: the same event (same sentence), its figure updated in place
        save(
                9101,
                event(new Fatalities(
                        12,
                        12,
                        12,
                        "killing at least seven people",
                        e.fatalities().start(),
                        e.fatalities().end())));
        TrackedEvent again = only(doc);
        assertThat(again.id()).isEqualTo(e.id());
        assertThat(again.fatalities().best()).isEqualTo(12);
        assertThat(again.fatalities().high()).isEqualTo(12);

        // the text no longer speaks of deaths: no figure (not 0, which would say nobody died)
        save(9101, event(null));
        assertThat(only(doc).fatalities()).isNull();
        assertThat(EventLabels.deaths(null)).isEqualTo("Not reported");
    }

    @Test
    void anAnalystCorrectsTheFigureAsAReviewAndReanalysisKeepsIt() {
        long doc = save(9102, event(atLeast(7, "killing at least seven people")));
        TrackedEvent e = only(doc);
        review.correct(e.id(), e.version(), correction(e, "9"), "analyst@example.org");
        TrackedEvent corrected = only(doc);
        assertThat(corrected.reviewState()).isEqualTo(ReviewState.CORRECTED);
        assertThat(corrected.fatalities().best()).isEqualTo(9);
        assertThat(corrected.fatalities().low()).isEqualTo(9);
        assertThat(corrected.fatalities().high())
                .as("an analyst's figure is exact")
                .isEqualTo(9);
        assertThat(corrected.fatalities().words())
                .as("the text's words stay")
                .isEqualTo("killing at least seven people");
        assertThat(review.history(e.id()))
                .anySatisfy(h -> assertThat(h.changes()).contains("fatalities: 7 → 9"));

        // the engine reads the article again: an analyst's figure is never overridden
        save(9102, event(atLeast(7, "killing at least seven people")));
        assertThat(only(doc).fatalities().best()).isEqualTo(9);

        // emptied: the reports give no figure
        TrackedEvent now = only(doc);
        review.correct(now.id(), now.version(), correction(now, " "), "analyst@example.org");
        assertThat(only(doc).fatalities()).isNull();
        assertThat(review.history(e.id()))
                .anySatisfy(h -> assertThat(h.changes()).contains("fatalities: 9 → —"));

        // 0 is a report of none
        now = only(doc);
        review.correct(now.id(), now.version(), correction(now, "0"), "analyst@example.org");
        assertThat(only(doc).fatalities().best()).isZero();
        assertThat(EventLabels.deaths(only(doc).fatalities())).isEqualTo("None reported");
    }

    @Test
    void aFigureThatIsNoCountIsRefusedWithItsReasonAndChangesNothing() {
        long doc = save(9103, event(atLeast(7, "killing at least seven people")));
        TrackedEvent e = only(doc);
        for (String bad : List.of("-3", "seven", "<script>alert(1)</script>", "99999999999", "7.5", "1e3")) {
            assertThatThrownBy(() -> review.correct(e.id(), e.version(), correction(e, bad), "analyst@example.org"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidReview.class, r -> assertThat(r.errors()).containsKey("fatalities"));
        }
        TrackedEvent after = only(doc);
        assertThat(after.reviewState()).isEqualTo(ReviewState.UNREVIEWED);
        assertThat(after.fatalities().best()).isEqualTo(7);
        assertThat(after.version()).isEqualTo(e.version());
    }

    @Test
    void twoArticlesOfOneStoryCountTheirDeathsOnce() throws Exception {
        // the first article reports the bomb with no figure, the second (the same day) with seven dead: the second is
        // linked to the first automatically (StoryLinks) as an analyst's merge would
        long first = saveAsIs(9104, event(null));
        long second = saveAsIs(9105, event(atLeast(7, "killing at least seven people")));
        TrackedEvent a = only(first), b = only(second);
        assertThat(b.mergedInto()).isEqualTo(a.id());
        TrackedEvent kept = only(first);
        assertThat(kept.fatalities().best())
                .as("takes the duplicate's figure, having none")
                .isEqualTo(7);
        assertThat(only(second).reviewState()).isEqualTo(ReviewState.MERGED);
        assertThat(review.history(a.id()))
                .anySatisfy(h -> assertThat(h.changes()).contains("fatalities: — → 7 (from #" + b.id() + ")"));
        assertThat(kept.reviewState())
                .as("a link is not an analyst's confirmation")
                .isEqualTo(ReviewState.UNREVIEWED);

        // the exports (default states: merged events left out) count the seven once
        String csv = csv(EventFilter.any());
        long sevens = csv.lines()
                .filter(l -> l.startsWith(a.id() + ",") || l.startsWith(b.id() + ","))
                .count();
        assertThat(sevens).as("only the event kept is exported").isEqualTo(1);
        assertThat(csv.lines()
                        .filter(l -> l.startsWith(a.id() + ","))
                        .findFirst()
                        .orElseThrow())
                .contains(",7,0.8,");
    }

    @Test
    void theCsvHasAcledsFatalitiesColumnAndZeroWhenNoneIsReported() throws Exception {
        long doc = save(9106, event(null));
        long id = only(doc).id();
        String header =
                csv(EventFilter.any().withDocument(doc)).lines().findFirst().orElseThrow();
        assertThat(header).contains("notes,fatalities,confidence");
        String row = csv(EventFilter.any().withDocument(doc))
                .lines()
                .filter(l -> l.startsWith(id + ","))
                .findFirst()
                .orElseThrow();
        assertThat(row).as("not reported: 0, as in ACLED's data").endsWith(",0,0.8,unreviewed");
        ByteArrayOutputStream geo = new ByteArrayOutputStream();
        save(9106, event(atLeast(7, "killing at least seven people")));
        exports.geojson(EventFilter.any().withDocument(doc), geo);
        assertThat(geo.toString(StandardCharsets.UTF_8)).contains("\"fatalities\":7");
    }

    String csv(EventFilter filter) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.csv(filter, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
