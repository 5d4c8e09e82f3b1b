package org.sitrep.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.TextCleaner;
import org.sitrep.analysis.text.Token;

/**
 * Hostile and broken input: a clear error or an empty result, never a crash or a hang. The timeouts
 * catch hangs only; they are generous and say nothing about speed (bench/ measures that).
 */
class BadInputTest {
    static final LocalDate PUB = LocalDate.of(2014, 3, 24);
    static final Duration HANG = Duration.ofSeconds(90);
    final Analyzer analyzer = Analyzer.create();

    @Test
    void emptyInputGivesAnEmptyAnalysis() {
        for (String empty : new String[] {"", "   ", "\n\n\n", "<html></html>", "<p> </p>"}) {
            Analysis a = analyzer.analyze(new Document(empty, Document.Format.AUTO, PUB, null));
            assertThat(a.text()).isEmpty();
            assertThat(a.places()).isEmpty();
            assertThat(a.events()).isEmpty();
            assertThat(a.published()).isEqualTo(PUB);
        }
    }

    @Test
    void binaryInputIsRefusedWithAClearMessage() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        String binary = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> analyzer.analyze(Document.text(binary, PUB)))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageMatching("the input (contains NUL bytes|is not readable text).*");
    }

    @Test
    void tenMegabytesOfTextAreCutAndAnalysed() {
        String paragraph = "Government forces shelled rebel positions near Aleppo on Tuesday, activists said, "
                + "and rebels fired mortars at a checkpoint in the old city.\n\n";
        String huge = paragraph.repeat(10 * 1024 * 1024 / paragraph.length() + 1);
        Analysis a = assertTimeoutPreemptively(HANG, () -> analyzer.analyze(Document.text(huge, PUB)));
        assertThat(a.text().length()).isLessThanOrEqualTo(TextCleaner.MAX_TEXT_CHARS);
        assertThat(TextCleaner.truncated(a.text())).isTrue();
        assertThat(a.text()).endsWith(".");
    }

    @Test
    void tenMegabytesOfHtmlDoNotHang() {
        StringBuilder html = new StringBuilder("<html><body><article><h1>Long page</h1>");
        while (html.length() < 10 * 1024 * 1024) {
            html.append(
                            "<div class=item><p>Rebels attacked a convoy near Idlib on Monday.</p><img src='data:image/png;base64,")
                    .append("iVBORw0KGgo".repeat(40))
                    .append("'></div>");
        }
        Analysis a = assertTimeoutPreemptively(HANG, () -> analyzer.analyze(Document.html(html.toString(), PUB)));
        assertThat(a.title()).isEqualTo("Long page");
        assertThat(a.text().length()).isLessThanOrEqualTo(TextCleaner.MAX_TEXT_CHARS);
    }

    @Test
    void brokenHtmlIsCleanedAsWellAsPossible() {
        String broken = "<html><head><title>Clashes in Aden</ti<body><article><h1>Clashes in Aden<p>Southern "
                + "separatists clashed with government troops in Aden on Sunday.<p>At least 10 people <b><i>died</b>."
                + "<script>alert(1)</scr<div <p>>>><<</article></bod";
        Analysis a = assertTimeoutPreemptively(HANG, () -> analyzer.analyze(Document.html(broken, PUB)));
        assertThat(a.text())
                .contains("Southern separatists clashed with government troops in Aden on Sunday.")
                .doesNotContain("alert(1)");
        assertOffsetsValid(a);
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        String nested = "<div>".repeat(20_000) + "<p>Rebels shelled Homs on Friday.</p>" + "</div>".repeat(20_000);
        Analysis a = assertTimeoutPreemptively(HANG, () -> analyzer.analyze(Document.html(nested, PUB)));
        assertThat(a.text()).contains("Rebels shelled Homs on Friday.");
    }

    @Test
    void nonEnglishTextGivesAResultWithoutCrashing() {
        String arabic = "قصفت القوات الحكومية مواقع المعارضة في حلب يوم الثلاثاء، وفق ما قال ناشطون.\n\n"
                + "وقال المرصد السوري لحقوق الإنسان إن عشرة أشخاص قتلوا.";
        Analysis a = analyzer.analyze(Document.text(arabic, PUB));
        assertThat(a.text()).contains("حلب");
        assertThat(TextCleaner.latinShare(a.text())).isLessThan(0.1);
        assertThat(a.events()).isEmpty();
        assertOffsetsValid(a);
        Analysis mixed = analyzer.analyze(Document.text("Les rebelles ont attaqué Alep mardi. 叛军周二袭击了阿勒颇。 🚀💥", PUB));
        assertOffsetsValid(mixed);
    }

    @Test
    void pathologicalTextFinishes() {
        String[] hostile = {
            "a".repeat(500_000), // one 500k-character word
            ".".repeat(200_000), // nothing but full stops
            "Gen. ".repeat(50_000), // abbreviations without end
            "in early ".repeat(30_000) + "March", // date words without end
            "<".repeat(100_000) + ">".repeat(100_000), // angle brackets
            "**[".repeat(50_000), // Markdown openers
            "\u0000".repeat(0) + "\t\r\f\u000b".repeat(10), // whitespace controls only
        };
        for (String h : hostile) {
            assertTimeoutPreemptively(HANG, () -> {
                try {
                    Analysis a = analyzer.analyze(new Document(h, Document.Format.AUTO, PUB, null));
                    assertOffsetsValid(a);
                } catch (UnreadableDocumentException refused) {
                    assertThat(refused.getMessage()).isNotBlank();
                }
            });
        }
    }

    static void assertOffsetsValid(Analysis a) {
        for (Event e : a.events()) {
            if (e.evidence() != null) {
                assertThat(a.text().substring(e.evidence().start(), e.evidence().end()))
                        .isEqualTo(e.evidence().sentence());
            }
        }
        for (Place p : a.places())
            for (Span s : p.mentions())
                assertThat(s.end()).isLessThanOrEqualTo(a.text().length());
    }

    @Test
    void sentencesOfHostileTextStayInsideIt() {
        String text = "\u200b\u200bGen.\u00a0Ali said\u2028 U.S. . . . troops left..!? on Jan.\u00ad 5.\n\n\n\n(U.N.)";
        var clean = analyzer.clean(Document.text(text, PUB));
        for (Sentence s : clean.sentences()) {
            assertThat(clean.text().substring(s.start(), s.end())).isEqualTo(s.text());
            for (Token t : s.tokens())
                assertThat(clean.text().substring(t.start(), t.end())).isEqualTo(t.text());
        }
    }
}
