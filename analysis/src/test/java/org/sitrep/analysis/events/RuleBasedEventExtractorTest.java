package org.sitrep.analysis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.actors.DictionaryActorFinder;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.text.CleanText;

class RuleBasedEventExtractorTest {

    static final DictionaryActorFinder ACTORS = new DictionaryActorFinder();
    static final RuleBasedEventExtractor EXTRACTOR = new RuleBasedEventExtractor();
    /** A handful of places with their countries, standing in for the gazetteer. */
    static final Map<String, String> GAZETTEER = Map.ofEntries(
            Map.entry("Douma", "SY"),
            Map.entry("Aleppo", "SY"),
            Map.entry("Idlib", "SY"),
            Map.entry("Abu Dhuhur", "SY"),
            Map.entry("Mosul", "IQ"),
            Map.entry("Baghdad", "IQ"),
            Map.entry("Hodeidah", "YE"),
            Map.entry("Sanaa", "YE"),
            Map.entry("Tripoli", "LY"),
            Map.entry("Gaza", "PS"),
            Map.entry("Jenin", "PS"),
            Map.entry("Beirut", "LB"),
            Map.entry("Raqqa", "SY"),
            Map.entry("Basra", "IQ"),
            Map.entry("Deir ez-Zor", "SY"),
            Map.entry("Afrin", "SY"),
            Map.entry("Tikrit", "IQ"),
            Map.entry("Saraqib", "SY"),
            Map.entry("Sirte", "LY"),
            Map.entry("Marib", "YE"));

    static List<Place> places(String text) {
        List<Place> out = new ArrayList<>();
        long id = 1;
        for (Map.Entry<String, String> e : GAZETTEER.entrySet()) {
            List<Span> spans = new ArrayList<>();
            for (int i = text.indexOf(e.getKey()); i >= 0; i = text.indexOf(e.getKey(), i + 1)) {
                spans.add(new Span(i, i + e.getKey().length()));
            }
            if (!spans.isEmpty()) {
                out.add(new Place(e.getKey(), e.getKey(), 1, 1, e.getValue(), null, "PPL", id, Precision.CITY, spans));
            }
            id++;
        }
        return out;
    }

    static List<Event> events(String text) {
        return events(text, List.of());
    }

    static List<Event> events(String text, List<TimeExpression> dates) {
        CleanText clean = TestTexts.clean(text, LocalDate.of(2018, 3, 20));
        List<Place> places = places(text);
        List<Actor> actors = ACTORS.find(clean, places);
        return EXTRACTOR.extract(clean, places, actors, dates);
    }

    static Event only(String text) {
        List<Event> es = events(text);
        assertThat(es).as("events of: %s", text).hasSize(1);
        return es.get(0);
    }

