package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.intel.SourceDocuments;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceDraft;
import org.sitrep.newsroom.PieceEditor;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.web.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Editions and translations end to end on a real database and a real server: an English analysis
 * translated into Arabic in the newsroom (the editor's "Translate", then the translator's save),
 * the Arabic edition turned on, and its pages, feeds and sitemaps, hreflang and canonical links,
 * the language switcher, the translated caption; editions that are off, and prefixes of what has
 * no edition, answer 404; the analysis engine never reads a translation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"sitrep.base-url=https://sitrep.example", "sitrep.sample-content=false", "sitrep.intel.workers=0"
        })
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EditionsContract {
    static final String ARABIC_HEADLINE = "من يسيطر على حقول النفط";
    static final String ARABIC_CAPTION = "حقل نفط قرب البريقة";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    PieceEditor editor;

    @Autowired
    PieceCatalog catalog;

    @Autowired
    Editions editions;

    @Autowired
    List<SourceDocuments> sources;

    long original;
    long arabic;
    String arabicPath;

    @BeforeAll
    void seed() throws Exception {
        clock.set(TestClockConfig.START);
        editions.enable(Set.of());
        TestPieces fixture = new TestPieces(jdbc, events);
        long author = fixture.author("rana-aziz", "Rana Aziz", null);
        long photo = fixture.photo("brega", "An oil field near Brega", "Sitrep", "Pipes in the desert");
        original = fixture.piece("oil-fields")
                .kind("ANALYSIS")
                .headline("Who controls the oil fields")
                .section("Libya")
                .author(author)
                .photo(photo)
                .publishAt(TestClockConfig.START.minus(Duration.ofDays(1)))
                .insert();
        fixture.piece("tripoli-clashes")
                .kind("NEWS")
                .headline("Clashes in Tripoli")
                .publishAt(TestClockConfig.START.minus(Duration.ofHours(3)))
                .insert();
        jdbc.sql("UPDATE pieces SET body_markdown = 'The oil fields of the south.' WHERE id = :id")
                .param("id", original)
                .update();

        // The editor's "Translate" on the original, through the newsroom's own form.
        String location = mvc.perform(post("/newsroom/pieces/" + original + "/translate")
                        .param("language", "ar")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        arabic = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Piece draft = catalog.findById(arabic).orElseThrow();
        assertThat(draft.language()).isEqualTo("ar");
        assertThat(draft.originalId()).isEqualTo(original);
        assertThat(draft.status().name()).isEqualTo("DRAFT");
        assertThat(draft.slug()).isEqualTo("oil-fields-ar");
        assertThat(draft.authors()).extracting(a -> a.slug()).containsExactly("rana-aziz");
        assertThat(draft.leadPhoto().id()).isEqualTo(photo);

        // The translator writes it and publishes it, with a caption of its own.
        PieceDraft form = PieceDraft.of(draft, java.time.ZoneId.of("UTC"));
        form.setHeadline(ARABIC_HEADLINE);
        form.setBody("حقول النفط في الجنوب.");
        form.setStatus("PUBLISHED");
        form.setTranslator("Layla Haddad");
        form.setLeadPhotoCaption(ARABIC_CAPTION);
        form.setBaseRevision(Integer.toString(editor.latestRevision(arabic)));
        editor.update(arabic, form, "translator@example.org");
        arabicPath = catalog.findById(arabic).orElseThrow().path();
    }

    ResponseEntity<String> page(String path) {
        return http.getForEntity(path, String.class);
    }

    Document html(String path) {
        ResponseEntity<String> r = page(path);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return Jsoup.parse(r.getBody());
    }

    void arabicOn() {
        editions.enable(Set.of(Language.AR));
    }

    @Test
    void translatingAgainOpensTheSameTranslationAndATranslationIsNotTranslated() throws Exception {
        String again = mvc.perform(post("/newsroom/pieces/" + original + "/translate")
                        .param("language", "ar")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(again).isEqualTo("/newsroom/pieces/" + arabic);
        String refused = mvc.perform(post("/newsroom/pieces/" + arabic + "/translate")
                        .param("language", "tr")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(refused).isEqualTo("/newsroom/pieces/" + arabic);
        assertThat(catalog.translation(arabic, "tr")).isEmpty();
        mvc.perform(post("/newsroom/pieces/" + original + "/translate")
                        .param("language", "xx<script>")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.translations(original)).extracting(Piece::language).containsExactly("ar");
        // Readers may not translate.
        mvc.perform(post("/newsroom/pieces/" + original + "/translate")
                        .param("language", "tr")
                        .with(user("reader@example.org").roles("MEMBER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTranslationIsWrittenBesideItsOriginal() throws Exception {
        String form = mvc.perform(get("/newsroom/pieces/" + arabic)
                        .with(user("editor@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document d = Jsoup.parse(form);
        assertThat(d.select(".side-by-side .original-pane").text())
                .contains("Who controls the oil fields", "An oil field near Brega");
        assertThat(d.select("#translator").val()).isEqualTo("Layla Haddad");
        assertThat(d.select("#leadPhotoCaption").text()).isEqualTo(ARABIC_CAPTION);
        String originalForm = mvc.perform(get("/newsroom/pieces/" + original)
                        .with(user("editor@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document o = Jsoup.parse(originalForm);
        assertThat(o.select(".translations-panel li a").attr("href")).isEqualTo("/newsroom/pieces/" + arabic);
        assertThat(o.select("#translate-language option").eachAttr("value"))
                .contains("tr", "fa", "he")
                .doesNotContain("ar", "en");
    }

    @Test
    void anEditionThatIsOffAndPrefixesOfWhatHasNoEditionAre404() {
        editions.enable(Set.of());
        assertThat(page("/ar/").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page(arabicPath).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/ar/feed.rss").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Off, its piece has no page and no alternate on the English one.
        assertThat(html("/analysis/oil-fields").select("link[hreflang]")).isEmpty();
        arabicOn();
        assertThat(page("/ar/").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page("/fa/").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/ar/newsroom").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/ar/account").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/ar/api/v1/pieces").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // The Arabic piece has no English address, and the English piece no Arabic one.
        assertThat(page("/analysis/oil-fields-ar").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/ar/analysis/oil-fields").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theArabicHomeIsRightToLeftAndShowsArabicPieces() {
        arabicOn();
        Document ar = html("/ar/");
        assertThat(ar.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(ar.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(ar.text())
                .contains(ARABIC_HEADLINE)
                .doesNotContain("Who controls the oil fields", "Clashes in Tripoli");
        assertThat(ar.select("link[rel=canonical]").attr("href")).isEqualTo("https://sitrep.example/ar/");
        assertThat(hreflang(ar))
                .containsExactly(
                        "en https://sitrep.example/",
                        "ar https://sitrep.example/ar/",
                        "x-default https://sitrep.example/");
        // Links stay in the edition.
        assertThat(ar.select("nav.nav-kinds a").eachAttr("href")).contains("/ar/", "/ar/analysis");
        assertThat(ar.select("a:contains(" + ARABIC_HEADLINE + ")").attr("href"))
                .isEqualTo("/ar/analysis/oil-fields-ar");
        assertThat(ar.select("nav.nav-regions a").eachAttr("href")).containsExactly("/ar/sections/libya");
        assertThat(ar.select("h2.rule-heading a").eachAttr("href")).containsExactly("/ar/analysis");

        Document en = html("/");
        assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(en.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(en.text())
                .contains("Who controls the oil fields", "Clashes in Tripoli")
                .doesNotContain(ARABIC_HEADLINE);

        Document kind = html("/ar/analysis");
        assertThat(kind.text()).contains(ARABIC_HEADLINE);
        assertThat(html("/ar/sections/libya").text()).contains(ARABIC_HEADLINE);
        assertThat(html("/ar/news").text()).doesNotContain("Clashes in Tripoli");
    }

    @Test
    void anArticleLinksToItsTranslationsWithHreflangAndASwitcher() {
        arabicOn();
        Document ar = html(arabicPath);
        assertThat(arabicPath).isEqualTo("/ar/analysis/oil-fields-ar");
        assertThat(ar.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(ar.select("h1.headline").text()).isEqualTo(ARABIC_HEADLINE);
        assertThat(ar.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://sitrep.example/ar/analysis/oil-fields-ar");
        assertThat(hreflang(ar))
                .containsExactly(
                        "en https://sitrep.example/analysis/oil-fields",
                        "ar https://sitrep.example/ar/analysis/oil-fields-ar",
                        "x-default https://sitrep.example/analysis/oil-fields");
        assertThat(ar.select(".byline.translator").text()).contains("Layla Haddad");
        assertThat(ar.select("figcaption .caption").text()).isEqualTo(ARABIC_CAPTION);
        Element toEnglish = ar.selectFirst("nav.translations a[hreflang=en]");
        assertThat(toEnglish.attr("href")).isEqualTo("/analysis/oil-fields");
        assertThat(ar.select("nav.translations [aria-current=page]").text()).isEqualTo("العربية");

        Document en = html("/analysis/oil-fields");
        assertThat(hreflang(en)).isEqualTo(hreflang(ar));
        assertThat(en.select("figcaption .caption").text()).isEqualTo("An oil field near Brega");
        assertThat(en.selectFirst("nav.translations a[hreflang=ar]").attr("href"))
                .isEqualTo(arabicPath);
        assertThat(en.select(".byline.translator")).isEmpty();
        // A piece without translations has no switcher.
        assertThat(html("/news/tripoli-clashes").select("nav.translations")).isEmpty();
    }

    @Test
    void eachEditionHasItsFeeds() throws Exception {
        arabicOn();
        SyndFeed ar =
                new SyndFeedInput().build(new StringReader(page("/ar/feed.atom").getBody()));
        assertThat(ar.getLanguage()).isEqualTo("ar");
        assertThat(ar.getEntries())
                .extracting(SyndEntry::getLink)
                .containsExactly("https://sitrep.example" + arabicPath);
        SyndFeed kind = new SyndFeedInput()
                .build(new StringReader(page("/ar/analysis/feed.rss").getBody()));
        assertThat(kind.getLanguage()).isEqualTo("ar");
        assertThat(kind.getEntries())
                .extracting(SyndEntry::getLink)
                .containsExactly("https://sitrep.example" + arabicPath);
        SyndFeed en =
                new SyndFeedInput().build(new StringReader(page("/feed.rss").getBody()));
        assertThat(en.getLanguage()).isEqualTo("en");
        assertThat(en.getEntries())
                .extracting(SyndEntry::getLink)
                .containsExactlyInAnyOrder(
                        "https://sitrep.example/analysis/oil-fields", "https://sitrep.example/news/tripoli-clashes");
        assertThat(html("/ar/").select("link[type^='application/rss+xml']").attr("href"))
                .isEqualTo("https://sitrep.example/ar/feed.rss");
    }

    @Test
    void eachEditionHasItsSitemapWithAlternates() throws Exception {
        arabicOn();
        org.w3c.dom.Document index = xml(page("/ar/sitemap.xml").getBody());
        assertThat(texts(index, "loc"))
                .containsExactly(
                        "https://sitrep.example/ar/sitemaps/pages.xml",
                        "https://sitrep.example/ar/sitemaps/pieces-1.xml",
                        "https://sitrep.example/ar/sitemaps/news.xml");
        org.w3c.dom.Document pieces = xml(page("/ar/sitemaps/pieces-1.xml").getBody());
        assertThat(texts(pieces, "loc")).containsExactly("https://sitrep.example" + arabicPath);
        assertThat(alternates(pieces))
                .containsExactly(
                        "en https://sitrep.example/analysis/oil-fields",
                        "ar https://sitrep.example" + arabicPath,
                        "x-default https://sitrep.example/analysis/oil-fields");
        org.w3c.dom.Document english = xml(page("/sitemaps/pieces-1.xml").getBody());
        assertThat(texts(english, "loc"))
                .containsExactlyInAnyOrder(
                        "https://sitrep.example/analysis/oil-fields", "https://sitrep.example/news/tripoli-clashes");
        assertThat(alternates(english)).hasSize(3); // the analysis's three; the news piece has none
        org.w3c.dom.Document news = xml(page("/ar/sitemaps/news.xml").getBody());
        assertThat(news.getElementsByTagNameNS(SitemapController.NEWS_NS, "language")
                        .item(0)
                        .getTextContent())
                .isEqualTo("ar");
        assertThat(page("/robots.txt").getBody()).contains("Sitemap: https://sitrep.example/ar/sitemap.xml");
    }

    @Test
    void theEngineReadsTheOriginalNeverTheTranslation() {
        SourceDocuments pieces = sources.stream()
                .filter(s -> s.kind().equals("piece"))
                .findFirst()
                .orElseThrow();
        assertThat(pieces.load(original)).isPresent();
        assertThat(pieces.load(arabic)).isEmpty();
    }

    @Test
    void theAdministratorTurnsEditionsOnAndAForgedLanguageChangesNothing() throws Exception {
        arabicOn();
        mvc.perform(post("/admin/editions")
                        .param("language", "ar")
                        .param("language", "tr")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(editions.enabled()).containsExactly(Language.EN, Language.AR);
        mvc.perform(post("/admin/editions")
                        .param("language", "tr")
                        .param("language", "../etc")
                        .with(user("admin@example.org").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(editions.enabled()).containsExactly(Language.EN, Language.AR);
        mvc.perform(post("/admin/editions")
                        .param("language", "tr")
                        .param("language", "he")
                        .with(user("admin@example.org").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(editions.enabled()).containsExactly(Language.EN, Language.TR, Language.HE);
        assertThat(page("/ar/").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/tr/").getStatusCode()).isEqualTo(HttpStatus.OK);
        String form = mvc.perform(
                        get("/admin/editions").with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(form).select("input[name=language][checked]").eachAttr("value"))
                .containsExactly("tr", "he");
        arabicOn();
    }

    static List<String> hreflang(Document d) {
        return d.select("head link[rel=alternate][hreflang]").stream()
                .map(l -> l.attr("hreflang") + " " + l.attr("href"))
                .toList();
    }

    static org.w3c.dom.Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }

    static List<String> texts(org.w3c.dom.Document d, String name) {
        NodeList nodes = d.getElementsByTagNameNS("*", name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    static List<String> alternates(org.w3c.dom.Document d) {
        NodeList nodes = d.getElementsByTagNameNS(SitemapController.XHTML_NS, "link");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) nodes.item(i);
            out.add(e.getAttribute("hreflang") + " " + e.getAttribute("href"));
        }
        return out;
    }
}
