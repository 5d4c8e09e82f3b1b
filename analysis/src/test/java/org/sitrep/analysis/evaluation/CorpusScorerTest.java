package org.sitrep.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.evaluation.Gold.GoldActor;
import org.sitrep.analysis.evaluation.Gold.GoldDate;
import org.sitrep.analysis.evaluation.Gold.GoldEvent;
import org.sitrep.analysis.evaluation.Gold.GoldPlace;

/** The scorer on hand-made analyses whose precision and recall are known by construction. */
class CorpusScorerTest {
    static final LocalDate PUBLISHED = LocalDate.of(2014, 3, 30);
    static final LocalDate SAT = LocalDate.of(2014, 3, 29);
    static final String TEXT = "Regime forces shelled Aleppo on Saturday. Rebels clashed with the army in Homs. "
            + "Residents fled Aleppo province for Kessab.";

    final CorpusScorer scorer = new CorpusScorer();

    static CorpusText gold() {
        List<GoldPlace> places = List.of(
                new GoldPlace("Aleppo", null, null, "Aleppo", 36.202, 37.134, "SY", "city"),
                new GoldPlace("Homs", null, null, "Homs", 34.731, 36.709, "SY", "city"),
                new GoldPlace("Aleppo province", null, null, "Aleppo Governorate", 36.25, 37.55, "SY", "admin1"),
                new GoldPlace("Kessab", null, null, "Kessab", 35.924, 35.988, "SY", "city"));
        List<GoldActor> actors = List.of(
                new GoldActor("Regime forces", "Syrian Arab Army", "state_forces", "government"),
                new GoldActor("Rebels", "Syrian rebels", "rebel_group", "opposition"),
                new GoldActor("Residents", "Civilians (Syria)", "civilians", "civilians"));
        List<GoldDate> dates = List.of(new GoldDate("on Saturday", null, null, SAT, SAT));
        List<GoldEvent> events = List.of(
                new GoldEvent(
                        "Explosions/Remote violence",
                        "Shelling/artillery/missile attack",
                        "Syrian Arab Army",
                        null,
                        "Aleppo",
                        SAT,
                        SAT,
                        "shelled Aleppo"),
                new GoldEvent(
                        "Battles",
                        "Armed clash",
                        "Syrian rebels",
                        "Syrian Arab Army",
                        "Homs",
                        SAT,
                        SAT,
                        "Rebels clashed with the army"));
        return new CorpusText(
                "t",
                "dev",
                "wire",
                PUBLISHED,
                Document.Format.TEXT,
                null,
                TEXT,
                new Gold(places, actors, dates, events),
                Path.of("t.json"));
    }

    static Span at(String surface, int nth) {
        int from = -1;
        for (int i = 0; i < nth; i++) from = TEXT.indexOf(surface, from + 1);
        return new Span(from, from + surface.length());
    }

    static Place place(String name, double lat, double lon, Span... mentions) {
        return new Place(name, name, lat, lon, "SY", null, "PPL", 1, Precision.CITY, List.of(mentions));
    }

    static Analysis analysis(List<Place> places, List<Actor> actors, List<Event> events) {
        return new Analysis(Analysis.SCHEMA, "test", PUBLISHED, null, TEXT, places, actors, events);
    }

    static Actor actor(String canonical, String side) {
        return new Actor(canonical, canonical, ActorKind.OTHER, side, "SY", List.of());
    }

    static Event event(
            String type, String sub, String a1, String a2, EventPlace place, LocalDate day, String sentence) {
        int start = TEXT.indexOf(sentence);
        return new Event(
                type,
                sub,
                a1,
                a2,
                place,
                new DateRange(day, day, "on Saturday"),
                "x",
                new Evidence(sentence, start, start + sentence.length()),
                0.9);
    }

