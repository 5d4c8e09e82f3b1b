package org.sitrep.analysis.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.places.PlaceFinder;
import org.sitrep.analysis.text.CleanText;

/**
 * Actors no dictionary knows, found by the pattern finder in the dictionary finder's second slot: each
 * pattern with sentences written for this test, and the traps where a pattern must give nothing. The
 * text goes through the real sentence splitter and tagger; the places are given, as the geoparser
 * would find them.
 */
class PatternActorFinderTest {
    static final Analyzer CLEANER = Analyzer.builder()
            .placeFinder(PlaceFinder.NONE)
            .eventClassifier(EventClassifier.NONE)
            .build();
    static final DictionaryActorFinder FINDER = DictionaryActorFinder.withPatterns();

    static List<Actor> find(String text, Place... places) {
        CleanText clean = CLEANER.clean(Document.text(text, LocalDate.of(2026, 3, 2)));
        return FINDER.find(clean, List.of(places));
    }

    static Optional<Actor> actor(List<Actor> actors, String canonical) {
        return actors.stream().filter(a -> a.canonical().equals(canonical)).findFirst();
    }

    /** The words of the actor's mentions, as written. */
    static List<String> words(String text, Actor a) {
        return a.mentions().stream()
                .map(m -> text.substring(m.start(), m.end()))
                .toList();
    }

    static Place place(String text, String name, String country) {
        int at = text.indexOf(name);
        return new Place(
                name, name, 0, 0, country, null, "PPL", 1, Precision.CITY, List.of(new Span(at, at + name.length())));
    }

    @Test
    void forcesLoyalToALeaderNobodyKnowsAreAPoliticalMilitiaWithTheLeadersSide() {
        String text = "Fighters loyal to warlord Ahmed Mirza stormed the village of Kalo on Sunday, residents said.";
        Actor a = actor(find(text), "Forces loyal to Ahmed Mirza").orElseThrow();
        assertThat(a.kind()).isEqualTo(ActorKind.MILITIA);
        assertThat(a.side()).isEqualTo("opposition");
        assertThat(words(text, a)).containsExactly("Fighters loyal to warlord Ahmed Mirza");

        String president = "Troops loyal to President Joseph Banda retook the town of Mibu from the rebels.";
        Actor b = actor(find(president), "Forces loyal to Joseph Banda").orElseThrow();
        assertThat(b.kind()).isEqualTo(ActorKind.STATE_FORCES);
        assertThat(b.side()).isEqualTo("government");

        // no office and no word of a side: the leader's name is the side, as the dictionary writes "haftar"
        String plain = "Gunmen loyal to Omar Dikko raided a checkpoint near the market.";
        assertThat(actor(find(plain), "Forces loyal to Omar Dikko")
                        .orElseThrow()
                        .side())
                .isEqualTo("dikko");
    }

    @Test
    void forcesLoyalToALeaderTheDictionaryKnowsAreThatActor() {
        String text = "Forces loyal to Khalifa Haftar shelled the airport on Monday.";
        List<Actor> actors = find(text);
        Actor lna = actor(actors, "Libyan National Army").orElseThrow();
        assertThat(words(text, lna)).containsExactly("Forces loyal to Khalifa Haftar");
        assertThat(actors).noneMatch(a -> a.canonical().startsWith("Forces loyal to"));

        // the dictionary knows "Hadi forces": forces loyal to him are those, whatever his title
        String hadi = "Forces loyal to exiled President Hadi retook the port.";
        Actor yemen = actor(find(hadi), "Yemeni Armed Forces").orElseThrow();
        assertThat(words(hadi, yemen)).containsExactly("Forces loyal to exiled President Hadi");

        // "loyal to the UN-backed government": the government, not the UN
        String backed = "Forces loyal to the UN-backed government pushed back the assault.";
        List<Actor> pro = find(backed);
        assertThat(actor(pro, "Pro-government forces")).isPresent();
        assertThat(pro)
                .noneMatch(a -> words(backed, a).stream().anyMatch(w -> w.startsWith("Forces loyal"))
                        && a.canonical().equals("United Nations"));
    }

