package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public pages, their heads (canonical, Open Graph, JSON-LD), paging and error pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.base-url=https://sitrep.example", "sitrep.sample-content=false"})
@Import({TestClockConfig.class, PublicSiteContract.Boom.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublicSiteContract {
    static final Instant T0 = TestClockConfig.START.minus(Duration.ofDays(1));

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    PageCache cache;

    @Autowired
    org.springframework.boot.web.servlet.FilterRegistrationBean<ArticleFastLane> fastLane;

    TestPieces fixture;
    long article;
    long scheduled;

    /** A page that fails, to see the 500 page. */
    @RestController
    static class Boom {
        @GetMapping("/test-only/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        fixture = new TestPieces(jdbc, events);
        long amal = fixture.author("amal-haddad", "Amal Haddad", "Amal covers Syria and Lebanon from Beirut.");
        long omar = fixture.author("omar-saleh", "Omar Saleh", null);
        long syria = fixture.tag("syria", "Syria");
        long aleppo = fixture.tag("aleppo", "Aleppo");
        long yemen = fixture.tag("yemen", "Yemen");
        long photo = fixture.photo(
                "aleppo-market",
                "Shoppers return to the old market in Aleppo.",
                "SITREP/Test Photographer",
                "A crowded covered market street");
        article = fixture.piece("aleppo-market-reopens")
                .kind("NEWS")
                .headline("Aleppo's old market reopens <after> the siege")
                .standfirst("Traders return to the covered souk for the first time in years.")
                .body("<p>The <strong>market</strong> reopened on Monday.</p><h2>Traders</h2><p>More text.</p>")
                .section("Syria")
                .photo(photo)
                .author(amal)
                .author(omar)
                .tag(syria)
                .tag(aleppo)
                .publishAt(T0)
                .updatedAt(T0.plus(Duration.ofHours(3)))
                .insert();
        fixture.piece("aleppo-analysis")
                .kind("ANALYSIS")
                .headline("What the souk's return says about Aleppo")
                .standfirst("An analysis.")
                .section("Syria")
                .author(amal)
                .tag(aleppo)
                .publishAt(T0.minusSeconds(600))
                .insert();
        fixture.piece("yemen-memo")
                .kind("MEMO")
                .headline("Memo: Hodeidah port traffic")
                .section("Yemen")
                .tag(yemen)
                .publishAt(T0.minusSeconds(1200))
                .insert();
        fixture.piece("draft-piece")
                .kind("NEWS")
                .headline("A draft nobody may see")
                .status("DRAFT")
                .publishAt(null)
                .insert();
        scheduled = fixture.piece("tomorrows-report")
                .kind("REPORT")
                .headline("Scheduled quarterly report")
                .status("SCHEDULED")
                .publishAt(TestClockConfig.START.plus(Duration.ofHours(2)))
                .insert();
        // 23 older news pieces: the news list has two pages.
        for (int i = 0; i < 23; i++) {
            fixture.piece("older-news-" + i)
                    .kind("NEWS")
                    .headline("Older news item " + i)
                    .section("Iraq")
                    .publishAt(T0.minus(Duration.ofDays(3 + i)))
                    .insert();
        }
    }

    /** As a browser asks: error pages are HTML only for clients that accept HTML. */
    ResponseEntity<String> browse(String path) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        return http.exchange(
                path,
                org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers),
                String.class);
    }

    Document get(String path) {
        ResponseEntity<String> r = http.getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        return Jsoup.parse(r.getBody(), "https://sitrep.example" + path);
    }

    @Test
    void homeLeadsWithTheLatestPieceAndShowsEachKind() {
        Document home = get("/");
        assertThat(home.select("a.skip-link").first().text()).isEqualTo("Skip to main content");
        assertThat(home.select("body a").first().hasClass("skip-link")).isTrue();
        assertThat(home.select("main#main h1")).hasSize(1);
        assertThat(home.select(".lead .teaser-headline").text())
                .isEqualTo("Aleppo's old market reopens <after> the siege");
        assertThat(home.select(".shelf h2").eachText()).containsExactly("News", "Analysis", "Memos");
        assertThat(home.text()).doesNotContain("A draft nobody may see").doesNotContain("Scheduled quarterly report");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo("https://sitrep.example/");
        assertThat(home.select("link[rel=alternate][type^=application/rss+xml]").attr("href"))
                .isEqualTo("https://sitrep.example/feed.rss");
        assertThat(home.select("link[rel=alternate][type^=application/atom+xml]")
                        .attr("href"))
                .isEqualTo("https://sitrep.example/feed.atom");
        assertThat(home.select("form[role=search] input[name=q]")).hasSize(1);
        assertThat(home.select("nav[aria-label=Regions] a").eachText()).contains("Syria", "Yemen", "Iraq");
    }

    @Test
    void articlePageHasTheStoryAndItsMetadata() throws Exception {
        Document page = get("/news/aleppo-market-reopens");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo("Aleppo's old market reopens <after> the siege");
        assertThat(page.select(".standfirst").text())
                .isEqualTo("Traders return to the covered souk for the first time in years.");
        Element img = page.select("figure.lead-photo img").first();
        assertThat(img.attr("srcset"))
                .isEqualTo("/media/aleppo-market-480.jpg 480w, /media/aleppo-market-960.jpg 960w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("alt")).isEqualTo("A crowded covered market street");
        assertThat(page.select("figure figcaption").text())
                .contains("Shoppers return to the old market in Aleppo.")
                .contains("SITREP/Test Photographer");
        assertThat(page.select(".byline a").eachAttr("href"))
                .containsExactly("/authors/amal-haddad", "/authors/omar-saleh");
        assertThat(page.select(".byline").text()).isEqualTo("By Amal Haddad and Omar Saleh");
        // Shown in the publication's zone (Asia/Beirut, UTC+2 in March).
        assertThat(page.select(".dates time").first().attr("datetime")).isEqualTo("2026-03-01T14:00:00+02:00");
        assertThat(page.select(".dates time").first().text()).isEqualTo("1 March 2026, 14:00 EET");
        assertThat(page.select(".dates .updated time").attr("datetime")).isEqualTo("2026-03-01T17:00:00+02:00");
        assertThat(page.select(".tags a").eachAttr("href")).containsExactly("/tags/aleppo", "/tags/syria");
        assertThat(page.select(".body strong").text()).isEqualTo("market");
        assertThat(page.select(".body h2").text()).isEqualTo("Traders");
        assertThat(page.select(".related .teaser-headline").eachText())
                .contains("What the souk's return says about Aleppo");

        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://sitrep.example/news/aleppo-market-reopens");
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:title]").attr("content"))
                .startsWith("Aleppo's old market reopens <after> the siege");
        assertThat(page.select("meta[property=og:url]").attr("content"))
                .isEqualTo("https://sitrep.example/news/aleppo-market-reopens");
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://sitrep.example/media/aleppo-market.jpg");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content"))
                .containsExactly("Aleppo", "Syria");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("link[rel=alternate][type^=application/rss+xml]").attr("href"))
                .isEqualTo("https://sitrep.example/news/feed.rss");

        String raw = page.select("script[type=application/ld+json]").first().data();
        assertThat(raw).doesNotContain("<");
        JsonNode ld = new ObjectMapper().readTree(raw);
        assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asText()).isEqualTo("Aleppo's old market reopens <after> the siege");
        assertThat(ld.path("description").asText()).startsWith("Traders return");
        assertThat(ld.path("image").get(0).asText()).isEqualTo("https://sitrep.example/media/aleppo-market.jpg");
        assertThat(ld.path("datePublished").asText()).isEqualTo("2026-03-01T14:00:00+02:00");
        assertThat(ld.path("dateModified").asText()).isEqualTo("2026-03-01T17:00:00+02:00");
        assertThat(ld.path("author").get(0).path("name").asText()).isEqualTo("Amal Haddad");
        assertThat(ld.path("publisher").path("name").asText()).isEqualTo("Sitrep");
        assertThat(ld.path("articleSection").asText()).isEqualTo("Syria");
        assertThat(ld.path("keywords").toString()).contains("Aleppo", "Syria");
        assertThat(ld.path("mainEntityOfPage").path("@id").asText())
                .isEqualTo("https://sitrep.example/news/aleppo-market-reopens");
    }

    @Test
    void anUnchangedPieceSaysNothingAboutUpdates() {
        Document page = get("/analysis/aleppo-analysis");
        assertThat(page.select(".dates time")).hasSize(1);
        assertThat(page.select(".dates").text()).doesNotContain("Updated");
        assertThat(page.select("figure")).isEmpty();
    }

    @Test
    void publicPagesSetNoCookies() {
        // Anonymous readers get no session: nothing to store per reader, and every page can be cached.
        for (String path : List.of("/", "/news", "/search?q=aleppo", "/feed.rss")) {
            assertThat(http.getForEntity(path, String.class).getHeaders().get("Set-Cookie"))
                    .as(path)
                    .isNull();
        }
        // An article counts towards the meter (issue 5): only the signed visitor id, never a session.
        List<String> articleCookies = http.getForEntity("/news/aleppo-market-reopens", String.class)
                .getHeaders()
                .get("Set-Cookie");
        assertThat(articleCookies).hasSize(1);
        assertThat(articleCookies.get(0))
                .startsWith("sitrep_visitor=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContain("JSESSIONID");
    }

    @Test
    void headlinesAreEscapedWhileTheSanitisedBodyIsNot() {
        String html = http.getForObject("/news/aleppo-market-reopens", String.class);
        assertThat(html)
                .contains("Aleppo&#39;s old market reopens &lt;after&gt; the siege")
                .doesNotContain("reopens <after>")
                .contains("<p>The <strong>market</strong> reopened on Monday.</p>");
    }

    @Test
    void pagesThatDoNotExistAnswerTheSite404Page() {
        for (String path : List.of(
                "/news/no-such-piece",
                "/news/draft-piece",
                "/reports/tomorrows-report",
                "/analysis/aleppo-market-reopens",
                "/tags/no-such-tag",
                "/authors/nobody",
                "/sections/atlantis",
                "/opinions",
                "/news?page=99",
                "/news?page=abc",
                "/news?page=-1",
                "/tags/syria/feed.rss/x",
                "/tags/no-such-tag/feed.rss",
                "/sitemaps/pieces-9.xml")) {
            ResponseEntity<String> r = browse(path);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            if (r.getHeaders().getContentType() != null
                    && r.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)) {
                Document page = Jsoup.parse(r.getBody());
                assertThat(page.select("h1").text()).as(path).isEqualTo("Page not found");
                assertThat(page.select(".site-name").text()).isEqualTo("Sitrep");
                assertThat(page.select("a.skip-link")).hasSize(1);
            }
        }
    }

    @Test
    void failuresAnswerThe500PageWithoutInternals() {
        ResponseEntity<String> r = browse("/test-only/boom");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        Document page = Jsoup.parse(r.getBody());
        assertThat(page.select("h1").text()).isEqualTo("Something went wrong");
        assertThat(page.select(".site-name").text()).isEqualTo("Sitrep");
        assertThat(r.getBody())
                .doesNotContain("secret internal detail")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at org.sitrep");
    }

    @Test
    void kindPagesListOnlyTheirKindAndPage() {
        Document news = get("/news");
        assertThat(news.select("h1").text()).isEqualTo("News");
        assertThat(news.select(".list .teaser")).hasSize(ListingController.PAGE_SIZE);
        assertThat(news.select(".list .kind-label").eachText()).containsOnly("News");
        assertThat(news.select("a[rel=next]").attr("href")).isEqualTo("/news?page=2");
        assertThat(news.select("link[rel=canonical]").attr("href")).isEqualTo("https://sitrep.example/news");
        assertThat(news.select("nav a[aria-current=page]").eachText()).containsExactly("News");
        Document page2 = get("/news?page=2");
        assertThat(page2.select(".list .teaser")).hasSize(24 - ListingController.PAGE_SIZE);
        assertThat(page2.select("a[rel=prev]").attr("href")).isEqualTo("/news");
        assertThat(page2.select("a[rel=next]")).isEmpty();
        assertThat(page2.select("link[rel=canonical]").attr("href")).isEqualTo("https://sitrep.example/news?page=2");

        assertThat(get("/memos").select(".list .teaser-headline").eachText())
                .singleElement()
                .asString()
                .startsWith("Memo: Hodeidah port traffic");
        assertThat(get("/reports").select(".list .teaser")).isEmpty();
        assertThat(get("/analysis").select(".list .teaser-headline").eachText())
                .containsExactly("What the souk's return says about Aleppo");
    }

    @Test
    void sectionTagAndAuthorPages() {
        assertThat(get("/sections/syria").select(".list .teaser-headline").eachText())
                .containsExactly(
                        "Aleppo's old market reopens <after> the siege", "What the souk's return says about Aleppo");
        assertThat(get("/sections/syria").select("nav a[aria-current=page]").eachText())
                .containsExactly("Syria");
        Document tag = get("/tags/aleppo");
        assertThat(tag.select("h1").text()).isEqualTo("Aleppo");
        assertThat(tag.select(".list .teaser")).hasSize(2);
        assertThat(tag.select("link[rel=alternate][type^=application/atom+xml]").attr("href"))
                .isEqualTo("https://sitrep.example/tags/aleppo/feed.atom");
        Document author = get("/authors/amal-haddad");
        assertThat(author.select("h1").text()).isEqualTo("Amal Haddad");
        assertThat(author.select(".list-intro").text()).isEqualTo("Amal covers Syria and Lebanon from Beirut.");
        assertThat(author.select(".list .teaser")).hasSize(2);
        assertThat(get("/authors/omar-saleh").select(".list .teaser")).hasSize(1);
    }

    static final List<String> SECURITY_HEADERS = List.of(
            "Content-Security-Policy",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "X-XSS-Protection",
            "Cache-Control",
            "Pragma",
            "Expires",
            "Strict-Transport-Security");

    static java.util.Map<String, List<String>> securityHeaders(ResponseEntity<String> r) {
        java.util.Map<String, List<String>> found = new java.util.TreeMap<>();
        for (String name : SECURITY_HEADERS) found.put(name, r.getHeaders().getOrEmpty(name));
        return found;
    }

    @Test
    void anArticleServedFromTheFastLaneIsTheSamePageWithTheSameSecurityHeaders() {
        long before = fastLane.getFilter().served();
        cache.clear();
        ResponseEntity<String> rendered =
                http.getForEntity("/news/aleppo-market-reopens", String.class); // the controller renders it
        ResponseEntity<String> cached =
                http.getForEntity("/news/aleppo-market-reopens", String.class); // the fast lane serves it
        assertThat(fastLane.getFilter().served()).isEqualTo(before + 1);
        assertThat(cached.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cached.getBody()).isEqualTo(rendered.getBody());
        assertThat(cached.getHeaders().getContentType())
                .isEqualTo(rendered.getHeaders().getContentType());
        assertThat(securityHeaders(cached))
                .isEqualTo(securityHeaders(rendered))
                .isEqualTo(securityHeaders(http.getForEntity("/", String.class)));
        assertThat(cached.getHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(cached.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(cached.getHeaders().get("Set-Cookie"))
                .singleElement()
                .asString()
                .startsWith("sitrep_visitor=");

        // A reader with a session (perhaps signed in), another method or an odd path takes the usual way.
        org.springframework.http.HttpHeaders session = new org.springframework.http.HttpHeaders();
        session.add("Cookie", "JSESSIONID=0123456789ABCDEF");
        ResponseEntity<String> withSession = http.exchange(
                "/news/aleppo-market-reopens",
                org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(session),
                String.class);
        assertThat(withSession.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(securityHeaders(withSession)).isEqualTo(securityHeaders(cached));
        assertThat(http.getForEntity("/news/aleppo-market-reopens/", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/news/aleppo-market-reopens;x=1", String.class)
                        .getStatusCode())
                .isNotEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(http.getForEntity("/news/no-such-piece", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/news/no-such-piece", String.class).getStatusCode())
                .as("a known 404, cached")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fastLane.getFilter().served()).isEqualTo(before + 1);
    }

    @Test
    void aChangeAnnouncedByTheNewsroomShowsAtOnce() {
        assertThat(get("/memos").select(".list .teaser-headline").text()).isEqualTo("Memo: Hodeidah port traffic");
        long id = jdbc.sql("SELECT id FROM pieces WHERE slug = 'yemen-memo'")
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE pieces SET headline = 'Memo: Hodeidah port traffic falls' WHERE id = :id")
                .param("id", id)
                .update();
        fixture.changed(id);
        assertThat(get("/memos").select(".list .teaser-headline").text())
                .isEqualTo("Memo: Hodeidah port traffic falls");
        assertThat(get("/").text()).contains("Memo: Hodeidah port traffic falls");
    }

    @Test
    void aScheduledPieceGoesLiveOnTimeDespiteTheCache() {
        assertThat(get("/reports").select(".list .teaser")).isEmpty();
        assertThat(get("/").text()).doesNotContain("Scheduled quarterly report");
        try {
            clock.set(TestClockConfig.START.plus(Duration.ofHours(2)).minusSeconds(1));
            assertThat(get("/reports").select(".list .teaser")).isEmpty();
            clock.set(TestClockConfig.START.plus(Duration.ofHours(2)));
            assertThat(get("/reports").select(".list .teaser-headline").eachText())
                    .containsExactly("Scheduled quarterly report");
            assertThat(get("/reports/tomorrows-report").select("h1").text()).isEqualTo("Scheduled quarterly report");
            assertThat(get("/").select(".lead .teaser-headline").text()).isEqualTo("Scheduled quarterly report");
        } finally {
            clock.set(TestClockConfig.START);
            cache.clear(); // pages rendered "in the future" must not outlive this test
        }
    }
}
