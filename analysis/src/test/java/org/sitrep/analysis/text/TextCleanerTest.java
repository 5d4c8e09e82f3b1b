package org.sitrep.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.UnreadableDocumentException;

class TextCleanerTest {
    static final Clock TODAY =
            Clock.fixed(LocalDate.of(2020, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    final TextCleaner cleaner = new TextCleaner(TODAY);

    static String fixture(String name) throws IOException {
        try (InputStream in = TextCleanerTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void webPageKeepsHeadlineStandfirstCaptionAndBodyInOrder() throws IOException {
        CleanText clean = cleaner.clean(new Document(fixture("saved-page.html"), Document.Format.AUTO, null, null));

        assertThat(clean.title()).isEqualTo("Rebels seize border crossing near Kessab");
        List<String> paragraphs = List.of(clean.text().split("\n\n"));
        assertThat(paragraphs)
                .containsExactly(
                        "Rebels seize border crossing near Kessab",
                        "Fighters from several Islamist groups took the last government-held crossing on the Turkish border after two days of fighting.",
                        "Smoke rises over the hills above Kessab, in Latakia province, on Sunday.",
                        "BEIRUT — Syrian rebels on Sunday captured the Kessab border crossing with Turkey, the last one held by government forces in Latakia province, activists said.",
                        "The Syrian Observatory for Human Rights said at least 20 government soldiers were killed in the assault, which began on Friday.",
                        "Government warplanes bombed the area in response, residents said by telephone.");
    }

    @Test
    void webPageDropsChrome() throws IOException {
        String text =
                cleaner.clean(Document.html(fixture("saved-page.html"), null)).text();
        assertThat(text)
                .doesNotContain(
                        "Skip to main content",
                        "cookies",
                        "Search the Ledger",
                        "Share on",
                        "Subscribe",
                        "Related",
                        "Aleppo siege tightens",
                        "Kessab: a history",
                        "Most read",
                        "Ten things",
                        "All rights reserved",
                        "Sign up",
                        "Jane Reporter",
                        "Home",
                        "dataLayer",
                        "display:block",
                        "Meta description");
    }

    @Test
    void webPagePublicationDateComesFromJsonLdGraph() throws IOException {
        CleanText clean = cleaner.clean(Document.html(fixture("saved-page.html"), null));
        assertThat(clean.published()).isEqualTo(LocalDate.of(2014, 3, 24));
    }

    @Test
    void callerPublicationDateOverridesThePage() throws IOException {
        CleanText clean = cleaner.clean(Document.html(fixture("saved-page.html"), LocalDate.of(2014, 3, 30)));
        assertThat(clean.published()).isEqualTo(LocalDate.of(2014, 3, 30));
    }

    @Test
    void publicationDateSources() {
        assertThat(published("<meta property=\"article:published_time\" content=\"2013-08-21T06:00:00Z\"><p>x</p>"))
                .isEqualTo(LocalDate.of(2013, 8, 21));
        assertThat(
                        published(
                                "<script type=\"application/ld+json\">[{\"@type\":\"NewsArticle\",\"datePublished\":\"2015-09-30\"}]</script><p>x</p>"))
                .isEqualTo(LocalDate.of(2015, 9, 30));
        assertThat(published("<article><time datetime=\"2016-12-13T21:00+02:00\">13 Dec</time><p>x</p></article>"))
                .isEqualTo(LocalDate.of(2016, 12, 13));
        assertThat(published("<meta name=\"date\" content=\"2012-07-18\"><p>x</p>"))
                .isEqualTo(LocalDate.of(2012, 7, 18));
        assertThat(
                        published(
                                "<script type=\"application/ld+json\">{ broken json</script><meta name=\"date\" content=\"2012-07-18\"><p>x</p>"))
                .isEqualTo(LocalDate.of(2012, 7, 18));
        assertThat(published("<p>no date here</p>")).as("falls back to today").isEqualTo(LocalDate.of(2020, 1, 15));
    }

    private LocalDate published(String html) {
        return cleaner.clean(Document.html("<html><head>" + html + "</head><body></body></html>", null))
                .published();
    }

    @Test
    void pageWithoutArticleMarkupUsesTheDensestBlock() {
        String html = "<html><body><div class=menu><a href=/>Home</a> <a href=/news>News</a></div>"
                + "<div id=content><h1>Clashes in Tripoli</h1>"
                + "<p>Militias fought in the Libyan capital overnight, residents said.</p>"
                + "<p>The clashes centred on the airport road, where two brigades have rival checkpoints.</p></div>"
                + "<div class=footer><p>Contact us</p></div></body></html>";
        CleanText clean = cleaner.clean(Document.html(html, LocalDate.of(2014, 7, 14)));
        assertThat(clean.text())
                .isEqualTo(
                        "Clashes in Tripoli\n\nMilitias fought in the Libyan capital overnight, "
                                + "residents said.\n\nThe clashes centred on the airport road, where two brigades have rival checkpoints.");
    }

    @Test
    void utilityClassNamesOnTheStoryContainerDoNotDropTheStory() {
        String para = "Fighters loyal to the government pushed into the western districts of the city on Monday, "
                + "according to residents who described heavy shelling through the night and into the morning.";
        String html = "<html><body><main><h1>Push into Sirte</h1><div class='overflow-hidden more meta-wrapper'>"
                + "<p>" + para + "</p><p>" + para + "</p><p>" + para + "</p></div></main>"
                + "<div class='more-stories'><p><a href='/x'>Another story about something else entirely</a></p></div>"
                + "</body></html>";
        CleanText clean = cleaner.clean(Document.html(html, LocalDate.of(2016, 6, 1)));
        assertThat(clean.text()).startsWith("Push into Sirte\n\nFighters loyal").doesNotContain("Another story");
        assertThat(clean.text().split("\n\n")).hasSize(4);
    }

    @Test
    void markdownBecomesParagraphs() {
        String md = "# Airstrikes hit Sanaa\n\nSaudi-led coalition jets struck the **Yemeni** capital on Monday, "
                + "[witnesses](http://example.org) said.\n\n- Three districts were hit.\n- Power was cut.\n\n"
                + "```\ncode that is not news\n```\n";
        CleanText clean = cleaner.clean(new Document(md, Document.Format.AUTO, LocalDate.of(2015, 3, 30), null));
        assertThat(clean.title()).isEqualTo("Airstrikes hit Sanaa");
        assertThat(clean.text())
                .isEqualTo("Airstrikes hit Sanaa\n\nSaudi-led coalition jets struck the Yemeni capital "
                        + "on Monday, witnesses said.\n\nThree districts were hit.\n\nPower was cut.");
    }

    @Test
    void plainTextKeepsParagraphsAndJoinsHardWrappedLines() {
        String text = "Gunmen kill five in Baghdad\n\nGunmen opened fire on a checkpoint in western Baghdad on\n"
                + "Tuesday, killing five soldiers, police said.\r\nThe attack was claimed by no group.\n";
        CleanText clean = cleaner.clean(Document.text(text, LocalDate.of(2014, 1, 8)));
        assertThat(clean.title()).isEqualTo("Gunmen kill five in Baghdad");
        assertThat(clean.text())
                .isEqualTo(
                        "Gunmen kill five in Baghdad\n\nGunmen opened fire on a checkpoint in western "
                                + "Baghdad on Tuesday, killing five soldiers, police said.\n\nThe attack was claimed by no group.");
    }

    @Test
    void separateTitleIsPutFirst() {
        CleanText clean = cleaner.clean(new Document(
                "Rockets hit Sderot on Friday.",
                Document.Format.TEXT,
                LocalDate.of(2014, 7, 11),
                "Rockets hit Sderot"));
        assertThat(clean.text()).isEqualTo("Rockets hit Sderot\n\nRockets hit Sderot on Friday.");
    }

    @Test
    void sentencesAndTokensPointIntoTheText() {
        String text = "Gen. Qassem Soleimani visited the front. Lt. Col. Ahmed said U.S. troops left on Jan. 5 "
                + "after the U.N. envoy arrived. Clashes erupted near Aleppo.\n\nA second paragraph without a full stop";
        CleanText clean = cleaner.clean(Document.text(text, LocalDate.of(2015, 1, 10)));
        assertThat(clean.sentences())
                .extracting(Sentence::text)
                .containsExactly(
                        "Gen. Qassem Soleimani visited the front.",
                        "Lt. Col. Ahmed said U.S. troops left on Jan. 5 after the U.N. envoy arrived.",
                        "Clashes erupted near Aleppo.",
                        "A second paragraph without a full stop");
        for (Sentence s : clean.sentences()) {
            assertThat(clean.text().substring(s.start(), s.end())).isEqualTo(s.text());
            for (Token t : s.tokens())
                assertThat(clean.text().substring(t.start(), t.end())).isEqualTo(t.text());
        }
        assertThat(clean.sentences()).extracting(Sentence::index).containsExactly(0, 1, 2, 3);
        Sentence second = clean.sentences().get(1);
        assertThat(second.tokens()).extracting(Token::text).contains("Lt.", "Col.", "U.S.", "Jan.", "U.N.");
        Sentence third = clean.sentences().get(2);
        assertThat(third.tokens()).extracting(Token::lemma).containsExactly("clash", "erupt", "near", "aleppo", ".");
        assertThat(third.tokens()).extracting(Token::tag).containsExactly("NNS", "VBD", "IN", "NNP", ".");
    }

    @Test
    void emptyAndWhitespaceGiveEmptyText() {
        assertThat(cleaner.clean(Document.text("", null)).text()).isEmpty();
        assertThat(cleaner.clean(Document.text(" \n\n\t ", null)).sentences()).isEmpty();
        assertThat(cleaner.clean(new Document(null, null, null, null)).text()).isEmpty();
        assertThat(cleaner.clean(Document.html("<html><body><nav>Home</nav></body></html>", null))
                        .text())
                .isEmpty();
    }

    @Test
    void binaryIsRejectedWithAMessage() {
        assertThatThrownBy(() -> cleaner.clean(Document.text("PK\u0003\u0004\u0000\u0000binary", null)))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("NUL");
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 1000; i++)
            garbage.append((char) (i % 2 == 0 ? 0x01 : 0xFFFD)).append('a');
        assertThatThrownBy(() -> cleaner.clean(Document.text(garbage.toString(), null)))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("not readable text");
    }

    @Test
    void formatSniffing() {
        assertThat(TextCleaner.sniff("<!doctype html><p>x")).isEqualTo(Document.Format.HTML);
        assertThat(TextCleaner.sniff("Gunmen <b>attacked</b> <p>")).isEqualTo(Document.Format.HTML);
        assertThat(TextCleaner.sniff("# Headline\n\nBody")).isEqualTo(Document.Format.MARKDOWN);
        assertThat(TextCleaner.sniff("Rebels said 3 < 4 on Monday.")).isEqualTo(Document.Format.TEXT);
    }
}
