package org.sitrep.analysis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.SubEventType;

/**
 * The learned slot's features are read by character, not by regular expression (for speed); the bundled model
 * was trained on the regular expressions' features, so the two must agree exactly, on odd words too.
 */
class SentenceSignalsTest {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}#][\\p{L}#'-]*");
    private static final List<String> WORDS = List.of(
            "",
            "a",
            "rebels",
            "m23",
            "2024",
            "12th",
            "1,200",
            "3.5",
            "a1b22c333",
            "al-shabaab",
            "-",
            "--",
            "'s",
            "o'neill",
            "#",
            "##x",
            "x#",
            "\u00e9lys\u00e9e",
            "\u0634\u0628\u0627\u0628",
            "\u0661\u0662",
            "\ud835\udc00bc",
            "x\ud835\udc00",
            "co\u2019s",
            "n\u00b0",
            "\u00bd",
            "_",
            "ab_c",
            "x.y",
            "\u3042\u3044",
            "\u0131stanbul",
            "\u00df",
            "\u02b0x",
            "x\u0301");

    @Test
    void digitsAndWordsAsTheRegularExpressionsRead() {
        for (String w : WORDS) {
            assertThat(SentenceSignals.numbersAsHash(w))
                    .as(w)
                    .isEqualTo(DIGITS.matcher(w).replaceAll("#"));
            String hashed = DIGITS.matcher(w).replaceAll("#");
            assertThat(SentenceSignals.word(hashed))
                    .as(hashed)
                    .isEqualTo(WORD.matcher(hashed).matches());
        }
    }

    @Test
    void featuresAreSortedAndDistinct() {
        SentenceSignals s = new SentenceSignals(
                List.of("rebel", "attack", "the", "rebel", "attack", "2", "post", ",", "m23"),
                Set.of(SubEventType.ARMED_CLASH),
                Set.of(SubEventType.ARMED_CLASH, SubEventType.ATTACK),
                false,
                true,
                List.of(ActorKind.REBEL_GROUP, ActorKind.STATE_FORCES),
                true,
                false);
        String[] f = s.features();
        assertThat(f).containsExactlyElementsOf(new TreeSet<>(List.of(f)));
        assertThat(f)
                .contains(
                        "w=rebel",
                        "b=^_rebel",
                        "b=rebel_attack",
                        "b=attack_the",
                        "w=#",
                        "b=|_m#",
                        "rule=ARMED_CLASH",
                        "trig=ATTACK",
                        "mod=hedged",
                        "actor12=REBEL_GROUP_STATE_FORCES",
                        "place=yes")
                .doesNotContain("w=the", "caption");
        assertThat(f).filteredOn("w=rebel"::equals).hasSize(1);
    }
}