    @Test
    void aPerfectAnalysisScoresOneEverywhere() {
        Place aleppo = place("Aleppo", 36.2, 37.13, at("Aleppo", 1));
        Place homs = place("Homs", 34.73, 36.71, at("Homs", 1));
        Place province = place("Aleppo Governorate", 36.25, 37.55, at("Aleppo province", 1));
        Place kessab = place("Kessab", 35.92, 35.99, at("Kessab", 1));
        EventPlace ep = new EventPlace("Aleppo", 36.2, 37.13, Precision.CITY, "SY", null, 1);
        EventPlace hp = new EventPlace("Homs", 34.73, 36.71, Precision.CITY, "SY", null, 2);
        Analysis a = analysis(
                List.of(aleppo, homs, province, kessab),
                List.of(
                        actor("Syrian Arab Army", "government"),
                        actor("Syrian rebels", "opposition"),
                        actor("Civilians (Syria)", "civilians")),
                List.of(
                        event(
                                "Explosions/Remote violence",
                                "Shelling/artillery/missile attack",
                                "Syrian Arab Army",
                                null,
                                ep,
                                SAT,
                                "Regime forces shelled Aleppo on Saturday."),
                        event(
                                "Battles",
                                "Armed clash",
                                "Syrian rebels",
                                "Syrian Arab Army",
                                hp,
                                SAT,
                                "Rebels clashed with the army in Homs.")));
        Scores s = scorer.score(gold(), Prediction.of(a));

        assertThat(s.placeMentions()).isEqualTo(new Score(4, 0, 0));
        assertThat(s.places()).isEqualTo(new Score(4, 0, 0));
        assertThat(s.placesResolved()).isEqualTo(new Score(4, 0, 0));
        assertThat(s.geocoding().within(10)).isEqualTo(1.0);
        assertThat(s.actors()).isEqualTo(new Score(3, 0, 0));
        assertThat(s.actorSides().value()).isEqualTo(1.0);
        assertThat(s.dates()).isEqualTo(new Score(1, 0, 0));
        assertThat(s.dateRanges().value()).isEqualTo(1.0);
        assertThat(s.events()).isEqualTo(new Score(2, 0, 0));
        assertThat(s.eventSubTypes().value()).isEqualTo(1.0);
        assertThat(s.eventActor1().value()).isEqualTo(1.0);
        assertThat(s.eventActor2().value()).isEqualTo(1.0);
        assertThat(s.eventPlaces().value()).isEqualTo(1.0);
        assertThat(s.eventDates().value()).isEqualTo(1.0);
        assertThat(s.misses()).isEmpty();
    }