    @Test
    void loyalToSomethingThatIsNoOneGivesNoActor() {
        for (String text : List.of(
                "Forces loyal to the constitution will defend the republic, the minister said.",
                "Soldiers loyal to their commander refused the order.",
                "The men stayed loyal to the cause for years.")) {
            assertThat(find(text))
                    .as(text)
                    .noneMatch(a -> a.canonical().toLowerCase().contains("loyal"));
        }
        // loyal to the state itself: a pro-government force
        String text = "Gunmen loyal to the government attacked the protesters in the capital.";
        Actor a = actor(find(text), "Pro-government forces").orElseThrow();
        assertThat(a.side()).isEqualTo("government");
    }

    @Test
    void supportersOfSomeoneAreOneActorHoweverTheyAreWritten() {
        String text = "Supporters of Imran Khan set fire to army buildings in Lahore. "
                + "Police said Imran Khan supporters had also blocked the motorway.";
        // ACLED's coding: the protesters of the country (Pakistan from the place the geoparser found)
        Actor a = actor(find(text, place(text, "Lahore", "PK")), "Protesters (Pakistan)")
                .orElseThrow();
        assertThat(a.kind()).isEqualTo(ActorKind.PROTESTERS);
        assertThat(words(text, a)).containsExactly("Supporters of Imran Khan", "Imran Khan supporters");

        String possessive = "Milorad Dodik's supporters rallied in the square.";
        assertThat(words(possessive, actor(find(possessive), "Protesters").orElseThrow()))
                .containsExactly("Milorad Dodik's supporters");
        String former = "Supporters of former president Evo Morales blocked roads.";
        assertThat(actor(find(former), "Protesters").orElseThrow().side()).isEqualTo("opposition");
        String opposition = "Opposition supporters clashed with police in the city centre.";
        assertThat(actor(find(opposition), "Protesters").orElseThrow().side()).isEqualTo("opposition");
    }

    @Test
    void aGroupsSupportersAreNotTheGroup() {
        String text = "Hezbollah supporters attacked the demonstrators in central Beirut.";
        List<Actor> actors = find(text);
        assertThat(actors)
                .anyMatch(
                        a -> a.kind() == ActorKind.PROTESTERS && words(text, a).contains("Hezbollah supporters"));
        assertThat(actor(actors, "Hezbollah")).isEmpty();
    }

    @Test
    void supportersWithNobodyNamedGiveNoActor() {
        for (String text : List.of(
                "Supporters said the march would go ahead.",
                "Supporters of the bill say it will cut costs.",
                "The candidate thanked his supporters on Sunday.")) {
            assertThat(find(text)).as(text).noneMatch(a -> a.kind() == ActorKind.PROTESTERS);
        }
    }

    @Test
    void aTownsMilitiaIsALocalMilitiaOfThatTown() {
        String text = "The Zawiya militia clashed with a rival armed group near the refinery.";
        Actor a =
                actor(find(text, place(text, "Zawiya", "LY")), "Zawiya militia").orElseThrow();
        assertThat(a.kind()).isEqualTo(ActorKind.MILITIA);
        assertThat(a.side()).isEqualTo("local");
        assertThat(words(text, a)).containsExactly("Zawiya militia");

        String fighters = "Misrata fighters pushed into the city on Tuesday.";
        assertThat(actor(find(fighters, place(fighters, "Misrata", "LY")), "Misrata militia"))
                .isPresent();
    }

    @Test
    void aNameThatIsAlsoATownElsewhereOrInsideAPersonsNameIsNoTownsMilitia() {
        // the gazetteer knows an Italian town of that name, but the story is in Ethiopia (an invented group: the
        // dictionary now knows Fano, the real case)
        String text = "Lecce militiamen attacked federal forces near Bahir Dar.";
        List<Actor> actors = find(
                text,
                place(text, "Lecce", "IT"),
                place(text, "Bahir Dar", "ET"),
                place(text + " Gondar", "Gondar", "ET"));
        Actor lecce = actor(actors, "Lecce").orElseThrow();
        assertThat(lecce.side()).isEqualTo("unknown");
        assertThat(actor(actors, "Lecce militia")).isEmpty();

        // a man whose surname is a city's name: his forces are no militia of that city
        String person = "Forces loyal to Jack Aden attacked the port on Friday.";
        List<Actor> his = find(person, place(person, "Aden", "YE"));
        Actor a = actor(his, "Forces loyal to Jack Aden").orElseThrow();
        assertThat(a.side()).isNotEqualTo("local");
    }

