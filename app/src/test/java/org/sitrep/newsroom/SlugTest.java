package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {
    @Test
    void makesReadableAsciiSlugs() {
        assertThat(Slug.of("Rebels push into west Aleppo’s Zahraa district"))
                .isEqualTo("rebels-push-into-west-aleppos-zahraa-district");
        assertThat(Slug.of("Memo: Israel–Lebanon border, day 3")).isEqualTo("memo-israel-lebanon-border-day-3");
        assertThat(Slug.of("Réfugiés à Ṣaydā")).isEqualTo("refugies-a-sayda");
        assertThat(Slug.of("🔥 🔥")).isEmpty();
        assertThat(Slug.of("  --  ")).isEmpty();
    }

    @Test
    void spellsOtherScriptsInLatinLetters() {
        assertThat(Slug.of("قصف على حلب الشرقية")).isEqualTo("qsf-ly-hlb-alshrqyt"); // Arabic
        assertThat(Slug.of("حمله به اصفهان")).isEqualTo("hmlh-bh-asfhan"); // Persian
        assertThat(Slug.of("ירושלים")).isEqualTo("yrwslym"); // Hebrew
        assertThat(Slug.of("Москва под ударом")).isEqualTo("moskva-pod-udarom"); // Cyrillic
        assertThat(Slug.of("Αθήνα")).isEqualTo("athena"); // Greek
        assertThat(Slug.of("北京")).isEqualTo("bei-jing");
        assertThat(Slug.of("Strikes on حلب")).isEqualTo("strikes-on-hlb");
    }

    @Test
    void cutsLongHeadlinesAtAWordBoundary() {
        String slug = Slug.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(Slug.MAX_LENGTH);
        assertThat(slug).endsWith("word").doesNotEndWith("-");
    }
}
