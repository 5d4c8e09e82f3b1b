package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.drew.metadata.iptc.IptcDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The piece editor's helpers on a real database: autosaves kept apart from the piece, saves that
 * would replace a colleague's newer one, the home page's lead story, headlines in any script, photos
 * in the body, the preview endpoint, and a refused save that keeps what was typed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.scheduler.initial-delay=1h"})
@AutoConfigureMockMvc
@Import(EditorContract.Fixtures.class)
abstract class EditorContract {
    static final String EDITOR = "writer@example.org";
    static final String COLLEAGUE = "colleague@example.org";
    static final String PASSWORD = "correct horse battery";

    @TestConfiguration
    static class Fixtures {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-07-01T09:00:37Z"));
        }
    }

    @Autowired
    PieceEditor editor;

    @Autowired
    PieceCatalog catalog;

    @Autowired
    PieceAutosaves autosaves;

    @Autowired
    PhotoLibrary photos;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    static PieceDraft draft(String headline, String status) {
        PieceDraft d = new PieceDraft();
        d.setHeadline(headline);
        d.setStandfirst("A standfirst.");
        d.setBody("Fighting resumed in **Zahraa**.");
        d.setKind("NEWS");
        d.setStatus(status);
        return d;
    }

    long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    void ensureEditor() {
        if (accounts.findByEmail(EDITOR).isEmpty())
            accounts.create(EDITOR, "Writer", PASSWORD, org.sitrep.members.Role.EDITOR);
    }

    // --- autosave ------------------------------------------------------------------------

    @Test
    void anAutosaveIsKeptApartAndNeverPublishesOrMakesARevision() {
        long id = editor.create(draft("Autosave keeps " + UUID.randomUUID(), "DRAFT"), EDITOR);
        Piece before = catalog.findById(id).orElseThrow();
        PieceDraft typed = PieceDraft.of(before, java.time.ZoneId.of("UTC"));
        typed.setBody("Typed but not saved, with a new paragraph.");
        typed.setStatus("PUBLISHED");
        typed.setBaseRevision("1");
        autosaves.keep(EDITOR, id, typed);
        typed.setBody("Typed later.");
        autosaves.keep(EDITOR, id, typed);

        Piece after = catalog.findById(id).orElseThrow();
        assertThat(after.bodyMarkdown()).isEqualTo(before.bodyMarkdown());
        assertThat(after.status()).isEqualTo(PieceStatus.DRAFT);
        assertThat(catalog.findLive(PieceKind.NEWS, after.slug())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM piece_revisions WHERE piece_id = :id", id))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM piece_autosaves WHERE piece_key = :id", id))
                .isEqualTo(1);

        PieceAutosaves.Autosave kept = autosaves.find(EDITOR, id).orElseThrow();
        assertThat(kept.draft().getBody()).isEqualTo("Typed later.");
        assertThat(kept.draft().getStatus()).isEqualTo("PUBLISHED");
        assertThat(kept.baseRevision()).isEqualTo(1);
        assertThat(autosaves.find(COLLEAGUE, id)).isEmpty(); // each editor's typing is their own

        autosaves.discard(EDITOR, id);
        assertThat(autosaves.find(EDITOR, id)).isEmpty();
    }

    @Test
    void anAutosaveArrivingAfterItsFormCreatedThePieceIsIgnored() {
        String me = "late-" + UUID.randomUUID() + "@example.org";
        PieceDraft typed = draft("Late autosave", "DRAFT");
        typed.setFormToken("form-a");
        autosaves.keep(me, 0, typed);
        editor.create(typed, me);
        autosaves.created(me, typed);
        assertThat(autosaves.find(me, 0)).isEmpty();
        autosaves.keep(me, 0, typed); // the request that was still on its way
        assertThat(autosaves.find(me, 0)).isEmpty();
        PieceDraft next = draft("The next piece", "DRAFT");
        next.setFormToken("form-b");
        autosaves.keep(me, 0, next);
        assertThat(autosaves.find(me, 0).orElseThrow().draft().getHeadline()).isEqualTo("The next piece");
    }

    @Test
    void aSaveOverAColleaguesNewerSaveIsRefusedUntilItIsDeliberate() {
        long id = editor.create(draft("Two editors " + UUID.randomUUID(), "DRAFT"), EDITOR);
        int opened = editor.latestRevision(id);
        PieceDraft colleague = PieceDraft.of(catalog.findById(id).orElseThrow(), java.time.ZoneId.of("UTC"));
        colleague.setBody("The colleague's correction.");
        editor.update(id, colleague, COLLEAGUE);

        PieceDraft mine = PieceDraft.of(catalog.findById(id).orElseThrow(), java.time.ZoneId.of("UTC"));
        mine.setBody("My older text.");
        mine.setBaseRevision(Integer.toString(opened));
        assertThatThrownBy(() -> editor.update(id, mine, EDITOR))
                .isInstanceOfSatisfying(
                        InvalidPiece.class, e -> assertThat(e.errors().get("baseRevision"))
                                .contains(COLLEAGUE)
                                .contains("revision 2"));
        assertThat(catalog.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("The colleague's correction.");

        mine.setBaseRevision(Integer.toString(editor.latestRevision(id))); // having seen theirs
        editor.update(id, mine, EDITOR);
        assertThat(catalog.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("My older text.");

        // One's own save in another tab is no conflict.
        PieceDraft otherTab = PieceDraft.of(catalog.findById(id).orElseThrow(), java.time.ZoneId.of("UTC"));
        otherTab.setBaseRevision("1");
        otherTab.setBody("From my other tab.");
        assertThatThrownBy(() -> editor.update(id, otherTab, EDITOR))
                .isInstanceOf(InvalidPiece.class); // rev 2 is the colleague's
        otherTab.setBaseRevision("3");
        editor.update(id, otherTab, EDITOR);
        PieceDraft again = PieceDraft.of(catalog.findById(id).orElseThrow(), java.time.ZoneId.of("UTC"));
        again.setBaseRevision("3");
        again.setBody("Saved again from the first tab.");
        editor.update(id, again, EDITOR);
        assertThat(catalog.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("Saved again from the first tab.");
    }

    @Test
    void theAutosaveEndpointNeedsAnEditorAndATokenAndReportsAColleaguesSave() throws Exception {
        long id = editor.create(draft("Endpoint " + UUID.randomUUID(), "DRAFT"), COLLEAGUE);
        var ed = user(EDITOR).roles("EDITOR");
        mvc.perform(post("/newsroom/pieces/" + id + "/autosave").with(ed).param("body", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/newsroom/pieces/" + id + "/autosave")
                        .with(user("reader@example.org").roles("MEMBER"))
                        .with(csrf())
                        .param("body", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/newsroom/pieces/987654321/autosave")
                        .with(ed)
                        .with(csrf())
                        .param("body", "x"))
                .andExpect(status().isNotFound());

        String fresh = mvc.perform(post("/newsroom/pieces/" + id + "/autosave")
                        .with(ed)
                        .with(csrf())
                        .param("headline", "Endpoint")
                        .param("body", "Kept text")
                        .param("baseRevision", "1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fresh).contains("\"saved\":\"").doesNotContain("newer");

        PieceDraft theirs = PieceDraft.of(catalog.findById(id).orElseThrow(), java.time.ZoneId.of("UTC"));
        theirs.setBody("Their save.");
        editor.update(id, theirs, COLLEAGUE);
        String stale = mvc.perform(post("/newsroom/pieces/" + id + "/autosave")
                        .with(ed)
                        .with(csrf())
                        .param("headline", "Endpoint")
                        .param("body", "Kept text, later")
                        .param("baseRevision", "1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(stale).contains("\"newer\":\"" + COLLEAGUE + " saved this piece");
        assertThat(catalog.findById(id).orElseThrow().bodyMarkdown()).isEqualTo("Their save.");

        // Reopening the piece restores the kept text and warns that it was typed over an older revision.
        String form = mvc.perform(get("/newsroom/pieces/" + id).with(ed))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(form);
        assertThat(page.selectFirst("#body").text()).isEqualTo("Kept text, later");
        assertThat(page.selectFirst("#restored").text())
                .contains("unsaved changes are back")
                .contains("revision 2 by " + COLLEAGUE);
        assertThat(page.selectFirst("#baseRevision").val()).isEqualTo("1");

        mvc.perform(post("/newsroom/pieces/" + id + "/autosave/discard")
                        .with(ed)
                        .with(csrf()))
                .andExpect(redirectedUrl("/newsroom/pieces/" + id));
        assertThat(Jsoup.parse(mvc.perform(get("/newsroom/pieces/" + id).with(ed))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .selectFirst("#body")
                        .text())
                .isEqualTo("Their save.");
    }

    @Test
    void aRefusedSaveKeepsWhatWasTypedAcrossReloads() throws Exception {
        var ed = user(EDITOR + ".refused").roles("EDITOR");
        MvcResult refused = mvc.perform(post("/newsroom/pieces")
                        .with(ed)
                        .with(csrf())
                        .param("headline", " ")
                        .param("body", "Three paragraphs typed with care.")
                        .param("kind", "NEWS")
                        .param("status", "DRAFT")
                        .param("accessLevel", "PUBLIC"))
                .andExpect(redirectedUrl("/newsroom/pieces/new"))
                .andReturn();
        // followed as a browser does, with the session cookie the refusal set (sessions are rows: Spring Session JDBC)
        String shown = mvc.perform(get("/newsroom/pieces/new")
                        .with(ed)
                        .cookie(refused.getResponse().getCookie("JSESSIONID")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(shown).selectFirst("#form-errors").text()).contains("Write a headline.");
        assertThat(Jsoup.parse(shown).selectFirst("#body").text()).isEqualTo("Three paragraphs typed with care.");
        // A reload (no flash any more) still shows the typed text, not an error page.
        String reloaded = mvc.perform(get("/newsroom/pieces/new").with(ed))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(reloaded).selectFirst("#body").text()).isEqualTo("Three paragraphs typed with care.");
        mvc.perform(get("/newsroom/pieces").with(ed)).andExpect(redirectedUrl("/newsroom"));

        // Saving it for real forgets the kept text: the next new piece starts empty.
        mvc.perform(post("/newsroom/pieces")
                        .with(ed)
                        .with(csrf())
                        .param("headline", "Now with a headline " + UUID.randomUUID())
                        .param("body", "Three paragraphs typed with care.")
                        .param("kind", "NEWS")
                        .param("status", "DRAFT")
                        .param("accessLevel", "PUBLIC"))
                .andExpect(status().is3xxRedirection());
        assertThat(Jsoup.parse(mvc.perform(get("/newsroom/pieces/new").with(ed))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .selectFirst("#body")
                        .text())
                .isEmpty();
    }

    // --- slugs, lead story, photos in the body --------------------------------------------

    @Test
    void headlinesInAnyScriptSaveWithAReadableAddress() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long arabic = editor.create(draft("قصف على حلب الشرقية " + tag, "PUBLISHED"), EDITOR);
        Piece p = catalog.findById(arabic).orElseThrow();
        assertThat(p.slug()).startsWith("qsf-ly-hlb-alshrqyt-");
        assertThat(fetch(p.path()).statusCode()).isEqualTo(200);
        long russian = editor.create(draft("Обстрел Харькова " + tag, "DRAFT"), EDITOR);
        assertThat(catalog.findById(russian).orElseThrow().slug()).startsWith("obstrel-harkova-");
        long emoji = editor.create(draft("🔥🔥", "DRAFT"), EDITOR);
        assertThat(catalog.findById(emoji).orElseThrow().slug()).isEqualTo("piece-" + emoji);
    }

    @Test
    void theChosenLeadStoryLeadsTheHomePageWhileItIsLive() {
        jdbc.sql("DELETE FROM home_lead").update(); // whatever another test chose
        long older = editor.create(draft("Older analysis " + UUID.randomUUID(), "PUBLISHED"), EDITOR);
        clock.advance(java.time.Duration.ofMinutes(5));
        long newer = editor.create(draft("Newest news " + UUID.randomUUID(), "PUBLISHED"), EDITOR);
        assertThat(homeLead()).isEqualTo(catalog.findById(newer).orElseThrow().headline());

        PieceDraft choose = PieceDraft.of(catalog.findById(older).orElseThrow(), java.time.ZoneId.of("UTC"));
        choose.setLeadStory(true);
        editor.update(older, choose, EDITOR);
        assertThat(catalog.homeLeadId()).contains(older);
        assertThat(homeLead()).isEqualTo(catalog.findById(older).orElseThrow().headline());
        assertThat(latestHeadlines())
                .doesNotContain(catalog.findById(older).orElseThrow().headline()); // not twice

        // Unpublished, it cannot lead: the newest piece does, and the choice stays for when it is back.
        editor.unpublish(older, EDITOR);
        assertThat(homeLead()).isEqualTo(catalog.findById(newer).orElseThrow().headline());
        assertThat(catalog.homeLeadId()).contains(older);

        // Choosing another replaces the choice; unticking it gives the home page back to the newest.
        PieceDraft other = PieceDraft.of(catalog.findById(newer).orElseThrow(), java.time.ZoneId.of("UTC"));
        other.setLeadStory(true);
        editor.update(newer, other, EDITOR);
        assertThat(catalog.homeLeadId()).contains(newer);
        other.setLeadStory(false);
        editor.update(newer, other, EDITOR);
        assertThat(catalog.homeLeadId()).isEmpty();
    }

    @Test
    void aPhotoInTheBodyBecomesAFigureWithCaptionAndCreditAndCannotCarryMarkup() throws Exception {
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_CAPTION, "Smoke over <b>Layramoun</b> <script>alert(1)</script>")
                .add(IptcDirectory.TAG_CREDIT, "REUTERS")
                .add(IptcDirectory.TAG_BY_LINE, "Staff \"Photographer\"")
                .bytes();
        Photo photo = photos.upload(WirePhotos.jpegWith(1200, 800, iptc, null), "wire.jpg");
        PieceDraft d = draft("Photo in body " + UUID.randomUUID(), "PUBLISHED");
        d.setBody("Before.\n\n[[photo:" + photo.id() + "]]\n\nBetween.\n\n[[photo:" + photo.id()
                + "|Our <img src=x onerror=alert(2)> caption]]\n\n" + "[[photo:99999999]]\n\n`[[photo:" + photo.id()
                + "]]` in code stays code.");
        long id = editor.create(d, EDITOR);
        Piece p = catalog.findById(id).orElseThrow();

        Document article = Jsoup.parse(fetch(p.path()).body());
        var figures = article.select(".body figure.body-photo");
        assertThat(figures).hasSize(2);
        Element first = figures.get(0);
        assertThat(first.selectFirst("img").attr("src"))
                .isEqualTo("/media/" + photo.renditions().get(2).fileName()); // 1024 wide
        assertThat(first.selectFirst("img").attr("srcset")).contains("320w").contains("1024w");
        assertThat(first.selectFirst("figcaption .caption").text())
                .isEqualTo("Smoke over <b>Layramoun</b> <script>alert(1)</script>");
        assertThat(first.selectFirst("figcaption .credit").text()).isEqualTo("Photo: REUTERS/Staff \"Photographer\"");
        // Markup typed in a caption override is cleaned away with the rest of the body's HTML, never made live.
        assertThat(figures.get(1).selectFirst(".caption").text()).isEqualTo("Our caption");
        assertThat(figures.get(1).select("img")).hasSize(1);
        assertThat(article.select(".body script, .body b, .body [onerror]")).isEmpty();
        assertThat(article.selectFirst(".body").text())
                .contains("[[photo:99999999]]"); // an unknown photo stays visible
        assertThat(article.selectFirst(".body code").text()).isEqualTo("[[photo:" + photo.id() + "]]");
    }

    @Test
    void thePreviewIsTheSitesRenderingBehindTheEditorRole() throws Exception {
        var ed = user(EDITOR).roles("EDITOR");
        String html = mvc.perform(
                        post("/newsroom/preview")
                                .with(ed)
                                .with(csrf())
                                .param(
                                        "body",
                                        "**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("<strong>Bold</strong>").doesNotContain("<script", "onerror", "javascript:");
        mvc.perform(post("/newsroom/preview").with(ed).param("body", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/newsroom/preview")
                        .with(user("reader@example.org").roles("MEMBER"))
                        .with(csrf())
                        .param("body", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/newsroom/preview").with(ed).with(csrf()).param("body", "x".repeat(900_001)))
                .andExpect(status().isPayloadTooLarge());
    }

    // --- helpers ---------------------------------------------------------------------------

    HttpResponse<String> fetch(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    String homeLead() {
        try {
            return Jsoup.parse(fetch("/").body())
                    .selectFirst(".lead .teaser-headline")
                    .text();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    java.util.List<String> latestHeadlines() {
        try {
            return Jsoup.parse(fetch("/").body())
                    .select(".latest .teaser-headline")
                    .eachText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
