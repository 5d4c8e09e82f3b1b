package org.sitrep.analysis.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.events.TestTexts;

class DictionaryActorFinderTest {

    static final DictionaryActorFinder FINDER = new DictionaryActorFinder();

    static List<Actor> find(String text, Place... places) {
        return FINDER.find(TestTexts.clean(text), List.of(places));
    }

    static Optional<Actor> actor(List<Actor> actors, String canonical) {
        return actors.stream().filter(a -> a.canonical().equals(canonical)).findFirst();
    }

    static Place place(String name, String country, int start) {
        return new Place(
                name,
                name,
                0,
                0,
                country,
                null,
                "PPL",
                1,
                Precision.CITY,
                List.of(new Span(start, start + name.length())));
    }

    @Test
    void islamicStateAliasesAreOneActorWithEveryMention() {
        String text = "ISIS fighters attacked the town. ISIL later claimed it. Daesh said IS had won. "
                + "The Islamic State of Iraq and al-Sham was named. The Islamic State of Iraq and the Levant too.";
        List<Actor> actors = find(text);
        Actor is = actor(actors, "Islamic State").orElseThrow();
        assertThat(is.mentions()).hasSize(6);
        assertThat(is.kind()).isEqualTo(ActorKind.JIHADIST_GROUP);
        assertThat(text.substring(
                        is.mentions().get(0).start(), is.mentions().get(0).end()))
                .isEqualTo("ISIS fighters");
        assertThat(actors.stream()
                        .filter(a -> a.canonical().equals("Islamic State"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theVerbIsIsNotTheIslamicState() {
        assertThat(actor(find("The situation is grim. What is left of the town is rubble."), "Islamic State"))
                .isEmpty();
        assertThat(actor(find("WHAT IS LEFT OF RAQQA AFTER THE BATTLE"), "Islamic State"))
                .isEmpty();
        assertThat(actor(find("Fighters from IS attacked the village."), "Islamic State"))
                .isPresent();
    }

    @Test
    void nusraLineageAndHtsStaySeparate() {
        List<Actor> actors = find("Jabhat Fateh al-Sham, formerly the Nusra Front, joined HTS. "
                + "Hayat Tahrir al-Sham then fought al Nusra remnants and Jabhat an-Nusra.");
        assertThat(actor(actors, "Jabhat al-Nusra").orElseThrow().mentions()).hasSize(4);
        assertThat(actor(actors, "Hayat Tahrir al-Sham").orElseThrow().mentions())
                .hasSize(2);
    }

    @Test
    void namedActorsAcrossTheRegion() {
        List<Actor> actors = find("The Houthis, or Ansar Allah, fired at the Saudi-led coalition. Haftar's forces "
                + "and the PMF clashed with Hashd al-Shaabi. The IDF struck Hamas and the Qassam Brigades. "
                + "Peshmerga and the YPG, part of the SDF, fought. AQAP and Ahrar al-Sham. The FSA and the SAA.");
        assertThat(actors)
                .extracting(Actor::canonical)
                .contains(
                        "Houthis",
                        "Saudi-led coalition",
                        "Libyan National Army",
                        "Popular Mobilization Forces",
                        "Israel Defense Forces",
                        "Hamas",
                        "Peshmerga",
                        "People's Protection Units",
                        "Syrian Democratic Forces",
                        "Al-Qaeda in the Arabian Peninsula",
                        "Ahrar al-Sham",
                        "Free Syrian Army",
                        "Syrian Arab Army");
        assertThat(actor(actors, "Hamas").orElseThrow().mentions()).hasSize(2);
        assertThat(actor(actors, "Popular Mobilization Forces").orElseThrow().mentions())
                .hasSize(2);
    }

    @Test
    void acronymsAreCaseSensitive() {
        assertThat(actor(find("The saa is a word in no language."), "Syrian Arab Army"))
                .isEmpty();
        assertThat(actor(find("Idf was not mentioned."), "Israel Defense Forces"))
                .isEmpty();
    }

    @Test
    void genericMentionsResolveFromTheCountryFocus() {
        String syria = "Regime forces shelled Douma. Rebels hit back and residents fled.";
        List<Actor> actors = find(syria, place("Douma", "SY", syria.indexOf("Douma")));
        assertThat(actor(actors, "Syrian Arab Army")).isPresent();
        assertThat(actor(actors, "Syrian rebels").orElseThrow().side()).isEqualTo("opposition");
        Actor civilians = actor(actors, "Civilians (Syria)").orElseThrow();
        assertThat(civilians.kind()).isEqualTo(ActorKind.CIVILIANS);
        assertThat(civilians.country()).isEqualTo("SY");

        String iraq = "Government troops entered the old city of Mosul as civilians fled.";
        List<Actor> iraqi = find(iraq, place("Mosul", "IQ", iraq.indexOf("Mosul")));
        assertThat(actor(iraqi, "Iraqi Security Forces")).isPresent();
        assertThat(actor(iraqi, "Civilians (Iraq)")).isPresent();
    }

    @Test
    void genericMentionsJoinTheNamedActorNearby() {
        List<Actor> actors = find("HTS fighters attacked Abu Dhuhur. Later the jihadists withdrew.");
        Actor hts = actor(actors, "Hayat Tahrir al-Sham").orElseThrow();
        assertThat(hts.mentions()).hasSize(2);
        assertThat(hts.name()).isEqualTo("HTS fighters");
    }

    @Test
    void nationalitiesAndCountriesBecomeActors() {
        List<Actor> actors = find("Burmese troops captured the stronghold. Israel mounted an invasion of Lebanon.");
        assertThat(actor(actors, "Military Forces (Myanmar)").orElseThrow().kind())
                .isEqualTo(ActorKind.STATE_FORCES);
        assertThat(actor(actors, "Government of Israel")).isPresent();
        assertThat(actor(actors, "Government of Lebanon")).isEmpty(); // "of Lebanon" is a place
    }

    @Test
    void extraDictionaryFilesExtendTheBuiltInOne(@TempDir Path dir) throws Exception {
        // an invented group, which the built-in dictionary cannot know
        Files.writeString(
                dir.resolve("sahel.tsv"),
                "# extra\nKayes Defence Front\tmilitia\t"
                        + "local\tML\tKDF|Kayes Defence Front\nbroken line without tabs\n");
        DictionaryActorFinder finder = new DictionaryActorFinder(List.of(dir));
        List<Actor> actors =
                finder.find(TestTexts.clean("KDF fighters attacked the base; Islamic State denied it."), List.of());
        assertThat(actors).extracting(Actor::canonical).contains("Kayes Defence Front", "Islamic State");
        assertThat(actor(actors, "Kayes Defence Front").orElseThrow().country()).isEqualTo("ML");
    }

    @Test
    void widelyReportedGroupsOfAfricaAsiaAndTheAmericasAreKnown() {
        String text =
                "Al-Shabab fighters attacked a base in Lower Shabelle, while the RSF shelled El Fasher. JNIM claimed "
                        + "an ambush; the Pakistani Taliban (TTP) and M23 rebels also fought on Monday.";
        List<Actor> actors = find(text);
        assertThat(actor(actors, "Al-Shabaab").orElseThrow().country()).isEqualTo("SO");
        assertThat(actor(actors, "Al-Shabaab").orElseThrow().kind()).isEqualTo(ActorKind.JIHADIST_GROUP);
        assertThat(actor(actors, "Rapid Support Forces").orElseThrow().country())
                .isEqualTo("SD");
        assertThat(actor(actors, "Jama'at Nusrat al-Islam wal-Muslimin")).isPresent();
        assertThat(actor(actors, "Tehrik-i-Taliban Pakistan")).isPresent();
        assertThat(actor(actors, "Taliban"))
                .as("the Pakistani Taliban are not Afghanistan's")
                .isEmpty();
        assertThat(actor(actors, "March 23 Movement").orElseThrow().kind()).isEqualTo(ActorKind.REBEL_GROUP);
    }

    @Test
    void anAcronymThatNamesSomethingElseAsOftenNeedsItsNoun() {
        // "ADF" is also a defence force, "PDF" a file, "KIA" killed in action, "let" a verb
        String text = "The ADF said the PDF report listed two soldiers KIA; let the inquiry decide, an official said.";
        List<Actor> actors = find(text);
        assertThat(actors)
                .extracting(Actor::canonical)
                .doesNotContain("Allied Democratic Forces", "People's Defence Force", "Kachin Independence Army");
        assertThat(find("ADF rebels killed nine villagers near Beni on Sunday."))
                .extracting(Actor::canonical)
                .contains("Allied Democratic Forces");
    }
}
