package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestPieces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** RSS and Atom feeds read back with Rome; sitemaps and the Google News sitemap parsed as XML. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.base-url=https://sitrep.example", "sitrep.sample-content=false"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FeedsAndSitemapsContract {
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        Instant now = TestClockConfig.START;
        TestPieces fixture = new TestPieces(jdbc, events);
        long author = fixture.author("rana-aziz", "Rana Aziz", null);
        long libya = fixture.tag("libya", "Libya");
        long oil = fixture.tag("oil", "Oil & gas");
        fixture.piece("tripoli-clashes")
                .kind("NEWS")
                .headline("Clashes in Tripoli & Misrata <update>")
                .standfirst("Militias fought overnight.")
                .section("Libya")
                .author(author)
                .tag(libya)
                .publishAt(now.minus(Duration.ofHours(5)))
                .updatedAt(now.minus(Duration.ofHours(1)))
                .insert();
        fixture.piece("oil-fields")
                .kind("ANALYSIS")
                .headline("Who controls the oil fields")
                .section("Libya")
                .tag(libya)
                .tag(oil)
                .publishAt(now.minus(Duration.ofDays(1)))
                .insert();
        fixture.piece("old-memo")
                .kind("MEMO")
                .headline("An old memo")
                .section("Iraq")
                .publishAt(now.minus(Duration.ofDays(10)))
                .insert();
        fixture.piece("future-report")
                .kind("REPORT")
                .headline("A report for tomorrow")
                .status("SCHEDULED")
                .publishAt(now.plus(Duration.ofDays(1)))
                .insert();
        fixture.piece("a-draft")
                .kind("NEWS")
                .headline("A draft")
                .status("DRAFT")
                .publishAt(null)
                .insert();
    }

    SyndFeed feed(String path, String contentType) throws Exception {
        ResponseEntity<String> r = http.getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo(contentType + ";charset=UTF-8");
        return new SyndFeedInput().build(new StringReader(r.getBody()));
    }

    static List<String> links(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getLink).toList();
    }

    @Test
    void siteWideRssAndAtom() throws Exception {
        SyndFeed rss = feed("/feed.rss", "application/rss+xml");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getLink()).isEqualTo("https://sitrep.example/");
        assertThat(links(rss))
                .containsExactly(
                        "https://sitrep.example/news/tripoli-clashes",
                        "https://sitrep.example/analysis/oil-fields",
                        "https://sitrep.example/memos/old-memo");
        SyndEntry first = rss.getEntries().get(0);
        assertThat(first.getTitle()).isEqualTo("Clashes in Tripoli & Misrata <update>");
        assertThat(first.getDescription().getValue()).isEqualTo("Militias fought overnight.");
        assertThat(first.getPublishedDate().toInstant()).isEqualTo(TestClockConfig.START.minus(Duration.ofHours(5)));
        assertThat(first.getCategories()).extracting(c -> c.getName()).contains("News", "Libya");

        SyndFeed atom = feed("/feed.atom", "application/atom+xml");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(links(atom)).isEqualTo(links(rss));
        SyndEntry a = atom.getEntries().get(0);
        assertThat(a.getAuthors()).extracting(p -> p.getName()).containsExactly("Rana Aziz");
        assertThat(a.getUpdatedDate().toInstant()).isEqualTo(TestClockConfig.START.minus(Duration.ofHours(1)));
        assertThat(a.getPublishedDate().toInstant()).isEqualTo(TestClockConfig.START.minus(Duration.ofHours(5)));
    }

    @Test
    void feedsPerKindAndPerTag() throws Exception {
        assertThat(links(feed("/analysis/feed.rss", "application/rss+xml")))
                .containsExactly("https://sitrep.example/analysis/oil-fields");
        assertThat(links(feed("/news/feed.atom", "application/atom+xml")))
                .containsExactly("https://sitrep.example/news/tripoli-clashes");
        assertThat(links(feed("/reports/feed.rss", "application/rss+xml"))).isEmpty();
        assertThat(links(feed("/tags/libya/feed.rss", "application/rss+xml")))
                .containsExactly(
                        "https://sitrep.example/news/tripoli-clashes", "https://sitrep.example/analysis/oil-fields");
        SyndFeed oil = feed("/tags/oil/feed.atom", "application/atom+xml");
        assertThat(oil.getTitle()).startsWith("Oil & gas");
        assertThat(links(oil)).containsExactly("https://sitrep.example/analysis/oil-fields");
        assertThat(http.getForEntity("/tags/nope/feed.rss", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    static org.w3c.dom.Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }

    org.w3c.dom.Document sitemap(String path) throws Exception {
        ResponseEntity<String> r = http.getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/xml;charset=UTF-8");
        return xml(r.getBody());
    }

    static List<String> texts(org.w3c.dom.Document doc, String ns, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    @Test
    void sitemapIndexPointsAtPagesPiecesAndNews() throws Exception {
        org.w3c.dom.Document index = sitemap("/sitemap.xml");
        Element root = index.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("sitemapindex");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(texts(index, NS, "loc"))
                .containsExactly(
                        "https://sitrep.example/sitemaps/pages.xml",
                        "https://sitrep.example/sitemaps/pieces-1.xml",
                        "https://sitrep.example/sitemaps/news.xml");

        org.w3c.dom.Document pieces = sitemap("/sitemaps/pieces-1.xml");
        assertThat(pieces.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(pieces.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        assertThat(texts(pieces, NS, "loc"))
                .containsExactly(
                        "https://sitrep.example/news/tripoli-clashes",
                        "https://sitrep.example/analysis/oil-fields",
                        "https://sitrep.example/memos/old-memo");
        assertThat(texts(pieces, NS, "lastmod").get(0)).isEqualTo("2026-03-02T13:00:00+02:00");

        assertThat(texts(sitemap("/sitemaps/pages.xml"), NS, "loc"))
                .contains(
                        "https://sitrep.example/",
                        "https://sitrep.example/news",
                        "https://sitrep.example/reports",
                        "https://sitrep.example/sections/libya");
    }

    @Test
    void googleNewsSitemapHasTheLastTwoDays() throws Exception {
        org.w3c.dom.Document news = sitemap("/sitemaps/news.xml");
        assertThat(texts(news, NS, "loc"))
                .containsExactly(
                        "https://sitrep.example/news/tripoli-clashes", "https://sitrep.example/analysis/oil-fields");
        assertThat(texts(news, NEWS, "title"))
                .containsExactly("Clashes in Tripoli & Misrata <update>", "Who controls the oil fields");
        assertThat(texts(news, NEWS, "name")).containsOnly("Sitrep");
        assertThat(texts(news, NEWS, "language")).containsOnly("en");
        assertThat(texts(news, NEWS, "publication_date").get(0)).isEqualTo("2026-03-02T09:00:00+02:00");
    }

    @Test
    void robotsPointAtTheSitemapsAndKeepCrawlersOutOfTheNewsroom() {
        ResponseEntity<String> r = http.getForEntity("/robots.txt", String.class);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(r.getBody())
                .contains(
                        "Disallow: /newsroom\n",
                        "Disallow: /admin\n",
                        "Sitemap: https://sitrep.example/sitemap.xml\n",
                        "Sitemap: https://sitrep.example/sitemaps/news.xml\n");
    }
}
