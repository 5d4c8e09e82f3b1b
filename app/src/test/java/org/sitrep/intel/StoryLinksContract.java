package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Automatic linking of two articles of one story (issue 18), on each database: the same event told twice is linked
 * once and its deaths counted once in the trends; each condition of the rule, when broken alone, leaves two events;
 * an ambiguous match links nothing; an analyst's unlink sticks and gives the deaths back; and the analysis store links
 * a newly analysed article by itself. Every test uses its own year, so no test's events are another's candidates.
 */
@SpringBootTest
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoryLinksContract {
    static final double LAT = 36.20, LON = 37.16; // Aleppo

    @Autowired
    StoryLinks links;

    @Autowired
    EventSearch search;

    @Autowired
    EventReview review;

    @Autowired
    EventTrends trends;

    @Autowired
    AnalysisStore store;

    @Autowired
    JdbcClient jdbc;

    TestEvents ev() {
        return new TestEvents(jdbc);
    }

    long doc(String title, LocalDate day) {
        return ev().document(title, "Wire " + title, day, "Text of " + title + ".");
    }

    static TestEvents.Spec strike(LocalDate day) {
        return TestEvents.spec("Explosions/Remote violence", "Air/drone strike", day)
                .actors("Russian air force", "Civilians")
                .at("Aleppo", "SY", "Aleppo", LAT, LON, 170063);
    }

    TrackedEvent event(long id) {
        return search.find(id).orElseThrow();
    }

    /** An event kilometres north of Aleppo (a degree of latitude is ~111 km). */
    static TestEvents.Spec north(TestEvents.Spec spec, double km) {
        return spec.at("Near Aleppo", "SY", "Aleppo", LAT + km / 111.0, LON, 170063);
    }

    @Test
    void theSameEventInTwoArticlesIsLinkedAndItsDeathsCountOnce() {
        LocalDate day = LocalDate.of(2011, 3, 14);
        long first = doc("first report", day), second = doc("second report", day.plusDays(1));
        long a = ev().event(first, strike(day));
        // the second article: 4 km away, a two-day span overlapping the day, one of the two actors, seven dead
        long b = ev().event(
                        second,
                        north(strike(day.minusDays(1)).until(day).actors("Russian air force", null), 4)
                                .deaths(7));

        List<StoryLinks.Link> made = links.link(second);

        assertThat(made).containsExactly(new StoryLinks.Link(b, a, first));
        assertThat(event(b).reviewState()).isEqualTo(ReviewState.MERGED);
        assertThat(event(b).mergedInto()).isEqualTo(a);
        assertThat(event(a).reviewState())
                .as("linking is no analyst's confirmation")
                .isEqualTo(ReviewState.UNREVIEWED);
        assertThat(event(a).fatalities().best())
                .as("the kept event takes the deaths it lacked")
                .isEqualTo(7);
        assertThat(review.history(b)).singleElement().satisfies(h -> {
            assertThat(h.analyst()).isEqualTo(StoryLinks.LINKER);
            assertThat(h.action()).isEqualTo("link");
            assertThat(h.changes()).contains("merged_into: — → #" + a);
        });
        assertThat(review.mergedInto(a)).extracting(TrackedEvent::id).containsExactly(b);
        // the trends count one event and seven deaths, not two and fourteen
        EventFilter year = EventFilter.any().withDates(day.minusDays(10), day.plusDays(10));
        EventTrends.Weekly weekly = trends.weekly(year);
        assertThat(weekly.weeks().stream().mapToLong(EventTrends.Week::total).sum())
                .isEqualTo(1);
        assertThat(weekly.weeks().stream()
                        .mapToLong(EventTrends.Week::fatalities)
                        .sum())
                .isEqualTo(7);
        // linking again finds nothing left to link
        assertThat(links.link(second)).isEmpty();
    }

    @Test
    void eachConditionBrokenAloneLeavesTwoEvents() {
        LocalDate day = LocalDate.of(2012, 6, 4);
        long first = doc("kept", day);
        ev().event(first, strike(day));
        record Case(String why, TestEvents.Spec spec) {}
        List<Case> cases = List.of(
                new Case(
                        "another event type",
                        TestEvents.battle(day)
                                .actors("Russian air force", "Civilians")
                                .at("Aleppo", "SY", "Aleppo", LAT, LON, 170063)),
                new Case("15 km away", north(strike(day), 15)),
                new Case("no overlapping day", strike(day.plusDays(1))),
                new Case("a span too long to say", strike(day.minusDays(20)).until(day.plusDays(10))),
                new Case("another named actor", strike(day).actors("Syrian Arab Air Force", "Civilians")),
                new Case(
                        "an actor the kept event does not name beside its own",
                        strike(day).actors("Russian air force", "Rebels")));
        for (Case c : cases) {
            long other = doc("other: " + c.why(), day);
            long id = ev().event(other, c.spec());
            assertThat(links.link(other)).as(c.why()).isEmpty();
            assertThat(event(id).reviewState()).as(c.why()).isEqualTo(ReviewState.UNREVIEWED);
        }
        // placed no closer than the province: too vague to say it is the same place
        long vague = doc("province only", day);
        long id = ev().event(vague, strike(day));
        jdbc.sql("UPDATE intel_events SET geo_precision = 'admin1' WHERE id = :id")
                .param("id", id)
                .update();
        assertThat(links.link(vague)).isEmpty();
        // two events of one article are never linked to each other
        long both = doc("one article, two strikes", day.plusMonths(3));
        ev().event(both, strike(day.plusMonths(3)));
        ev().event(both, strike(day.plusMonths(3)));
        assertThat(links.link(both)).isEmpty();
    }

    @Test
    void anAmbiguousMatchLinksNothing() {
        LocalDate day = LocalDate.of(2013, 2, 11);
        // two earlier articles each hold a matching strike: which one the new article tells cannot be known
        ev().event(doc("one", day), strike(day));
        ev().event(doc("two", day), north(strike(day), 3));
        long third = doc("three", day);
        long id = ev().event(third, strike(day));
        assertThat(links.link(third)).isEmpty();
        assertThat(event(id).reviewState()).isEqualTo(ReviewState.UNREVIEWED);

        // an article telling two strikes that both match one earlier strike: neither is linked
        LocalDate later = day.plusMonths(6);
        ev().event(doc("single", later), strike(later));
        long pair = doc("pair", later);
        long x = ev().event(pair, strike(later));
        long y = ev().event(pair, north(strike(later), 2));
        assertThat(links.link(pair)).isEmpty();
        assertThat(List.of(event(x).reviewState(), event(y).reviewState())).containsOnly(ReviewState.UNREVIEWED);
    }

    @Test
    void onlyEventsNobodyReviewedAreLinkedAndOnlyToEventsShown() {
        LocalDate day = LocalDate.of(2014, 9, 8);
        long rejected = ev().event(doc("rejected one", day), strike(day).state("rejected"));
        long fresh = doc("after the rejected one", day);
        long id = ev().event(fresh, strike(day));
        assertThat(links.link(fresh)).as("a rejected event is no candidate").isEmpty();
        assertThat(event(rejected).reviewState()).isEqualTo(ReviewState.REJECTED);

        LocalDate later = day.plusMonths(2);
        ev().event(doc("kept", later), strike(later));
        long confirmed = doc("confirmed by an analyst", later);
        long c = ev().event(confirmed, strike(later));
        review.confirm(c, event(c).version(), "analyst@example.org");
        assertThat(links.link(confirmed)).as("an analyst's event is theirs").isEmpty();
        assertThat(event(c).reviewState()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(event(id).reviewState()).isEqualTo(ReviewState.UNREVIEWED);
    }

    @Test
    void anAnalystUnlinksAndTheLinkIsNeitherMadeAgainNorItsDeathsCountedTwice() {
        LocalDate day = LocalDate.of(2015, 4, 20);
        long first = doc("kept", day), second = doc("told again", day);
        long a = ev().event(first, strike(day));
        long b = ev().event(second, strike(day).deaths(12));
        assertThat(links.link(second)).hasSize(1);
        assertThat(event(a).fatalities().best()).isEqualTo(12);

        review.reopen(b, event(b).version(), "analyst@example.org");

        assertThat(event(b).reviewState()).isEqualTo(ReviewState.UNREVIEWED);
        assertThat(event(b).mergedInto()).isNull();
        assertThat(event(b).fatalities().best()).isEqualTo(12);
        assertThat(event(a).fatalities())
                .as("the deaths taken from the unlinked event go back with it")
                .isNull();
        assertThat(review.history(a))
                .anySatisfy(h -> assertThat(h.changes()).contains("fatalities: 12 → — (returned to #" + b + ")"));
        assertThat(links.link(second))
                .as("an unlinked event is the analyst's: never linked again")
                .isEmpty();
        EventFilter days = EventFilter.any().withDates(day, day);
        assertThat(trends.weekly(days).weeks().stream()
                        .mapToLong(EventTrends.Week::fatalities)
                        .sum())
                .isEqualTo(12);
        assertThat(search.search(days, null, 10).events()).hasSize(2);
    }

    @Test
    void theAnalysisStoreLinksANewlyAnalysedArticleByItself() {
        LocalDate day = LocalDate.of(2016, 11, 7);
        String sentence = "Warplanes struck a market in Aleppo on Monday, killing 9 people.";
        String text = "Strike on Aleppo market\n\n" + sentence;
        int start = text.indexOf(sentence);
        Event told = new Event(
                "Explosions/Remote violence",
                "Air/drone strike",
                "Russian air force",
                null,
                new EventPlace("Aleppo", LAT, LON, Precision.CITY, "SY", "Aleppo", 170063),
                new DateRange(day, day, "on Monday"),
                "struck",
                new Evidence(sentence, start, start + sentence.length()),
                0.8,
                new Fatalities(9, 9, 9, "killing 9 people", text.indexOf("killing"), text.indexOf("killing") + 16));
        Analysis analysis = new Analysis(
                Analysis.SCHEMA,
                "test-engine-1",
                day,
                "Strike on Aleppo market",
                text,
                List.of(),
                List.of(),
                List.of(told));
        long first = store.save(
                new SourceDocument("item", 7701, "Strike", text, "text", day, "https://wire.example/7701", "Wire A"),
                analysis);
        long second = store.save(
                new SourceDocument("item", 7702, "Strike", text, "text", day, "https://wire.example/7702", "Wire B"),
                analysis);
        TrackedEvent kept = only(first), linked = only(second);
        assertThat(linked.reviewState()).isEqualTo(ReviewState.MERGED);
        assertThat(linked.mergedInto()).isEqualTo(kept.id());
        assertThat(kept.reviewState()).isEqualTo(ReviewState.UNREVIEWED);
        // analysed again (an engine upgrade): the link stands, no second event appears
        store.save(
                new SourceDocument("item", 7702, "Strike", text, "text", day, "https://wire.example/7702", "Wire B"),
                analysis);
        assertThat(only(second).id()).isEqualTo(linked.id());
        assertThat(only(second).reviewState()).isEqualTo(ReviewState.MERGED);
        assertThat(search.search(EventFilter.any().withDates(day, day), null, 10)
                        .events())
                .extracting(TrackedEvent::id)
                .containsExactly(kept.id());
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
}
