package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {
    @Test
    void exactKeyFoldsCaseDiacriticsApostrophesAndHyphens() {
        assertThat(NameKey.exact("Ma‘arrat an-Nu‘man")).isEqualTo("maarrat an numan");
        assertThat(NameKey.exact("Ma'arrat an Nu'man")).isEqualTo("maarrat an numan");
        assertThat(NameKey.exact("Ḩalab")).isEqualTo("halab");
        assertThat(NameKey.exact("Deir ez-Zor")).isEqualTo("deir ez zor");
        assertThat(NameKey.exact("São Paulo")).isEqualTo("sao paulo");
    }

    @Test
    void transliterationVariantsShareASkeleton() {
        assertThat(NameKey.skeleton("Kessab"))
                .isEqualTo(NameKey.skeleton("Kassab"))
                .isEqualTo(NameKey.skeleton("Kasab"));
        assertThat(NameKey.skeleton("Khanaser")).isEqualTo(NameKey.skeleton("Khanasir"));
        assertThat(NameKey.skeleton("Raqqa"))
                .isEqualTo(NameKey.skeleton("ar-Raqqah"))
                .isEqualTo(NameKey.skeleton("Rakka"));
        assertThat(NameKey.skeleton("Douma")).isEqualTo(NameKey.skeleton("Duma"));
        assertThat(NameKey.skeleton("Homs")).isEqualTo(NameKey.skeleton("Hims"));
        assertThat(NameKey.skeleton("Deir ez-Zor")).isEqualTo(NameKey.skeleton("Dayr az Zawr"));
        assertThat(NameKey.skeleton("al-Qamishli"))
                .isEqualTo(NameKey.skeleton("Qamishli"))
                .isEqualTo(NameKey.skeleton("Kamishli"));
        assertThat(NameKey.skeleton("Hama"))
                .isEqualTo(NameKey.skeleton("Hamah"))
                .isEqualTo(NameKey.skeleton("Hameh"));
    }

    @Test
    void differentNamesKeepDifferentSkeletons() {
        assertThat(NameKey.skeleton("Homs")).isNotEqualTo(NameKey.skeleton("Hama"));
        assertThat(NameKey.skeleton("Idlib")).isNotEqualTo(NameKey.skeleton("Aleppo"));
        assertThat(NameKey.skeleton("Kassab")).isNotEqualTo(NameKey.skeleton("Kessala"));
    }
}
