package org.sitrep.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.PieceStatus;

/**
 * Search in each piece's language, on a real index: Arabic found with and without its diacritics and through its
 * letter variants, Persian through Arabic letter forms, Turkish through its own i and its suffixes, Hebrew with and
 * without niqqud and whatever the final letters; the reader's language first.
 */
class SearchLanguagesTest {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path dir;

    PieceIndex index;

    static Piece piece(long id, String headline, String body) {
        return new Piece(
                id,
                "p" + id,
                PieceKind.ANALYSIS,
                headline,
                null,
                body,
                "<p>" + body + "</p>",
                null,
                PieceStatus.PUBLISHED,
                AccessLevel.PUBLIC,
                null,
                List.of(),
                List.of(),
                NOW.minusSeconds(3600 + id),
                NOW.minusSeconds(3600),
                NOW,
                NOW,
                false);
    }

    @BeforeEach
    void pieces() throws IOException {
        index = new PieceIndex(dir);
        index.put(piece(1, "The ceasefire in Aleppo", "Negotiators met in Aleppo to extend the ceasefire."), "en");
        // "The ceasefire in Aleppo": written without diacritics, as Arabic news is.
        index.put(piece(2, "وقف إطلاق النار في حلب", "اجتمع المفاوضون في حلب لتمديد وقف إطلاق النار."), "ar");
        // Persian with its own yeh and kaf (ی ک).
        index.put(piece(3, "آتش‌بس در حلب", "مذاکره‌کنندگان در حلب برای تمدید آتش‌بس دیدار کردند."), "fa");
        index.put(piece(4, "Halep'te ateşkes", "Müzakereciler ateşkesi uzatmak için Halep'te bir araya geldi."), "tr");
        // Hebrew joins prefixes to words ("בחלב", in Aleppo): not stripped, so the test searches a word standing alone.
        index.put(piece(5, "הפסקת האש בעיר חלב", "המשא ומתן בחלב נועד להאריך את הפסקת האש."), "he");
        index.put(piece(6, "Aleppo, again", "Aleppo once more; ceasefire talk."), "en");
        index.commit(java.util.Map.of());
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    List<Long> ids(String q, String readerLanguage) {
        return index.search(q, 1, 20, NOW, readerLanguage).hits().stream()
                .map(SearchResults.Hit::pieceId)
                .toList();
    }

    @Test
    void arabicIsFoundWithAndWithoutDiacritics() {
        assertThat(ids("حلب", "ar")).as("plain").contains(2L);
        assertThat(ids("حَلَب", "ar")).as("with tashkeel").contains(2L);
        assertThat(ids("إطلاق", "ar")).contains(2L);
        assertThat(ids("اطلاق", "ar")).as("alef without hamza").contains(2L);
        assertThat(ids("إِطْلَاقِ", "ar")).as("fully vowelled").contains(2L);
        assertThat(ids("النار", "ar")).as("the article al- is stemmed away").contains(2L);
        assertThat(ids("نار", "ar")).contains(2L);
    }

    @Test
    void persianTurkishAndHebrewAreFoundInTheirOwnForms() {
        assertThat(ids("حلب", "fa")).contains(3L, 2L);
        assertThat(ids("تمديد", "fa")).as("Arabic yeh typed for Persian ی").contains(3L);
        assertThat(ids("halep", "tr")).as("Turkish apostrophe and suffix").contains(4L);
        assertThat(ids("HALEP", "tr")).contains(4L);
        assertThat(ids("ateşkesi", "tr")).as("stemmed").contains(4L);
        assertThat(ids("חלב", "he")).contains(5L);
        assertThat(ids("חָלָב", "he")).as("with niqqud").contains(5L);
        assertThat(ids("האש", "he")).contains(5L);
        assertThat(ids("האשׁ", "he")).as("with a shin dot").contains(5L);
    }

    @Test
    void theReadersLanguageComesFirst() {
        // "Aleppo" in English and its Arabic name: an English reader gets English first, an Arabic reader Arabic.
        assertThat(ids("Aleppo OR حلب", "en")).startsWith(1L, 6L).contains(2L);
        assertThat(ids("Aleppo OR حلب", "ar")).first().isEqualTo(2L);
        assertThat(ids("Aleppo OR حلب", "ar")).contains(1L, 6L);
        assertThat(ids("حلب", "fa")).first().isEqualTo(3L);
        assertThat(ids("حلب", "ar")).first().isEqualTo(2L);
    }

    @Test
    void englishSearchIsAsBefore() {
        assertThat(ids("ceasefires", "en")).as("English stemming").containsExactlyInAnyOrder(1L, 6L);
        assertThat(index.search("the of and", 1, 20, NOW, "en").problem())
                .as("too common in the reader's language")
                .isNotNull();
        assertThat(index.search("ceasefire", 1, 20, NOW).hits()).hasSize(2);
        assertThat(index.search("حلب", 1, 20, NOW, "ar").hits().get(0).headlineHtml())
                .as("marked in its own field")
                .contains("<mark>حلب</mark>");
    }

    @Test
    void hebrewAnalyserFoldsPointsAndFinalLetters() throws IOException {
        try (var analyzer = SearchLanguages.hebrew();
                var tokens = analyzer.tokenStream("body_he", "שָׁלוֹם ושלום Shalom")) {
            var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            tokens.reset();
            List<String> words = new java.util.ArrayList<>();
            while (tokens.incrementToken()) words.add(term.toString());
            tokens.end();
            assertThat(words).containsExactly("שלומ", "ושלומ", "shalom");
        }
    }

    @Test
    void languagesAreReadFromLocalesAndCodes() {
        assertThat(SearchLanguages.normalise("ar-EG")).isEqualTo("ar");
        assertThat(SearchLanguages.normalise("iw")).isEqualTo("he");
        assertThat(SearchLanguages.normalise("fa_IR")).isEqualTo("fa");
        assertThat(SearchLanguages.normalise("de")).isEqualTo("en");
        assertThat(SearchLanguages.normalise(null)).isEqualTo("en");
        assertThat(SearchLanguages.field("headline", "en")).isEqualTo("headline");
        assertThat(SearchLanguages.field("headline", "ar")).isEqualTo("headline_ar");
    }
}
