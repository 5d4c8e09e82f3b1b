package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.web.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The reader pages in their edition's language, over HTTP: each edition's home and article pages speak its language
 * (words, dates, digits) around the piece's own words, and a browser's Accept-Language does not change a page (the
 * address decides; the cache serves one address to everyone).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.payments.test-mode=true"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPagesInLanguagesH2Test {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /** 08:00 in Beirut on 2 March 2026, before the test clock's now. */
    static final Instant PUBLISHED = TestClockConfig.START.minusSeconds(6 * 3600);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Editions editions;

    @BeforeAll
    void seed() {
        editions.enable(Set.of(Language.AR, Language.FA, Language.TR, Language.HE));
        TestPieces fixture = new TestPieces(jdbc, events);
        long author = fixture.author("rana-haddad", "Rana Haddad", "Correspondent");
        long tag = fixture.tag("ceasefire", "Ceasefire");
        // One piece per edition, each with the same English words: what changes is the page around them.
        for (String language : new String[] {"en", "ar", "fa", "tr", "he"}) {
            String slug = "en".equals(language) ? "after-the-truce" : "after-the-truce-" + language;
            fixture.piece(slug)
                    .kind("ANALYSIS")
                    .headline("After the truce")
                    .section("Syria")
                    .author(author)
                    .tag(tag)
                    .publishAt(PUBLISHED)
                    .updatedAt(PUBLISHED)
                    .body("<p>What the truce changes.</p><p>And what it does not.</p>")
                    .insert();
            jdbc.sql("UPDATE pieces SET language = ? WHERE slug = ?")
                    .params(language, slug)
                    .update();
        }
    }

    Document get(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return Jsoup.parse(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    Document homeIn(String language) {
        return get("en".equals(language) ? "/" : "/" + language + "/");
    }

    Document articleIn(String language) {
        return get(
                "en".equals(language)
                        ? "/analysis/after-the-truce"
                        : "/" + language + "/analysis/after-the-truce-" + language);
    }

    @Test
    void theHomePageSpeaksEachLanguageWithItsDigits() {
        Document en = homeIn("en");
        assertThat(en.select(".skip-link").text()).isEqualTo("Skip to main content");
        assertThat(en.select(".nav-kinds a").eachText())
                .containsExactly("Latest", "News", "Analysis", "Memos", "Reports");
        assertThat(en.select(".teaser-lead time").text()).isEqualTo("2 March 2026");

        Document ar = homeIn("ar");
        assertThat(ar.select(".skip-link").text()).isEqualTo("انتقل إلى المحتوى الرئيسي");
        assertThat(ar.select(".nav-kinds a").eachText())
                .containsExactly("الأحدث", "الأخبار", "التحليلات", "المذكرات", "التقارير");
        assertThat(ar.select(".teaser-lead .kind-label").text()).isEqualTo("تحليل");
        assertThat(ar.select(".teaser-lead time").text()).isEqualTo("٢ مارس ٢٠٢٦");
        assertThat(ar.select(".teaser-lead time").attr("datetime"))
                .as("machines read Latin digits")
                .startsWith("2026-03-02T08:00");
        assertThat(ar.select(".teaser-lead .teaser-meta bdi").text())
                .as("an English name isolated in Arabic")
                .isEqualTo("Rana Haddad");
        assertThat(ar.select("#masthead-signin").text()).isEqualTo("تسجيل الدخول");
        assertThat(ar.select(".site-footer").text())
                .doesNotContain("Search")
                .doesNotContain("Newsletters")
                .contains("النشرات البريدية");

        assertThat(homeIn("fa").select(".teaser-lead time").text())
                .startsWith("۲ ")
                .endsWith("۲۰۲۶");
        assertThat(homeIn("tr").select(".nav-kinds a").first().text()).isEqualTo("Son yazılar");
        assertThat(homeIn("he").select(".skip-link").text()).isEqualTo("דילוג לתוכן הראשי");
        assertThat(homeIn("en").select(".skip-link").text())
                .as("each language cached apart")
                .isEqualTo("Skip to main content");
    }

    @Test
    void theArticleSpeaksTheLanguageAroundThePiecesOwnWords() {
        Document fa = articleIn("fa");
        assertThat(fa.select(".byline").text()).startsWith("نوشتهٔ").contains("Rana Haddad");
        assertThat(fa.select(".byline bdi").text()).isEqualTo("Rana Haddad");
        assertThat(fa.select(".kicker-section bdi").text()).isEqualTo("Syria");
        assertThat(fa.select(".tags bdi").text()).isEqualTo("Ceasefire");
        assertThat(fa.select(".dates").text()).contains("انتشار:").contains("۲۰۲۶");
        assertThat(fa.select("h1.headline").text())
                .as("the piece's own words are the piece's")
                .isEqualTo("After the truce");

        Document tr = articleIn("tr");
        assertThat(tr.select(".dates").text()).contains("Yayımlanma:").contains("2 Mart 2026");
        assertThat(tr.select(".kind-label").first().text()).isEqualTo("Analiz");
    }

    @Test
    void aBrowsersLanguageDoesNotChangeTheEnglishSite() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .header("Accept-Language", "ar,fa;q=0.8")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select(".skip-link").text()).isEqualTo("Skip to main content");
        assertThat(page.select(".teaser-lead time").text()).isEqualTo("2 March 2026");
        HttpResponse<String> signin = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signin"))
                                .header("Accept-Language", "he")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(Jsoup.parse(signin.body()).select("h1").text()).isEqualTo("Sign in");
    }
}