    @Test
    void activeVerbAgentAndTarget() {
        Event e = only("Regime forces shelled rebel positions in Douma on Monday.");
        assertThat(e.type()).isEqualTo("Explosions/Remote violence");
        assertThat(e.subType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(e.actor1()).isEqualTo("Syrian Arab Army");
        assertThat(e.place().name()).isEqualTo("Douma");
    }

    @Test
    void passiveWithByPhrase() {
        Event e = only("Douma was shelled by regime forces.");
        assertThat(e.actor1()).isEqualTo("Syrian Arab Army");
        Event k = only("Three civilians were killed in an airstrike by the US-led coalition near Raqqa.");
        assertThat(k.type()).isEqualTo("Explosions/Remote violence");
        assertThat(k.subType()).isEqualTo("Air/drone strike");
        assertThat(k.actor1()).isEqualTo("US-led coalition");
        assertThat(k.actor2()).isEqualTo("Civilians (Syria)");
        assertThat(k.place().name()).isEqualTo("Raqqa");
        Event h = only("Houthi fighters were attacked by the Saudi-led coalition in Hodeidah.");
        assertThat(h.actor1()).isEqualTo("Saudi-led coalition");
        assertThat(h.actor2()).isEqualTo("Houthis");
        assertThat(h.type()).isEqualTo("Battles");
    }

    @Test
    void nominalisations() {
        Event air = only("A regime airstrike on Douma killed six people.");
        assertThat(air.subType()).isEqualTo("Air/drone strike");
        assertThat(air.actor1()).isEqualTo("Syrian Arab Army");
        assertThat(air.place().name()).isEqualTo("Douma");
        Event off = only("The rebel offensive on west Aleppo stalled.");
        assertThat(off.type()).isEqualTo("Battles");
        assertThat(off.actor1()).isEqualTo("Syrian rebels");
        Event hez = only("Hezbollah's assault on the Islamic State near Deir ez-Zor began at dawn.");
        assertThat(hez.actor1()).isEqualTo("Hezbollah");
        assertThat(hez.actor2()).isEqualTo("Islamic State");
    }

    @Test
    void clashesBetweenXAndY() {
        Event e = only("Clashes between the SDF and Turkish-backed rebels erupted near Afrin.");
        assertThat(e.type()).isEqualTo("Battles");
        assertThat(e.subType()).isEqualTo("Armed clash");
        assertThat(e.actor1()).isEqualTo("Syrian Democratic Forces");
        assertThat(e.actor2()).isEqualTo("Free Syrian Army");
        assertThat(e.place().name()).isEqualTo("Afrin");
    }

    @Test
    void territoryChangesDependOnWhoTookIt() {
        assertThat(only("The Syrian army recaptured Abu Dhuhur from HTS.").subType())
                .isEqualTo("Government regains territory");
        Event e = only("Islamic State fighters seized the town of Sirte.");
        assertThat(e.subType()).isEqualTo("Non-state actor overtakes territory");
        assertThat(e.actor1()).isEqualTo("Islamic State");
    }

    @Test
    void everyEventFamily() {
        assertThat(only("A suicide car bomb exploded at a checkpoint in Baghdad.")
                        .subType())
                .isEqualTo("Suicide bomb");
        assertThat(only("A roadside bomb hit a patrol near Basra.").subType())
                .isEqualTo("Remote explosive/landmine/IED");
        assertThat(only("Residents reported a chemical attack on Douma.").subType())
                .isEqualTo("Chemical weapon");
        Event vac = only("ISIS militants executed twelve civilians in Mosul.");
        assertThat(vac.type()).isEqualTo("Violence against civilians");
        assertThat(vac.actor2()).isEqualTo("Civilians (Iraq)");
        assertThat(only("Gunmen abducted two aid workers in Tripoli.").subType())
                .isEqualTo("Abduction/forced disappearance");
        Event protest = only("Thousands of protesters rallied in Beirut against the government.");
        assertThat(protest.type()).isEqualTo("Protests");
        assertThat(protest.subType()).isEqualTo("Peaceful protest");
        assertThat(only("Police fired tear gas to disperse demonstrators in Baghdad.")
                        .subType())
                .isEqualTo("Protest with intervention");
        Event riot = only("Palestinian youths rioted in Jenin, throwing stones at Israeli troops.");
        assertThat(riot.type()).isEqualTo("Riots");
        assertThat(riot.actor2()).isEqualTo("Israel Defense Forces");
        assertThat(only("Israeli troops arrested 20 Palestinians in Jenin.").subType())
                .isEqualTo("Arrests");
        assertThat(only("The Houthis and the government agreed a ceasefire in Hodeidah.")
                        .subType())
                .isEqualTo("Agreement");
        assertThat(only("Rebels withdrew from Abu Dhuhur under the deal.").type())
                .isEqualTo("Strategic developments");
    }

    @Test
    void modalityLowersConfidenceButKeepsTheEvent() {
        double plain = only("Regime forces shelled Douma.").confidence();
        double hedged = only("Regime forces reportedly shelled Douma.").confidence();
        double attempted = only("Regime forces attempted to storm Douma.").confidence();
        assertThat(hedged).isLessThan(plain).isGreaterThan(0);
        assertThat(attempted).isLessThan(plain).isGreaterThan(0);
    }

    @Test
    void negatedFutureAndVerbalActsGiveNoEvent() {
        assertThat(events("The Houthis threatened to attack Saudi oil facilities."))
                .isEmpty();
        assertThat(events("Turkey plans to attack Kurdish forces near Afrin.")).isEmpty();
        assertThat(events("The UN called for a ceasefire in Idlib.")).isEmpty();
        assertThat(events("Israel warned Hezbollah that it would strike Beirut."))
                .isEmpty();
        assertThat(events("The rebels did not attack Douma.")).isEmpty();
        assertThat(events("Russia condemned the offensive and demanded the withdrawal of Turkish troops."))
                .isEmpty();
    }

    @Test
    void repeatedMentionsAreMerged() {
        String text = "Regime airstrikes hit Douma\n\nSyrian warplanes struck Douma on Tuesday, killing 12 civilians. "
                + "Residents said the air strikes on Douma lasted an hour.";
        int tuesday = text.indexOf("on Tuesday");
        List<Event> es = events(
                text,
                List.of(new TimeExpression(
                        new Span(tuesday, tuesday + 10),
                        new DateRange(LocalDate.of(2018, 3, 20), LocalDate.of(2018, 3, 20), "on Tuesday"))));
        assertThat(es).hasSize(1);
        Event e = es.get(0);
        assertThat(e.actor1()).isEqualTo("Syrian Arab Army");
        assertThat(e.date().text()).isEqualTo("on Tuesday");
        assertThat(e.evidence().sentence()).startsWith("Syrian warplanes struck Douma");
    }

    @Test
    void distinctActionsStaySeparate() {
        List<Event> es = events("Regime forces shelled Douma. Rebels ambushed a convoy near Idlib.");
        assertThat(es).extracting(Event::type).containsExactly("Explosions/Remote violence", "Battles");
    }

    @Test
    void evidencePointsAtTheSentence() {
        String text =
                "Fighting was quiet in the north. Meanwhile, the IDF struck Hamas positions in Gaza. Aid arrived.";
        List<Event> es = events(text);
        assertThat(es).hasSize(1);
        Event e = es.get(0);
        assertThat(text.substring(e.evidence().start(), e.evidence().end()))
                .isEqualTo(e.evidence().sentence())
                .isEqualTo("Meanwhile, the IDF struck Hamas positions in Gaza.");
        assertThat(e.actor1()).isEqualTo("Israel Defense Forces");
        assertThat(e.actor2()).isEqualTo("Hamas");
        assertThat(e.date().earliest()).isEqualTo(LocalDate.of(2018, 3, 20));
        assertThat(e.date().text()).isNull();
    }

    @Test
    void datesComeFromTheSentenceElseTheLeadElseThePublicationDay() {
        String text = "Regime forces shelled Douma on Sunday. Rebels ambushed a convoy near Idlib.";
        int sunday = text.indexOf("on Sunday");
        DateRange sun = new DateRange(LocalDate.of(2018, 3, 18), LocalDate.of(2018, 3, 18), "on Sunday");
        List<Event> es = events(text, List.of(new TimeExpression(new Span(sunday, sunday + 9), sun)));
        assertThat(es.get(0).date()).isEqualTo(sun);
        assertThat(es.get(1).date().earliest()).isEqualTo(LocalDate.of(2018, 3, 18));
        assertThat(es.get(1).date().text()).isNull();
        assertThat(es.get(1).confidence()).isLessThan(es.get(0).confidence());
        Event undated = only("Rebels ambushed a convoy near Idlib.");
        assertThat(undated.date()).isEqualTo(new DateRange(LocalDate.of(2018, 3, 20), LocalDate.of(2018, 3, 20), null));
    }

    @Test
    void pronounsCoordinationAndRelativeClausesFindTheAgent() {
        List<Event> es = events("Islamic State militants overran Mosul on Tuesday. On Wednesday they seized Tikrit.");
        assertThat(es).extracting(Event::actor1).containsExactly("Islamic State", "Islamic State");
        Event police = only("Police in Baghdad said they had arrested 70 protesters.");
        assertThat(police.actor1()).isEqualTo("Iraqi Security Forces");
        Event joined = only("Government forces and allied militias captured the last rebel-held districts of Aleppo.");
        assertThat(joined.actor1()).isEqualTo("Syrian Arab Army");
        Event both = only("Islamic State fighters and government troops have been fighting near Deir ez-Zor.");
        assertThat(both.actor1()).isEqualTo("Islamic State");
        assertThat(both.actor2()).isEqualTo("Syrian Arab Army");
        Event relative = only("Aden is now held by the Houthis, who seized Sanaa in September.");
        assertThat(relative.actor1()).isEqualTo("Houthis");
    }

    @Test
    void territoryChangesNameTheSideThatLostIt() {
        Event from = only("The Syrian army has pushed east, retaking a string of villages from IS.");
        assertThat(from.actor1()).isEqualTo("Syrian Arab Army");
        assertThat(from.actor2()).isEqualTo("Islamic State");
        Event fell = only("Saraqib fell to government forces in late January near Idlib.");
        assertThat(fell.actor1()).isEqualTo("Syrian Arab Army");
        assertThat(fell.subType()).isEqualTo("Government regains territory");
        List<Event> es = events("Iraqi troops abandoned their posts. ISIL militants overran Mosul on Tuesday.");
        Event overran = es.stream()
                .filter(e -> e.trigger().equals("overran"))
                .findFirst()
                .orElseThrow();
        assertThat(overran.actor2()).isEqualTo("Iraqi Security Forces"); // the holder, inferred
    }

    @Test
    void emptyInputGivesNothing() {
        assertThat(EXTRACTOR.extract(new CleanText(null, "", null, List.of()), List.of(), List.of(), List.of()))
                .isEmpty();
        assertThat(events("Nothing happened here. The weather was fine.")).isEmpty();
    }
}