    @Test
    void identityMilitiasByClanPeopleOrCommunity() {
        String clans = "Clan militias fought over grazing land near the river.";
        Actor a = find(clans).stream()
                .filter(x -> x.canonical().startsWith("Clan militia"))
                .findFirst()
                .orElseThrow();
        assertThat(a.kind()).isEqualTo(ActorKind.MILITIA);
        assertThat(a.side()).isEqualTo("local");

        String selfDefence = "Self-defence groups clashed with gang members in the hills.";
        List<Actor> actors = find(selfDefence);
        assertThat(actors)
                .anyMatch(x -> x.canonical().startsWith("Self-defence groups")
                        && x.side().equals("local"));
        assertThat(actors)
                .anyMatch(x -> x.canonical().startsWith("Gangs") && x.side().equals("criminal"));

        String people = "Armed Nuer militias raided cattle camps in the state.";
        assertThat(actor(find(people), "Nuer").orElseThrow().kind()).isEqualTo(ActorKind.MILITIA);
    }

    @Test
    void frontsCoalitionsOperationsRoomsAndUnitsByTheirOwnNames() {
        String text = "The Levant Front and the Hamza Division clashed near the town.";
        List<Actor> actors = find(text);
        assertThat(actor(actors, "Levant Front").orElseThrow().kind()).isEqualTo(ActorKind.REBEL_GROUP);
        assertThat(actor(actors, "Hamza Division").orElseThrow().kind()).isEqualTo(ActorKind.MILITIA);

        // a longer proper name is another organisation than the dictionary group it contains
        String room = "The Fatah Mubin Operations Room said it had shelled army positions.";
        List<Actor> rooms = find(room);
        assertThat(actor(rooms, "Fatah Mubin Operations Room")).isPresent();
        assertThat(actor(rooms, "Fatah")).isEmpty();

        // numbered units are an army's
        String unit = "The 47th Mechanised Brigade repelled an assault near the village.";
        Actor brigade = actor(find(unit), "47th Mechanised Brigade").orElseThrow();
        assertThat(brigade.kind()).isEqualTo(ActorKind.STATE_FORCES);

        String alliance = "An alliance of rebel groups seized the border post on Monday.";
        Actor coalition = find(alliance).stream()
                .filter(x -> x.canonical().startsWith("Rebel coalition"))
                .findFirst()
                .orElseThrow();
        assertThat(coalition.kind()).isEqualTo(ActorKind.REBEL_GROUP);
        assertThat(words(alliance, coalition)).containsExactly("An alliance of rebel groups");
    }

    @Test
    void aBattlefrontIsNoFront() {
        for (String text : List.of(
                "Fighting intensified on the Eastern Front overnight.",
                "The army sent reinforcements to the northern front.")) {
            assertThat(find(text))
                    .as(text)
                    .noneMatch(a ->
                            a.canonical().endsWith("Front") || a.canonical().endsWith("front"));
        }
    }

    @Test
    void aGroupNamedBeforeItsFightersIsThatGroupWhereverItIsNamed() {
        // an invented group: the dictionary now knows M23, the real case
        String text = "K27 rebels seized the town of Rubaya. K27 later said it controlled the mines.";
        Actor k27 = actor(find(text), "K27").orElseThrow();
        assertThat(k27.kind()).isEqualTo(ActorKind.REBEL_GROUP);
        assertThat(words(text, k27)).containsExactly("K27 rebels", "K27");
    }

    @Test
    void attackersNobodyHasIdentifiedStayUnidentified() {
        String text =
                "Hamas said on Monday it would retaliate. Unidentified gunmen later killed a driver near the crossing.";
        List<Actor> actors = find(text);
        Actor gunmen = actors.stream()
                .filter(a -> a.mentions().stream()
                        .anyMatch(m -> text.substring(m.start(), m.end()).equals("Unidentified gunmen")))
                .findFirst()
                .orElseThrow();
        assertThat(gunmen.canonical()).startsWith("Unidentified armed group");
        String assailants = "Unknown assailants shot dead a teacher on Friday.";
        assertThat(find(assailants)).anyMatch(a -> a.canonical().startsWith("Unidentified armed group"));
    }