    @Test
    void placesCountMissesFalseAlarmsAndGeocodingErrors() {
        // Aleppo right; Homs put in Libya (Khoms, ~1,900 km off); the province missed; Kessab missed;
        // "Saturday" wrongly taken for a place; and "Aleppo" inside "Aleppo province" is not a gold mention.
        Place aleppo = place("Aleppo", 36.2, 37.13, at("Aleppo", 1));
        Place khoms = place("Al Khums", 32.649, 14.261, at("Homs", 1));
        Place saturday = place("Saturday", 10, 10, at("Saturday", 1));
        Scores s =
                scorer.score(gold(), Prediction.of(analysis(List.of(aleppo, khoms, saturday), List.of(), List.of())));

        assertThat(s.placeMentions()).isEqualTo(new Score(2, 1, 2));
        assertThat(s.placeMentions().precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(s.placeMentions().recall()).isEqualTo(0.5);
        assertThat(s.places()).isEqualTo(new Score(2, 1, 2));
        assertThat(s.placesResolved()).isEqualTo(new Score(1, 2, 3));
        assertThat(s.geocoding().count()).isEqualTo(2);
        assertThat(s.geocoding().within(161)).isEqualTo(0.5);
        assertThat(s.geocoding().median()).isGreaterThan(900);
        assertThat(s.misses())
                .anyMatch(m -> m.contains("place missed 'Kessab'"))
                .anyMatch(m -> m.contains("place false 'Saturday'"))
                .anyMatch(m -> m.contains("'Homs' put at Al Khums"));
    }

    @Test
    void aShorterEngineMentionInsideALongerGoldOneMatchesOnce() {
        // The engine found "Aleppo" inside "Aleppo province" and called it the city: the province's
        // mention counts as found (overlap), the city's coordinates are within 161 km of the province's.
        Place city = place("Aleppo", 36.202, 37.134, at("Aleppo", 1), at("Aleppo", 2));
        Scores s = scorer.score(gold(), Prediction.of(analysis(List.of(city), List.of(), List.of())));
        assertThat(s.placeMentions()).isEqualTo(new Score(2, 0, 2));
        // One engine place can only be one gold place.
        assertThat(s.places()).isEqualTo(new Score(1, 0, 3));
    }

    @Test
    void aCountryIsRightWhenTheEngineNamesTheSameCountryWhateverPointItUses() {
        GoldPlace libya = new GoldPlace("Libya", null, null, "Libya", 27.0, 17.0, "LY", "country");
        Place engineLibya =
                new Place("Libya", "Libya", 25.0, 17.0, "LY", null, "PCLI", 5, Precision.COUNTRY, List.of());
        assertThat(CorpusScorer.errorKm(engineLibya.lat(), engineLibya.lon(), engineLibya.country(), libya))
                .isZero();
        assertThat(CorpusScorer.errorKm(33.8, 35.8, "LB", libya)).isGreaterThan(1000);
        GoldPlace tripoli = new GoldPlace("Tripoli", null, null, "Tripoli", 32.887, 13.191, "LY", "city");
        assertThat(CorpusScorer.errorKm(32.0, 13.191, "LY", tripoli)).isCloseTo(99.6, within(1.0));
    }

    @Test
    void actorsAreComparedByCanonicalNameWithSides() {
        Scores s = scorer.score(
                gold(),
                Prediction.of(analysis(
                        List.of(),
                        List.of(
                                actor("the Syrian Arab Army", "opposition"),
                                actor("syrian rebels", "opposition"),
                                actor("Hezbollah", "hezbollah")),
                        List.of())));
        assertThat(s.actors()).isEqualTo(new Score(2, 1, 1));
        assertThat(s.actorSides()).isEqualTo(new Accuracy(1, 2));
    }

    @Test
    void eventsMatchOnTypeAndEvidenceThenCheckTheirParts() {
        // The shelling is found with the wrong sub-type, no actor and a place 300+ km away; the clash
        // is given the wrong type (so it does not match); an extra event is invented.
        EventPlace damascus = new EventPlace("Damascus", 33.513, 36.292, Precision.CITY, "SY", null, 3);
        List<Event> events = new ArrayList<>();
        events.add(event(
                "Explosions/Remote violence",
                "Air/drone strike",
                null,
                null,
                damascus,
                SAT.minusDays(1),
                "Regime forces shelled Aleppo on Saturday."));
        events.add(event(
                "Strategic developments",
                "Other",
                "Syrian rebels",
                null,
                null,
                SAT,
                "Rebels clashed with the army in Homs."));
        events.add(event(
                "Violence against civilians",
                "Attack",
                null,
                "Civilians (Syria)",
                null,
                SAT,
                "Residents fled Aleppo province for Kessab."));
        Scores s = scorer.score(gold(), Prediction.of(analysis(List.of(), List.of(), events)));

        assertThat(s.events()).isEqualTo(new Score(1, 2, 1));
        assertThat(s.eventSubTypes()).isEqualTo(new Accuracy(0, 1));
        assertThat(s.eventActor1()).isEqualTo(new Accuracy(0, 1));
        assertThat(s.eventActor2()).isEqualTo(new Accuracy(1, 1)); // null and null agree
        assertThat(s.eventPlaces()).isEqualTo(new Accuracy(0, 1));
        assertThat(s.eventDates()).isEqualTo(new Accuracy(0, 1));
        // Without time expressions, dates come from the events: "on Saturday" is in the first sentence only.
        assertThat(s.dates().tp()).isEqualTo(1);
    }

    @Test
    void anEventToldTwiceMayBeCitedFromEitherSentenceButCountsOnce() {
        String text = "Government forces shelled Aleppo on Saturday. The shelling of Aleppo killed five people.";
        GoldEvent shelling = new GoldEvent(
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                null,
                null,
                null,
                SAT,
                SAT,
                "shelled Aleppo",
                List.of("The shelling of Aleppo killed"));
        CorpusText t = new CorpusText(
                "twice",
                "dev",
                "wire",
                PUBLISHED,
                Document.Format.TEXT,
                null,
                text,
                new Gold(List.of(), List.of(), List.of(), List.of(shelling)),
                Path.of("twice.json"));
        int second = text.indexOf("The shelling");
        Event citedSecond = new Event(
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                null,
                null,
                null,
                new DateRange(SAT, SAT, null),
                "shelling",
                new Evidence(text.substring(second), second, text.length()),
                0.9);
        Event citedFirst = new Event(
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                null,
                null,
                null,
                new DateRange(SAT, SAT, null),
                "shelled",
                new Evidence(text.substring(0, second - 1), 0, second - 1),
                0.9);
        Analysis merged = new Analysis(
                Analysis.SCHEMA, "test", PUBLISHED, null, text, List.of(), List.of(), List.of(citedSecond));
        assertThat(scorer.score(t, Prediction.of(merged)).events()).isEqualTo(new Score(1, 0, 0));
        // Not merged: the second report of the same action is one event too many.
        Analysis twice = new Analysis(
                Analysis.SCHEMA, "test", PUBLISHED, null, text, List.of(), List.of(), List.of(citedFirst, citedSecond));
        assertThat(scorer.score(t, Prediction.of(twice)).events()).isEqualTo(new Score(1, 1, 0));
    }

    @Test
    void datesFromTheEnginesTimeExpressionsWhenGiven() {
        TimeExpression sat = new TimeExpression(
                at("on Saturday", 1), new DateRange(SAT.minusDays(7), SAT.minusDays(7), "on Saturday"));
        TimeExpression wrong = new TimeExpression(at("Homs", 1), new DateRange(SAT, SAT, "Homs"));
        Scores s = scorer.score(gold(), new Prediction(analysis(List.of(), List.of(), List.of()), List.of(sat, wrong)));
        assertThat(s.dates()).isEqualTo(new Score(1, 1, 0));
        assertThat(s.dateRanges()).isEqualTo(new Accuracy(0, 1));
    }

    @Test
    void aGoldMentionTheCleanedTextLostCountsAsMissed() {
        Analysis a = new Analysis(
                Analysis.SCHEMA, "test", PUBLISHED, null, "Nothing here.", List.of(), List.of(), List.of());
        Scores s = scorer.score(gold(), Prediction.of(a));
        assertThat(s.placeMentions()).isEqualTo(new Score(0, 0, 4));
        assertThat(s.events()).isEqualTo(new Score(0, 0, 2));
        assertThat(s.misses()).anyMatch(m -> m.contains("is not in the engine's text"));
    }

    @Test
    void scoresAddUpAndEmptyScoresAreHonest() {
        assertThat(Score.ZERO.precision()).isEqualTo(1.0);
        assertThat(new Score(0, 3, 0).precision()).isEqualTo(0.0);
        assertThat(new Score(1, 1, 2).plus(new Score(1, 0, 0))).isEqualTo(new Score(2, 1, 2));
        assertThat(new Score(2, 1, 2).f1()).isCloseTo(2 * (2 / 3.0) * 0.5 / (2 / 3.0 + 0.5), within(1e-9));
        assertThat(Accuracy.ZERO.value()).isNaN();
        assertThat(GeoErrors.km(36.202, 37.134, 33.513, 36.292)).isCloseTo(309, within(5.0));
    }
}
