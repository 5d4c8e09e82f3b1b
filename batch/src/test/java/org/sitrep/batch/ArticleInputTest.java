package org.sitrep.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The record reader alone: the field names archive dumps use, and a reason for every record it cannot take. */
class ArticleInputTest {
    @Test
    void readsTheAlternativeFieldNamesOfArchiveDumps() {
        ArticleInput.Parsed p = ArticleInput.parse(
                "{\"slug\": \"mosul-2014\", \"headline\": \"Mosul falls\", "
                        + "\"content\": \"<p>Militants overran Mosul.</p>\", \"date\": \"2014-06-12T08:30:00Z\", \"source\": \"Wire\"}");
        assertThat(p.reason()).isNull();
        assertThat(p.article())
                .isEqualTo(new Article(
                        "mosul-2014",
                        "Mosul falls",
                        "<p>Militants overran Mosul.</p>",
                        LocalDate.of(2014, 6, 12),
                        "Wire",
                        null));
    }

    @Test
    void aMissingDateIsAllowedAnUnreadableOneIsNot() {
        assertThat(ArticleInput.parse("{\"id\": \"x\", \"body\": \"Clashes in Homs.\"}")
                        .article()
                        .published())
                .isNull();
        ArticleInput.Parsed bad =
                ArticleInput.parse("{\"id\": \"x\", \"body\": \"Clashes in Homs.\", \"published\": \"12/06/2014\"}");
        assertThat(bad.article()).isNull();
        assertThat(bad.id()).isEqualTo("x");
        assertThat(bad.reason()).isEqualTo("published is not a date like 2014-06-12: '12/06/2014'");
    }

    @Test
    void everyUnusableRecordGetsAReason() {
        assertThat(ArticleInput.parse("{\"id\": 1, \"body\": ").reason()).startsWith("malformed JSON: ");
        assertThat(ArticleInput.parse("\"just a string\"").reason()).isEqualTo("malformed JSON: not an object");
        assertThat(ArticleInput.parse("{\"id\": \"y\", \"body\": {\"nested\": true}}")
                        .reason())
                .isEqualTo("empty body");
        assertThat(ArticleInput.parse("{\"id\": \"y\", \"text\": \"\"}").reason())
                .isEqualTo("empty body");
        assertThat(ArticleInput.cut("x".repeat(300), 200)).hasSize(201).endsWith("…");
    }
}