    @Test
    void anAcronymBeforeItsFightersIsAGroupButAnAcronymAloneIsNot() {
        // an invented group: the dictionary now knows the RSF, the real case
        String text =
                "FRX fighters shelled the city on Monday. Clashes erupted between the army and the FRX near the market.";
        Actor frx = actor(find(text), "FRX").orElseThrow();
        assertThat(frx.kind()).isEqualTo(ActorKind.MILITIA);
        assertThat(words(text, frx)).containsExactly("FRX fighters", "FRX");
        String alone = "The FRX shelled the city on Monday.";
        assertThat(find(alone)).noneMatch(a -> a.canonical().equals("FRX"));
        String source = "NNA reported that two people were wounded. The UN said the IED had killed a boy.";
        assertThat(find(source))
                .noneMatch(a -> a.canonical().equals("NNA") || a.canonical().equals("IED"));
        String soldiers = "FARDC soldiers repelled the attack on the village.";
        assertThat(actor(find(soldiers), "FARDC").orElseThrow().kind()).isEqualTo(ActorKind.STATE_FORCES);
    }

    @Test
    void aFaithOrPeoplesAdjectiveBeforeFightersIsLeftToTheDictionary() {
        String text = "Shi'ite fighters advanced on the town, where Alawite gunmen had dug in.";
        assertThat(find(text))
                .noneMatch(a ->
                        a.canonical().startsWith("Shi'ite") || a.canonical().startsWith("Alawite"));
    }

    @Test
    void aTitleCaseHeadlineIsNoEvidenceOfNames() {
        String text = "Rival Fighters Seize Airport In Major Push";
        assertThat(find(text))
                .noneMatch(a -> a.canonical().contains("Rival") || a.canonical().contains("Airport"));
    }

    @Test
    void theDefaultFinderHasOnlyThePatternsThatCostNoPrecision() {
        String text = "Fighters loyal to warlord Ahmed Mirza stormed the village. Clan militias and supporters of "
                + "Imran Khan clashed in Peshawar.";
        CleanText clean = CLEANER.clean(Document.text(text, LocalDate.of(2026, 3, 2)));
        List<Actor> byDefault = new DictionaryActorFinder().find(clean, List.of());
        assertThat(byDefault).noneMatch(a -> a.canonical().startsWith("Forces loyal to"));
        assertThat(byDefault)
                .anyMatch(a -> a.canonical().startsWith("Clan militia"))
                .anyMatch(
                        a -> a.kind() == ActorKind.PROTESTERS && words(text, a).contains("supporters of Imran Khan"));
        assertThat(Analyzer.builder()
                        .placeFinder(PlaceFinder.NONE)
                        .actorFinder(DictionaryActorFinder.withPatterns())
                        .build()
                        .analyze(Document.text(text, LocalDate.of(2026, 3, 2)))
                        .events())
                .anySatisfy(e -> assertThat(e.actor1()).isEqualTo("Forces loyal to Ahmed Mirza"));
    }

    @Test
    void eachPatternHasItsOwnSwitch() {
        String text = "Fighters loyal to warlord Ahmed Mirza stormed the village. Clan militias and supporters of "
                + "Imran Khan clashed in Peshawar.";
        CleanText clean = CLEANER.clean(Document.text(text, LocalDate.of(2026, 3, 2)));
        List<Actor> loyal = DictionaryActorFinder.withPatterns(java.util.EnumSet.of(ActorPattern.LOYAL_TO))
                .find(clean, List.of());
        assertThat(loyal)
                .anyMatch(a -> a.canonical().equals("Forces loyal to Ahmed Mirza"))
                .noneMatch(a -> a.canonical().startsWith("Clan militia"))
                .noneMatch(a -> a.mentions().stream()
                        .anyMatch(m -> text.substring(m.start(), m.end()).startsWith("supporters")));
        List<Actor> clans = DictionaryActorFinder.withPatterns(java.util.EnumSet.of(ActorPattern.IDENTITY_MILITIA))
                .find(clean, List.of());
        assertThat(clans)
                .anyMatch(a -> a.canonical().startsWith("Clan militia"))
                .noneMatch(a -> a.canonical().startsWith("Forces loyal to"));
        assertThat(ActorPattern.byDefault())
                .doesNotContain(ActorPattern.LOYAL_TO, ActorPattern.FORMATION, ActorPattern.NAMED_MILITIA);
    }

    @Test
    void withoutTheSecondSlotOnlyDictionaryActorsAreFound() {
        String text = "Fighters loyal to warlord Ahmed Mirza stormed the village.";
        CleanText clean = CLEANER.clean(Document.text(text, LocalDate.of(2026, 3, 2)));
        assertThat(DictionaryActorFinder.dictionaryOnly().find(clean, List.of()))
                .noneMatch(a -> a.canonical().startsWith("Forces loyal to"));
    }
}
