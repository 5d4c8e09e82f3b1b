package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a feed entry and its linked page make one story's text (the fetching is in {@link IngestContract}). */
class LinkedArticleTextTest {
    private static final String LINK = "https://redsea.example/2026/03/02/hodeidah";

    private static WireItem entry(String summary) {
        return FeedEntries.read(LinkedPages.rss(
                        "Red Sea Courier",
                        List.of(new LinkedPages.Entry(
                                "rsc-1",
                                "Air strikes hit Hodeidah port",
                                LINK,
                                summary,
                                "Mon, 02 Mar 2026 07:30:00 GMT"))))
                .entries()
                .get(0)
                .item();
    }

    private static Fetcher.Response html(byte[] body) {
        return new Fetcher.Response(200, body, "text/html; charset=utf-8", null, null, LINK);
    }

    private static final byte[] PAGE = LinkedPages.page(
            "Red Sea Courier", "Air strikes hit Hodeidah port, halting fuel deliveries", LinkedPages.HODEIDAH);

    @Test
    void aPlainTextDescriptionIsTheEntrysText() {
        WireItem item = entry("Strikes on Yemen's main port & its fuel terminal.");
        assertThat(item.text())
                .isEqualTo("Air strikes hit Hodeidah port\n\nStrikes on Yemen's main port & its fuel terminal.");
    }

    @Test
    void theFeedsHeadlineAndSummaryStayAndThePagesHeadlineIsNotRepeated() {
        WireItem item = LinkedArticles.withArticle(entry("Strikes on Yemen's main port."), html(PAGE));
        assertThat(item.blocks())
                .startsWith("Air strikes hit Hodeidah port", "Strikes on Yemen's main port.", LinkedPages.HODEIDAH[0])
                .hasSize(2 + LinkedPages.HODEIDAH.length);
        assertThat(item.guid()).isEqualTo("rsc-1");
        assertThat(item.url()).isEqualTo(LINK);
        assertThat(item.published()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(item.format()).isEqualTo("feed");
        assertThat(item.html()).startsWith("<p>Strikes on Yemen").doesNotContain("<h1");
    }

    @Test
    void aSummaryTheArticleAlreadySaysIsNotSaidTwice() {
        WireItem item = LinkedArticles.withArticle(entry(LinkedPages.HODEIDAH[1]), html(PAGE));
        assertThat(item.text().split("Three dock workers were killed", -1)).hasSize(2);
        assertThat(item.blocks().get(1)).isEqualTo(LinkedPages.HODEIDAH[0]);
    }

    @Test
    void aPageWithLessThanTheFeedIsNotTaken() {
        String fullText = String.join(" ", LinkedPages.HODEIDAH) + " " + String.join(" ", LinkedPages.HODEIDAH);
        byte[] teaser = LinkedPages.page(
                "Red Sea Courier",
                "Air strikes hit Hodeidah port",
                "The strikes began late on Sunday night, officials said.");
        assertThatThrownBy(() -> LinkedArticles.withArticle(entry(fullText), html(teaser)))
                .isInstanceOf(BadInput.class)
                .hasMessage("the page's article is shorter than the feed's own text");
        assertThatThrownBy(() -> LinkedArticles.withArticle(
                        entry("x"),
                        new Fetcher.Response(
                                200,
                                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                                "application/json",
                                null,
                                null,
                                LINK)))
                .isInstanceOf(BadInput.class)
                .hasMessage("not an HTML page: application/json");
        assertThat(LinkedArticles.withArticle(entry("x"), new Fetcher.Response(200, PAGE, "", null, null, LINK))
                        .text())
                .as("no content type, but an HTML document")
                .contains("Three dock workers");
    }
}
