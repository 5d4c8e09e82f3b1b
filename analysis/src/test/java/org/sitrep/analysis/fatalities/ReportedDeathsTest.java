package org.sitrep.analysis.fatalities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.AnalysisJson;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Fatalities;

/** The fatalities stage in the whole engine: which event a figure belongs to, and no death counted twice. */
class ReportedDeathsTest {
    static Analyzer engine;
    static final LocalDate PUB = LocalDate.of(2024, 3, 12);

    @BeforeAll
    static void load() {
        engine = Analyzer.create();
    }

    static List<Event> withDeaths(Analysis a) {
        return a.events().stream().filter(e -> e.fatalities() != null).toList();
    }

    @Test
    void theSameDeathsToldInTwoSentencesAreCountedOnce() {
        Analysis a = engine.analyze(Document.text("""
                A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, killing seven people.

                The seven victims included two police officers, a hospital spokesman said.
                """, PUB));
        List<Event> dead = withDeaths(a);
        assertThat(dead).hasSize(1);
        Fatalities f = dead.get(0).fatalities();
        assertThat(f.best()).isEqualTo(7);
        // the evidence is the words in the stored text
        assertThat(a.text().substring(f.start(), f.end())).isEqualTo(f.text()).contains("seven");
        int total = a.events().stream()
                .filter(e -> e.fatalities() != null)
                .mapToInt(e -> e.fatalities().best())
                .sum();
        assertThat(total).isEqualTo(7);
    }

    @Test
    void aRisingTollReplacesTheFirstFigure() {
        Analysis a = engine.analyze(Document.text("""
                Government warplanes bombed a market in Maarat al-Numan on Sunday, killing at least 12 people.
                By evening the death toll had risen to 40, rescuers said.
                """, PUB));
        List<Event> dead = withDeaths(a);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).fatalities().best()).isEqualTo(40);
        assertThat(dead.get(0).fatalities().text()).contains("40");
    }

    @Test
    void aFigureInTheNextSentenceBelongsToTheEventBeforeIt() {
        Analysis a = engine.analyze(Document.text("""
                Soldiers and fighters of Jama'at Nusrat al-Islam wal-Muslimin exchanged fire for several hours near Djibo on Tuesday, a security source said. At least nine combatants died.
                """, PUB));
        List<Event> dead = withDeaths(a);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).fatalities().best()).isEqualTo(9);
        assertThat(dead.get(0).fatalities().high()).isNull();
    }

    @Test
    void aPersonKilledLongAgoInTheNextParagraphIsNotTheEventsToll() {
        Analysis a = engine.analyze(Document.text("""
                Rebels attacked army positions west of Aleppo on Sunday, residents said.

                A joint operations room named the campaign after a commander killed in March near the central prison.
                """, PUB));
        assertThat(a.events()).isNotEmpty();
        assertThat(withDeaths(a)).isEmpty();
    }

    @Test
    void aHeadlineFigureBelongsToTheStoryBelowIt() {
        Analysis a = engine.analyze(Document.text("""
                Six killed in Kabul blast

                A bomb exploded near a bus station in Kabul on Monday, police said.
                """, PUB));
        assertThat(withDeaths(a))
                .singleElement()
                .satisfies(e -> assertThat(e.fatalities().best()).isEqualTo(6));
    }

    @Test
    void noCasualtiesIsZeroAndSilenceIsNothing() {
        Analysis none = engine.analyze(
                Document.text("Rebels shelled the airport in Benghazi on Saturday. No casualties were reported.", PUB));
        assertThat(withDeaths(none)).singleElement().satisfies(e -> {
            assertThat(e.fatalities().best()).isZero();
            assertThat(e.fatalities().none()).isTrue();
        });
        Analysis silent = engine.analyze(Document.text("Rebels shelled the airport in Benghazi on Saturday.", PUB));
        assertThat(silent.events()).isNotEmpty();
        assertThat(withDeaths(silent)).isEmpty();
    }

    @Test
    void theStageCanBeSwitchedOffAndTheFigureSurvivesJson() {
        String text = "A roadside bomb killed two soldiers and a civilian near Kandahar on Friday.";
        Analysis a = engine.analyze(Document.text(text, PUB));
        assertThat(withDeaths(a))
                .singleElement()
                .satisfies(e -> assertThat(e.fatalities().best()).isEqualTo(3));
        Analysis back = AnalysisJson.read(AnalysisJson.write(a));
        assertThat(back.events()).isEqualTo(a.events());
        Analysis off =
                Analyzer.builder().fatalityReader(FatalityReader.NONE).build().analyze(Document.text(text, PUB));
        assertThat(withDeaths(off)).isEmpty();
    }
}
