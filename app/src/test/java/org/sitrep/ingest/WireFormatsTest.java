package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.newsroom.WirePhotos;

/** The format readers on realistic samples and on broken or hostile ones. */
class WireFormatsTest {

    @Test
    void readsANewsMlG2ItemWithItsXhtmlBody() {
        List<WireItem> items = NewsMl.read(Fixtures.bytes("newsml-maarat-shelling.xml"));
        assertThat(items).hasSize(1);
        WireItem item = items.get(0);
        assertThat(item.guid()).isEqualTo("urn:newsml:levantwire.example:20260301:SYRIA-SHELLING-MAARAT");
        assertThat(item.title()).isEqualTo("Shelling kills 11 in Maarat al-Numan market, rescuers say");
        assertThat(item.provider()).isEqualTo("Levant Wire");
        assertThat(item.published()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(item.blocks().get(0)).isEqualTo(item.title());
        assertThat(item.blocks().get(1))
                .startsWith("Artillery fire hits a crowded vegetable market"); // the description
        assertThat(item.text()).contains("killing at least 11 civilians").contains("began to fray in January.");
        assertThat(item.keywords())
                .contains("SYRIA-CONFLICT/IDLIB", "Maarat al-Numan", "Syria", "conflict, war and peace");
        assertThat(item.format()).isEqualTo("newsml");
    }

    @Test
    void readsEveryItemOfANewsMessageWithAPlainTextBody() {
        WireItem item = NewsMl.read(Fixtures.bytes("newsml-inline-data.xml")).get(0);
        assertThat(item.title()).isEqualTo("Houthi drone strike hits Marib fuel depot");
        assertThat(item.provider()).isEqualTo("Levant Wire");
        assertThat(item.published()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(item.blocks()).hasSize(3);
        assertThat(item.blocks().get(2)).startsWith("No casualties were reported.");
    }

    @Test
    void refusesXmlWithADoctypeSoExternalEntitiesAreNeverRead() {
        assertThatThrownBy(() -> NewsMl.read(Fixtures.bytes("newsml-xxe.xml")))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
        String billionLaughs =
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                        + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentMeta><headline>&lol2;</headline></contentMeta></newsItem>";
        assertThatThrownBy(() -> NewsMl.read(billionLaughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class);
    }

    @Test
    void explainsMalformedAndForeignXml() {
        assertThatThrownBy(() -> NewsMl.read(Fixtures.bytes("newsml-malformed.xml")))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("malformed XML");
        assertThatThrownBy(() -> NewsMl.read("<knowledgeItem/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("not a NewsML-G2 news item");
        assertThatThrownBy(() -> NewsMl.read(("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\">"
                                + "<contentMeta><headline>Only a headline</headline></contentMeta></newsItem>")
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("no text beyond its headline");
    }

    @Test
    void readsNinjs() {
        WireItem item = Ninjs.read(Fixtures.bytes("ninjs-maarat-shelling.json")).get(0);
        assertThat(item.guid()).isEqualTo("https://gulfpress.example/wire/2026/03/01/syria-idlib-market-shelling");
        assertThat(item.url()).isEqualTo(item.guid());
        assertThat(item.title()).isEqualTo("At least 11 civilians killed as shells hit Idlib market town");
        assertThat(item.provider()).isEqualTo("Gulf Press Agency");
        assertThat(item.published()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(item.keywords()).containsExactly("Maarat al-Numan", "armed conflict", "Syria");
        assertThat(item.blocks()).hasSize(7);

        WireItem water = Ninjs.read(Fixtures.bytes("ninjs-maarat-water.json")).get(0);
        assertThat(water.url()).isNull();
        assertThat(water.blocks()).hasSize(6);
        assertThat(water.html()).startsWith("<p>MAARAT AL-NUMAN, Syria");
        assertThat(water.keywords()).containsExactly("Maarat al-Numan", "water supply");
    }

    @Test
    void explainsMalformedAndForeignJson() {
        assertThatThrownBy(() -> Ninjs.read(Fixtures.bytes("ninjs-malformed.json")))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> Ninjs.read("{\"name\": \"a config file\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("not a ninjs item");
        assertThatThrownBy(() -> Ninjs.read("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("not a ninjs item");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> Ninjs.read(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class);
    }

    @Test
    void keepsTheStoryOfAPageAndDropsItsChrome() {
        WireItem page = WireItem.fromHtml(
                null,
                "https://courier.example/libya/tripoli-clashes",
                null,
                Fixtures.text("page-with-chrome.html"),
                null,
                null,
                "page");
        assertThat(page.title()).isEqualTo("Clashes between rival brigades in Tripoli leave four dead");
        assertThat(page.published()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(page.blocks().get(1)).startsWith("Fighting erupted overnight near Mitiga airport");
        assertThat(page.text())
                .contains("Souq al-Juma district")
                .contains("sent mediators to both sides")
                .doesNotContain("cookies")
                .doesNotContain("Sign up")
                .doesNotContain("Oil output slips")
                .doesNotContain("All rights reserved")
                .doesNotContain("Facebook")
                .doesNotContain("Opinion");
        assertThat(page.html())
                .contains("<p>TRIPOLI - Heavy clashes")
                .doesNotContain("<script")
                .doesNotContain("cookie");
    }

    @Test
    void sanitisesHostileMarkup() {
        WireItem page = WireItem.fromHtml(null, null, null, Fixtures.text("hostile-page.html"), null, null, "page");
        WireItem fragment =
                WireItem.fromHtml(null, null, "Strike", Fixtures.text("hostile-page.html"), null, null, "ninjs");
        for (WireItem item : List.of(page, fragment)) {
            assertThat(item.text())
                    .contains("wounding three people")
                    .contains("Islamic Health Committee")
                    .doesNotContain("document.cookie");
            assertThat(item.html().toLowerCase())
                    .contains("wounding three people")
                    .doesNotContain("<script")
                    .doesNotContain("onerror")
                    .doesNotContain("onclick")
                    .doesNotContain("javascript:")
                    .doesNotContain("<iframe")
                    .doesNotContain("style=");
        }
        assertThat(fragment.html()).contains("<a href=\"https://news.example/statement\" rel=\"nofollow\">");
    }

    @Test
    void readsFeedEntriesAndSanitisesTheirMarkup() {
        FeedEntries.Feed feed = FeedEntries.read(Fixtures.bytes("feed-levant.rss"));
        assertThat(feed.title()).isEqualTo("Levant Wire: top stories");
        assertThat(feed.entries()).hasSize(2).allSatisfy(e -> assertThat(e.error())
                .isNull());
        WireItem first = feed.entries().get(0).item();
        assertThat(first.guid()).isEqualTo("lvw-2026-0302-lebanon-drone");
        assertThat(first.url()).isEqualTo("https://levantwire.example/2026/03/02/lebanon-drone-strike");
        assertThat(first.published()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(first.text())
                .startsWith("Israeli drone strike kills two in south Lebanon\n\nAn Israeli drone struck a car")
                .doesNotContain("alert");
        assertThat(first.html()).doesNotContain("<script").doesNotContain("javascript:");
        assertThat(feed.entries().get(1).item().text()).contains("Rutba in western Anbar province");
    }

    @Test
    void oneBadEntryDoesNotSpoilTheFeed() {
        FeedEntries.Feed feed = FeedEntries.read(Fixtures.bytes("feed-bad-entry.atom"));
        assertThat(feed.entries()).hasSize(3);
        assertThat(feed.entries().get(1).error()).isEqualTo("feed entry has neither a title nor any text");
        assertThat(feed.entries().get(1).location()).isEqualTo("urn:yemen-monitor:empty");
        assertThat(feed.entries().get(0).item().title())
                .isEqualTo("Clashes on the outskirts of Taiz kill three soldiers");
        assertThat(feed.entries().get(2).item().text()).contains("30 trucks carrying food aid");
    }

    @Test
    void refusesMalformedFeedsAndDoctypes() {
        assertThatThrownBy(() -> FeedEntries.read(Fixtures.bytes("feed-malformed.rss")))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("malformed feed");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title><item><title>t</title><description>&x;</description></item></channel></rss>";
        assertThatThrownBy(() -> FeedEntries.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void aWirePhotosCaptionIsItsText() {
        WireItem photo = WirePhoto.read(Fixtures.wirePhoto());
        assertThat(photo.text()).isEqualTo(Fixtures.PHOTO_CAPTION);
        assertThat(photo.title()).startsWith("Members of the Syrian Civil Defence search for survivors");
        assertThat(photo.provider()).isEqualTo("LEVANT WIRE/Khalil Ashawi");
        assertThat(photo.guid()).isEqualTo("photo:SYRIA-CONFLICT/IDLIB");
        assertThat(photo.keywords()).containsExactly("Syria", "conflict");
        assertThat(photo.format()).isEqualTo("photo");
    }

    @Test
    void refusesCorruptAndCaptionlessPhotos() {
        assertThatThrownBy(() -> WirePhoto.read(Fixtures.corruptJpeg()))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("JPEG");
        assertThatThrownBy(() -> WirePhoto.read("GIF89a not a jpeg".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BadInput.class)
                .hasMessage("not a JPEG image");
        assertThatThrownBy(() -> WirePhoto.read(WirePhotos.jpeg(40, 30)))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("no caption");
    }

    @Test
    void tellsFormatsApart() {
        assertThat(Ingestion.kindOf("a.xml", Fixtures.bytes("newsml-maarat-shelling.xml"), null))
                .isEqualTo("newsml");
        assertThat(Ingestion.kindOf("a.xml", Fixtures.bytes("feed-levant.rss"), null))
                .isEqualTo("feed");
        assertThat(Ingestion.kindOf("http://x.example/feed", Fixtures.bytes("feed-bad-entry.atom"), "text/xml"))
                .isEqualTo("feed");
        assertThat(Ingestion.kindOf("a.json", Fixtures.bytes("ninjs-maarat-water.json"), null))
                .isEqualTo("ninjs");
        assertThat(Ingestion.kindOf("a.jpg", Fixtures.wirePhoto(), null)).isEqualTo("photo");
        assertThat(Ingestion.kindOf("a.htm", Fixtures.bytes("page-with-chrome.html"), null))
                .isEqualTo("page");
        assertThat(Ingestion.kindOf("https://x.example/story?id=1", "<p>hi</p>".getBytes(), "text/html; charset=utf-8"))
                .isEqualTo("page");
        assertThat(Ingestion.kindOf("notes.md", "# Title\n\ntext".getBytes(), null))
                .isEqualTo("markdown");
        assertThat(Ingestion.kindOf("wire.txt", "TITLE\n\ntext".getBytes(), null))
                .isEqualTo("text");
        assertThatThrownBy(() -> Ingestion.kindOf("a.xml", "<?xml version=\"1.0\"?><config/>".getBytes(), null))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("neither a NewsML-G2 item nor an RSS/Atom feed");
        assertThatThrownBy(() -> Ingestion.kindOf("archive.zip", new byte[] {'P', 'K', 3, 4}, null))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("unknown kind of file");
    }
}
