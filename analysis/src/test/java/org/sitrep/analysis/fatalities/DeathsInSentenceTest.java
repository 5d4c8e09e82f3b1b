package org.sitrep.analysis.fatalities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.TextCleaner;

/** One sentence at a time, as the engine's tokeniser and tagger give it: the figure, the range and the words. */
class DeathsInSentenceTest {
    static final TextCleaner CLEANER = new TextCleaner(Clock.systemUTC(), true);

    static Counted read(String sentence) {
        CleanText t = CLEANER.clean(Document.text(sentence, LocalDate.of(2024, 3, 10)));
        Counted best = null;
        for (Sentence s : t.sentences()) {
            Counted c = DeathsInSentence.read(s);
            if (c != null && (best == null || c.best() > best.best())) best = c;
        }
        return best;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            A car bomb exploded at a market in Kirkuk, killing at least six people.                 | 6  | 6  |
            Dozens were killed when jets struck the village.                                        | 12 | 12 |
            The death toll from Sunday's attack rose to 40, officials said.                         | 40 | 40 | 40
            Two soldiers and a civilian were killed in the ambush.                                  | 3  | 3  | 3
            Gunmen killed 12 people, including three children, in the raid.                        | 12 | 12 | 12
            Between 10 and 15 fighters died in the clashes.                                         | 10 | 10 | 15
            Scores of people were killed in the massacre.                                           | 20 | 20 |
            Hundreds died in the siege.                                                             | 100| 100|
            Several soldiers were killed in the attack on the base.                                 | 10 | 2  |
            Five people were killed and 12 wounded when the shell hit the market.                   | 5  | 5  | 5
            Twelve people were wounded and two killed when a grenade was thrown into the crowd.     | 2  | 2  | 2
            The bomber blew himself up, killing himself and five others.                            | 6  | 6  | 6
            A policeman was killed in the attack.                                                   | 1  | 1  | 1
            Twenty-five people died after the boat was shelled.                                     | 25 | 25 | 25
            Up to 30 people may have been killed.                                                   |    |    |
            Gunmen shot dead three men at a checkpoint.                                             | 3  | 3  | 3
            The bodies of 14 men were found near the river.                                        | 14 | 14 | 14
            The strike claimed the lives of seven people.                                           | 7  | 7  | 7
            Soldiers opened fire on marchers in Khartoum, killing at least six, a doctors' committee said. | 6 | 6 |
            Police shot dead three protesters in Kibera.                                            | 3  | 3  | 3
            Gunmen shot dead a family of five in their car.                                         | 5  | 5  | 5
            Maoists triggered an IED under a police vehicle, killing ten personnel and the driver.   | 11 | 11 | 11
            Gang members massacred more than a hundred residents of the district.                   | 100| 100|
            In 2014, 5 people were killed in the town.                                              | 5  | 5  | 5
            A vigilante movement killed three suspected gang members.                               | 3  | 3  | 3
            Landmines along the road have killed four shepherds this year.                          | 4  | 4  | 4
            Two soldiers were reportedly killed in the raid.                                        | 2  | 2  | 2
            """)
    void readsTheFigureAndItsRange(String sentence, Integer best, Integer low, Integer high) {
        Counted c = read(sentence);
        if (best == null) {
            assertThat(c).as(sentence).isNull();
            return;
        }
        assertThat(c).as(sentence).isNotNull();
        assertThat(c.best()).as(sentence).isEqualTo(best);
        assertThat(c.low()).as(sentence).isEqualTo(low);
        assertThat(c.high()).as(sentence).isEqualTo(high);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            No casualties were reported.
            No one was killed in the explosion, police said.
            The shell hit an empty school; nobody was hurt.
            There were no immediate reports of casualties.
            The convoy was ambushed but passed without casualties.
            """)
    void readsAReportOfNoDeaths(String sentence) {
        Counted c = read(sentence);
        assertThat(c).as(sentence).isNotNull();
        assertThat(c.best()).isZero();
        assertThat(c.none()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The group threatened to kill the hostages.
            Protesters marched through the capital on Friday.
            Militants seized the town of 40 villages.
            It was not clear whether anyone had died.
            In 2014, the army retook the town.
            Five soldiers were wounded in the attack.
            """)
    void readsNothingWhereNoDeathIsReported(String sentence) {
        assertThat(read(sentence)).as(sentence).isNull();
    }

    @Test
    void theEvidenceIsTheWordsTheFigureCameFrom() {
        String s = "A car bomb exploded at a market in Kirkuk, killing at least six people.";
        CleanText t = CLEANER.clean(Document.text(s, LocalDate.of(2024, 3, 10)));
        Counted c = DeathsInSentence.read(t.sentences().get(0));
        assertThat(t.text().substring(c.start(), c.end())).isEqualTo("killing at least six people");
    }
}
