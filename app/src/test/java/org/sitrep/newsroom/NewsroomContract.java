package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.drew.metadata.iptc.IptcDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sitrep.common.SitrepProperties;
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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The newsroom end to end on a real database: editing, slugs, revisions, scheduling against a
 * movable clock, photos, sample content, bad input, sign-in and the editor's pages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.servlet.multipart.max-file-size=1MB",
            "spring.servlet.multipart.max-request-size=2MB",
            "sitrep.scheduler.initial-delay=1h"
        })
@AutoConfigureMockMvc
@Import(NewsroomContract.Fixtures.class)
abstract class NewsroomContract {
    static final String EDITOR = "desk@example.org";
    static final String EDITOR_PASSWORD = "correct horse battery";

    @TestConfiguration
    static class Fixtures {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-07-01T09:00:37Z"));
        }

        @Bean
        ChangeLog changeLog() {
            return new ChangeLog();
        }
    }

    /** Records every PieceChanged, to prove they are announced (and only after commit). */
    static class ChangeLog {
        final List<Long> ids = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PieceChanged e) {
            ids.add(e.pieceId());
        }
    }

    @Autowired
    PieceEditor editor;

    @Autowired
    PieceCatalog catalog;

    @Autowired
    PhotoLibrary photos;

    @Autowired
    AuthorDesk authors;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Clock injectedClock;

    @Autowired
    ChangeLog changes;

    @Autowired
    SitrepProperties properties;

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    static PieceDraft draft(String headline) {
        PieceDraft d = new PieceDraft();
        d.setHeadline(headline);
        d.setStandfirst("A standfirst.");
        d.setBody("Fighting resumed in **Zahraa** in the past few days.");
        d.setKind("NEWS");
        d.setSection("Syria");
        d.setTags("Aleppo, Front lines");
        return d;
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    // --- editing --------------------------------------------------------------------------

    @Test
    void savesAPieceWithSanitisedBodyTagsAndBylineAndAnnouncesIt() {
        long authorA =
                authors.save(null, "Test Writer " + UUID.randomUUID().toString().substring(0, 6), "", "Bio.", "");
        long authorB = authors.save(
                null, "Second Writer " + UUID.randomUUID().toString().substring(0, 6), "", null, "");
        String slugA = authors.find(authorA).orElseThrow().slug();
        String slugB = authors.find(authorB).orElseThrow().slug();
        PieceDraft d = draft("Rebels attack Air Force Intelligence building");
        d.setBody("Report <script>alert('x')</script> and <img src=x onerror=alert(1)> [bad](javascript:alert(2))");
        d.setTags("Aleppo, aleppo, Jabhat al-Nusra");
        d.setAuthors(slugB + ", " + slugA);
        int before = changes.ids.size();
        long id = editor.create(d, EDITOR);

        Piece p = catalog.findById(id).orElseThrow();
        assertThat(p.slug()).isEqualTo("rebels-attack-air-force-intelligence-building");
        assertThat(p.bodyHtml()).contains("Report").doesNotContain("<script", "onerror", "javascript:");
        assertThat(p.bodyMarkdown()).contains("<script>"); // what the editor wrote is kept as written
        assertThat(p.tags()).extracting(Tag::slug).containsExactlyInAnyOrder("aleppo", "jabhat-al-nusra");
        assertThat(p.authors()).extracting(Author::id).containsExactly(authorB, authorA);
        assertThat(p.status()).isEqualTo(PieceStatus.DRAFT);
        assertThat(catalog.findLive(PieceKind.NEWS, p.slug())).isEmpty();
        assertThat(changes.ids.subList(before, changes.ids.size())).containsExactly(id);
    }

    @Test
    void duplicateHeadlinesGetUniqueSlugsAndATakenSlugIsAClearError() {
        String headline = "Clashes near Marib " + UUID.randomUUID().toString().substring(0, 8);
        long first = editor.create(draft(headline), EDITOR);
        long second = editor.create(draft(headline), EDITOR);
        long third = editor.create(draft(headline), EDITOR);
        String slug = catalog.findById(first).orElseThrow().slug();
        assertThat(catalog.findById(second).orElseThrow().slug()).isEqualTo(slug + "-2");
        assertThat(catalog.findById(third).orElseThrow().slug()).isEqualTo(slug + "-3");

        PieceDraft taken = draft("Something else entirely");
        taken.setSlug(slug);
        long pieces = count("pieces");
        assertThatThrownBy(() -> editor.create(taken, EDITOR))
                .isInstanceOfSatisfying(
                        InvalidPiece.class,
                        e -> assertThat(e.errors().get("slug")).contains(slug).contains("already used"));
        assertThatThrownBy(() -> editor.update(second, taken, EDITOR)).isInstanceOf(InvalidPiece.class);
        assertThat(count("pieces")).isEqualTo(pieces);

        // The slug stays put when the headline changes.
        PieceDraft renamed = PieceDraft.of(catalog.findById(first).orElseThrow(), properties.zone());
        renamed.setHeadline("A completely new headline");
        editor.update(first, renamed, EDITOR);
        assertThat(catalog.findById(first).orElseThrow().slug()).isEqualTo(slug);
    }

    @Test
    void everySaveIsARevisionAndARevisionCanBeRestored() {
        long id = editor.create(draft("First headline " + UUID.randomUUID()), "a@example.org");
        PieceDraft second = PieceDraft.of(catalog.findById(id).orElseThrow(), properties.zone());
        second.setHeadline("Second headline");
        second.setBody("Rewritten body.");
        editor.update(id, second, "b@example.org");

        List<Revision> revisions = editor.revisions(id);
        assertThat(revisions).extracting(Revision::number).containsExactly(2, 1);
        assertThat(revisions.get(0).editedBy()).isEqualTo("b@example.org");
        assertThat(revisions.get(1).headline()).startsWith("First headline");

        editor.restore(id, 1, "c@example.org");
        Piece restored = catalog.findById(id).orElseThrow();
        assertThat(restored.headline()).startsWith("First headline");
        assertThat(restored.bodyHtml()).contains("<strong>Zahraa</strong>");
        assertThat(editor.revisions(id)).extracting(Revision::number).containsExactly(3, 2, 1);
    }

    @Test
    void badInputIsRefusedWithMessagesAndNothingIsStored() {
        long pieces = count("pieces"), tags = count("tags"), revisions = count("piece_revisions");
        PieceDraft d = draft("   ");
        d.setKind("OPINION");
        d.setPublishAt("31/02/2026 25:99");
        d.setTags("Brand new tag " + UUID.randomUUID());
        d.setAuthors("nobody-by-this-name");
        d.setLeadPhotoId("999999");
        d.setAccessLevel("everyone");
        assertThatThrownBy(() -> editor.create(d, EDITOR))
                .isInstanceOfSatisfying(InvalidPiece.class, e -> assertThat(e.errors())
                        .containsKeys("headline", "kind", "publishAt", "authors", "leadPhotoId", "accessLevel"));

        PieceDraft scheduledWithoutTime = draft("Scheduled without a time");
        scheduledWithoutTime.setStatus("SCHEDULED");
        assertThatThrownBy(() -> editor.create(scheduledWithoutTime, EDITOR))
                .isInstanceOfSatisfying(
                        InvalidPiece.class, e -> assertThat(e.errors()).containsOnlyKeys("publishAt"));

        PieceDraft impossibleDate = draft("Impossible date");
        impossibleDate.setPublishAt("2026-02-30T10:00");
        assertThatThrownBy(() -> editor.create(impossibleDate, EDITOR)).isInstanceOf(InvalidPiece.class);

        assertThat(count("pieces")).isEqualTo(pieces);
        assertThat(count("tags")).isEqualTo(tags);
        assertThat(count("piece_revisions")).isEqualTo(revisions);
    }

    @Test
    void aFailureMidwayRollsBackThePieceItsTagsAndItsEvent() {
        long pieces = count("pieces"), tags = count("tags");
        int events = changes.ids.size();
        PieceDraft d = draft("Half-saved piece " + UUID.randomUUID());
        d.setTags("Rollback tag " + UUID.randomUUID());
        // The piece and its new tag are written before the revision, whose editor column this overflows.
        String tooLongEditor = "x".repeat(400);
        assertThatThrownBy(() -> editor.create(d, tooLongEditor)).isInstanceOf(RuntimeException.class);
        assertThat(count("pieces")).isEqualTo(pieces);
        assertThat(count("tags")).isEqualTo(tags);
        assertThat(changes.ids).hasSize(events);
    }

    // --- time -----------------------------------------------------------------------------

    @Test
    void publishTimeIsEnteredInThePublicationZoneAndStoredInUtc() {
        assertThat(properties.zone().getId()).isEqualTo("Asia/Beirut");
        PieceDraft d = draft("Zone test " + UUID.randomUUID());
        d.setStatus("PUBLISHED");
        d.setPublishAt("2026-01-15T14:30"); // winter: Beirut is UTC+2
        long id = editor.create(d, EDITOR);
        Piece p = catalog.findById(id).orElseThrow();
        assertThat(p.publishAt()).isEqualTo(Instant.parse("2026-01-15T12:30:00Z"));
        OffsetDateTime stored = jdbc.sql("SELECT publish_at FROM pieces WHERE id = :id")
                .param("id", id)
                .query(OffsetDateTime.class)
                .single();
        assertThat(stored.toInstant()).isEqualTo(Instant.parse("2026-01-15T12:30:00Z"));
        assertThat(PieceDraft.of(p, properties.zone()).getPublishAt()).isEqualTo("2026-01-15T14:30");

        PieceDraft summer = PieceDraft.of(p, properties.zone());
        summer.setPublishAt("2026-06-15 14:30"); // summer: UTC+3; a space instead of T is accepted
        editor.update(id, summer, EDITOR);
        assertThat(catalog.findById(id).orElseThrow().publishAt()).isEqualTo(Instant.parse("2026-06-15T11:30:00Z"));
        assertThat(catalog.findById(id).orElseThrow().firstPublishedAt())
                .isEqualTo(Instant.parse("2026-01-15T12:30:00Z"));
    }

    @Test
    void aScheduledPieceGoesLiveWhenItsTimeComesWithoutARestart() {
        assertThat(injectedClock).isSameAs(clock);
        PieceDraft d = draft("Scheduled piece " + UUID.randomUUID());
        d.setStatus("SCHEDULED");
        d.setPublishAt(PieceDraft.LOCAL_INPUT.format(
                clock.instant().plus(Duration.ofHours(2)).atZone(properties.zone())));
        long id = editor.create(d, EDITOR);
        Piece p = catalog.findById(id).orElseThrow();
        assertThat(p.status()).isEqualTo(PieceStatus.SCHEDULED);
        assertThat(catalog.findLive(PieceKind.NEWS, p.slug())).isEmpty();
        assertThat(editor.publishDue()).isZero();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(catalog.findLive(PieceKind.NEWS, p.slug())).isPresent(); // live on the second
        int events = changes.ids.size();
        assertThat(editor.publishDue()).isGreaterThanOrEqualTo(1);
        Piece live = catalog.findById(id).orElseThrow();
        assertThat(live.status()).isEqualTo(PieceStatus.PUBLISHED);
        assertThat(live.firstPublishedAt()).isEqualTo(p.publishAt());
        assertThat(changes.ids.subList(events, changes.ids.size())).contains(id);
        assertThat(editor.publishDue()).isZero();
    }

    @Test
    void publishedWithAFutureTimeIsScheduledAndUnpublishTakesItDown() {
        PieceDraft d = draft("Future published " + UUID.randomUUID());
        d.setStatus("PUBLISHED");
        d.setPublishAt(PieceDraft.LOCAL_INPUT.format(
                clock.instant().plus(Duration.ofDays(1)).atZone(properties.zone())));
        long id = editor.create(d, EDITOR);
        assertThat(catalog.findById(id).orElseThrow().status()).isEqualTo(PieceStatus.SCHEDULED);

        PieceDraft now = draft("Published now " + UUID.randomUUID());
        now.setStatus("PUBLISHED");
        long live = editor.create(now, EDITOR);
        Piece p = catalog.findById(live).orElseThrow();
        assertThat(p.publishAt()).isEqualTo(clock.instant());
        PieceDraft resaved = PieceDraft.of(p, properties.zone()); // the form shows minutes only
        resaved.setStandfirst("Edited standfirst.");
        editor.update(live, resaved, EDITOR);
        assertThat(catalog.findById(live).orElseThrow().publishAt()).isEqualTo(p.publishAt());
        assertThat(catalog.findLive(PieceKind.NEWS, p.slug())).isPresent();
        editor.unpublish(live, EDITOR);
        assertThat(catalog.findLive(PieceKind.NEWS, p.slug())).isEmpty();
        assertThat(catalog.findById(live).orElseThrow().status()).isEqualTo(PieceStatus.UNPUBLISHED);
    }

    // --- photos ---------------------------------------------------------------------------

    @Test
    void uploadReadsIptcAndWritesRenditionsThatAreNeverUpscaled() throws Exception {
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_CAPTION, "Smoke over Layramoun")
                .add(IptcDirectory.TAG_CREDIT, "REUTERS")
                .add(IptcDirectory.TAG_BY_LINE, "Staff Photographer")
                .add(IptcDirectory.TAG_OBJECT_NAME, "SYRIA-CRISIS/ALEPPO")
                .add(IptcDirectory.TAG_KEYWORDS, "Aleppo")
                .bytes();
        Photo big = photos.upload(WirePhotos.jpegWith(1700, 1000, iptc, null), "wire.jpg");
        assertThat(big.caption()).isEqualTo("Smoke over Layramoun");
        assertThat(big.credit()).isEqualTo("REUTERS/Staff Photographer");
        assertThat(big.pictureId()).isEqualTo("SYRIA-CRISIS/ALEPPO");
        assertThat(big.keywords()).containsExactly("Aleppo");
        assertThat(big.contentType()).isEqualTo("image/jpeg");
        assertThat(big.renditions()).extracting(Photo.Rendition::width).containsExactly(320, 640, 1024, 1600);
        for (Photo.Rendition r : big.renditions()) {
            BufferedImage img =
                    ImageIO.read(properties.mediaDir().resolve(r.fileName()).toFile());
            assertThat(img.getWidth()).isEqualTo(r.width());
            assertThat(img.getHeight()).isEqualTo(r.height()).isEqualTo(Math.round(1000f * r.width() / 1700));
        }
        assertThat(Files.exists(properties.mediaDir().resolve(big.url().substring("/media/".length()))))
                .isTrue();
        assertThat(big.srcset()).contains("-320.jpg 320w").contains("-1600.jpg 1600w");

        Photo small = photos.upload(WirePhotos.png(500, 300), "small.png");
        assertThat(small.contentType()).isEqualTo("image/png");
        assertThat(small.renditions()).extracting(Photo.Rendition::width).containsExactly(320);
        Photo tiny = photos.upload(WirePhotos.jpeg(120, 80), "tiny.jpg");
        assertThat(tiny.renditions()).extracting(Photo.Rendition::width).containsExactly(120);

        Photo sideways = photos.upload(WirePhotos.jpegWithOrientation(400, 200, 6), "phone.jpg");
        assertThat(sideways.width()).isEqualTo(200);
        assertThat(sideways.height()).isEqualTo(400);
        assertThat(sideways.renditions()).extracting(Photo.Rendition::height).containsExactly(400);

        photos.describe(big.id(), "Edited caption", "AFP", "X1", "Aleppo, Zahraa", "Smoke above buildings");
        Photo edited = photos.find(big.id()).orElseThrow();
        assertThat(edited.caption()).isEqualTo("Edited caption");
        assertThat(edited.keywords()).containsExactly("Aleppo", "Zahraa");
    }

    @Test
    void badUploadsAreRefusedAndLeaveNothingBehind() throws Exception {
        long photoRows = count("photos");
        long files;
        try (var s = Files.list(properties.mediaDir())) {
            files = s.count();
        }
        byte[] good = WirePhotos.jpeg(800, 600);
        byte[] garbage = new byte[5000];
        new java.util.Random(3).nextBytes(garbage);
        List<byte[]> bad = List.of(
                new byte[0],
                garbage,
                WirePhotos.pngClaiming(100_000, 100_000),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(good, good.length / 3),
                Arrays.copyOf(good, 40),
                WirePhotos.gif(50, 50),
                new byte[(int) photos.maxBytes() + 1]);
        for (byte[] b : bad) {
            assertThatThrownBy(() -> photos.upload(b, "x.jpg"))
                    .isInstanceOf(PhotoRejected.class)
                    .hasMessageNotContaining("Exception");
        }
        assertThat(count("photos")).isEqualTo(photoRows);
        try (var s = Files.list(properties.mediaDir())) {
            assertThat(s.count()).isEqualTo(files);
        }
    }

    // --- sample content -------------------------------------------------------------------

    @Test
    void sampleContentIsLoadedOnFirstStartAndLabelled() {
        record KindCount(String kind, long n) {}
        List<KindCount> kinds = jdbc.sql("SELECT kind, COUNT(*) FROM pieces WHERE sample = TRUE GROUP BY kind")
                .query((rs, n) -> new KindCount(rs.getString(1), rs.getLong(2)))
                .list();
        assertThat(kinds).extracting(KindCount::kind).containsExactlyInAnyOrder("NEWS", "ANALYSIS", "MEMO", "REPORT");
        assertThat(kinds).allSatisfy(k -> assertThat(k.n()).isGreaterThanOrEqualTo(3));
        List<Piece> samples = catalog.byIds(jdbc.sql("SELECT id FROM pieces WHERE sample = TRUE")
                .query(Long.class)
                .list());
        assertThat(samples).allSatisfy(p -> {
            assertThat(p.tags()).extracting(Tag::name).contains(SampleContent.TAG);
            // Translations say so in their own language (below).
            if (!p.isTranslation()) assertThat(p.bodyHtml()).contains("Sample content");
            assertThat(p.authors()).isNotEmpty();
            assertThat(p.leadPhoto().credit()).isEqualTo(SampleContent.CREDIT);
            assertThat(p.leadPhoto().renditions()).isNotEmpty();
            assertThat(Files.exists(properties
                            .mediaDir()
                            .resolve(p.leadPhoto().renditions().get(0).fileName())))
                    .isTrue();
        });
        assertThat(samples).anySatisfy(p -> assertThat(p.status()).isEqualTo(PieceStatus.SCHEDULED));
        Piece aleppo = samples.stream()
                .filter(p -> p.headline().contains("west Aleppo"))
                .findFirst()
                .orElseThrow();
        assertThat(aleppo.kind()).isEqualTo(PieceKind.ANALYSIS);
        assertThat(aleppo.bodyMarkdown())
                .contains(
                        "Zahraa",
                        "Layramoun",
                        "Jamiat al-Zahraa",
                        "Air Force Intelligence",
                        "Jabhat al-Nusra",
                        "Nusra Front",
                        "in late March",
                        "in the past few days");
        assertThat(aleppo.publishAt()).isEqualTo(Instant.parse("2014-04-30T08:00:00Z"));
        assertThat(aleppo.updatedAt()).isEqualTo(aleppo.publishAt()); // not "updated" on the day it was loaded
        // One analysis with its Arabic and Turkish translations, published with it, translators credited.
        Piece euphrates = samples.stream()
                .filter(p -> p.headline().startsWith("Why the Euphrates"))
                .findFirst()
                .orElseThrow();
        List<Piece> translations = catalog.translations(euphrates.id());
        assertThat(translations).extracting(Piece::language).containsExactly("ar", "tr");
        assertThat(translations).allSatisfy(t -> {
            assertThat(t.isLive(clock.instant())).isTrue();
            assertThat(t.publishAt()).isEqualTo(euphrates.publishAt());
            assertThat(t.translator()).isNotBlank();
            assertThat(t.leadPhoto().id()).isEqualTo(euphrates.leadPhoto().id());
            assertThat(t.leadPhoto().caption())
                    .isNotEqualTo(euphrates.leadPhoto().caption());
            assertThat(t.path()).startsWith("/" + t.language() + "/analysis/");
        });
        assertThat(translations.get(0).headline()).contains("الفرات");
        assertThat(translations.get(1).bodyHtml()).contains("Fırat");
        assertThat(catalog.findAuthor("rania-haddad")).hasValueSatisfying(a -> {
            assertThat(a.bio()).isNotBlank();
            assertThat(a.photo()).isNotNull();
        });
    }

    @Test
    void everyLivePieceIsStreamedOnceInBatches() {
        List<Long> live = catalog.latest(100_000, 0).stream().map(Piece::id).toList();
        assertThat(live).hasSizeGreaterThan(8);
        List<Integer> sizes = new java.util.ArrayList<>();
        List<Long> streamed = new java.util.ArrayList<>();
        catalog.forEachLive(4, batch -> {
            sizes.add(batch.size());
            batch.forEach(p -> streamed.add(p.id()));
        });
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(live);
        assertThat(sizes).hasSizeGreaterThan(2).allSatisfy(n -> assertThat(n).isBetween(1, 4));
    }

    // --- accounts -------------------------------------------------------------------------

    @Test
    void adminAccountsAreCreatedOrResetAndWeakInputRefused() {
        String email = "Admin-" + UUID.randomUUID().toString().substring(0, 6) + "@Example.org";
        accounts.createOrResetAdmin(email, "first long passphrase");
        assertThat(accounts.passwordMatches(email.toLowerCase(), "first long passphrase"))
                .isTrue();
        accounts.createOrResetAdmin(email.toLowerCase(), "second long passphrase");
        assertThat(accounts.passwordMatches(email, "first long passphrase")).isFalse();
        assertThat(accounts.passwordMatches(email, "second long passphrase")).isTrue();
        assertThat(accounts.findByEmail(email).orElseThrow().role().name()).isEqualTo("ADMIN");
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE email = :e")
                        .param("e", email.toLowerCase())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}");
        assertThatThrownBy(() -> accounts.createOrResetAdmin("not-an-email", "long enough password"))
                .isInstanceOf(UserAccounts.AccountProblem.class);
        assertThatThrownBy(() -> accounts.createOrResetAdmin("a@example.org", "short"))
                .isInstanceOf(UserAccounts.AccountProblem.class);
    }

    // --- web ------------------------------------------------------------------------------

    void ensureEditor() {
        if (accounts.findByEmail(EDITOR).isEmpty()) {
            accounts.create(EDITOR, "Desk Editor", EDITOR_PASSWORD, org.sitrep.members.Role.EDITOR);
        }
    }

    @Test
    void signInGuardsTheNewsroomWithoutRevealingWhichEmailsExist() throws Exception {
        ensureEditor();
        mvc.perform(get("/newsroom"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/signin"));
        mvc.perform(get("/signin"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("<label for=\"username\">Email</label>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(formLogin("/signin").user(EDITOR).password("wrong password"))
                .andExpect(redirectedUrl("/signin?error"));
        mvc.perform(formLogin("/signin").user("nobody@example.org").password("wrong password"))
                .andExpect(redirectedUrl("/signin?error"));
        String page = mvc.perform(get("/signin").param("error", ""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("The email or password is not right");
        mvc.perform(formLogin("/signin").user(EDITOR).password(EDITOR_PASSWORD)).andExpect(redirectedUrl("/newsroom"));
        mvc.perform(get("/newsroom").with(user("member@example.org").roles("MEMBER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/staff").with(user(EDITOR).roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/staff").with(user("boss@example.org").roles("ADMIN")))
                .andExpect(status().isOk());
    }

    @Test
    void anAdminAddsEditorsAndAnyoneCanSignOut() throws Exception {
        var admin = user("chief@example.org").roles("ADMIN");
        String email = "new-editor-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        mvc.perform(post("/admin/staff")
                        .with(admin)
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "New Editor")
                        .param("password", "a long enough passphrase")
                        .param("role", "EDITOR"))
                .andExpect(redirectedUrl("/admin/staff"));
        assertThat(accounts.findByEmail(email))
                .hasValueSatisfying(a -> assertThat(a.role().name()).isEqualTo("EDITOR"));
        mvc.perform(post("/admin/staff")
                        .with(admin)
                        .with(csrf())
                        .param("email", email)
                        .param("password", "a long enough passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already exists")));
        mvc.perform(post("/admin/staff")
                        .with(admin)
                        .with(csrf())
                        .param("email", "x" + email)
                        .param("password", "short"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at least 10 characters")));
        assertThat(accounts.findByEmail("x" + email)).isEmpty();
        mvc.perform(formLogin("/signin").user(email).password("a long enough passphrase"))
                .andExpect(redirectedUrl("/newsroom"));
        mvc.perform(post("/signout").with(user(email).roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void anEditorWritesPreviewsAndRestoresThroughTheForms() throws Exception {
        var ed = user(EDITOR).roles("EDITOR");
        mvc.perform(get("/newsroom").with(ed))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Pieces")));
        mvc.perform(get("/newsroom/pieces/new").with(ed)).andExpect(status().isOk());
        while (count("pieces") <= NewsroomController.DESK_PAGE)
            editor.create(draft("Filler " + UUID.randomUUID()), EDITOR);
        String first =
                mvc.perform(get("/newsroom").with(ed)).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/newsroom").with(ed).param("page", "2"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(first).contains("Older pieces").doesNotContain("Newer pieces");
        assertThat(second).contains("Newer pieces").contains("Page 2");
        assertThat(countMatches(first, "/preview\"")).isEqualTo(NewsroomController.DESK_PAGE);
        mvc.perform(get("/newsroom").with(ed).param("page", "nonsense")).andExpect(status().isOk());
        String headline = "Form piece " + UUID.randomUUID();
        mvc.perform(post("/newsroom/pieces")
                        .with(ed)
                        .param("headline", headline)
                        .param("kind", "MEMO")
                        .param("body", "x"))
                .andExpect(status().isForbidden()); // no CSRF token
        MvcResult created = mvc.perform(post("/newsroom/pieces")
                        .with(ed)
                        .with(csrf())
                        .param("headline", headline)
                        .param("standfirst", "Standfirst here")
                        .param("kind", "MEMO")
                        .param("section", "Lebanon")
                        .param("tags", "Beirut")
                        .param("accessLevel", "PUBLIC")
                        .param("status", "DRAFT")
                        .param("body", "Body with <iframe src=\"https://x.example\"></iframe> text"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/newsroom/pieces/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String preview = mvc.perform(get(location + "/preview").with(ed))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview).contains(headline).contains("Standfirst here").doesNotContain("<iframe");

        // A refused save redirects back to the form, which shows the messages and what was typed (post/redirect/get).
        MvcResult refused = mvc.perform(post(location)
                        .with(ed)
                        .with(csrf())
                        .param("headline", "")
                        .param("kind", "PODCAST")
                        .param("status", "SCHEDULED")
                        .param("publishAt", "tomorrow-ish")
                        .param("accessLevel", "PUBLIC"))
                .andExpect(redirectedUrl(location))
                .andReturn();
        // The redirect is followed as a browser does, with the session cookie the refusal set: sessions are rows
        // (Spring Session JDBC), so the messages travel in the session, not in MockMvc's own.
        String invalid = mvc.perform(
                        get(location).with(ed).cookie(refused.getResponse().getCookie("JSESSIONID")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(invalid)
                .contains("Write a headline.")
                .contains("Choose news, analysis, memo or report.")
                .contains("Enter the publish time")
                .contains("tomorrow-ish");
        assertThat(catalog.findById(id).orElseThrow().headline()).isEqualTo(headline);

        mvc.perform(post(location)
                        .with(ed)
                        .with(csrf())
                        .param("headline", headline + " (updated)")
                        .param("kind", "MEMO")
                        .param("status", "DRAFT")
                        .param("accessLevel", "PUBLIC")
                        .param("body", "New body"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location + "/revisions").with(ed))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(headline + " (updated)")));
        mvc.perform(get(location + "/revisions/1").with(ed)).andExpect(status().isOk());
        String changed = mvc.perform(get(location + "/revisions/2").with(ed))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(changed)
                .contains("What this save changed")
                .containsPattern(
                        "<del class=\"line removed\"><span class=\"visually-hidden\">Removed: </span><span>Body with &lt;iframe") // escaped, never markup
                .containsPattern(
                        "<ins class=\"line added\"><span class=\"visually-hidden\">Added: </span><span>New body</span>");
        mvc.perform(post(location + "/revisions/1/restore").with(ed).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.findById(id).orElseThrow().headline()).isEqualTo(headline);
        mvc.perform(get("/newsroom/pieces/987654321").with(ed)).andExpect(status().isNotFound());

        mvc.perform(post(location)
                        .with(ed)
                        .with(csrf())
                        .param("headline", headline)
                        .param("kind", "MEMO")
                        .param("status", "PUBLISHED")
                        .param("accessLevel", "PUBLIC")
                        .param("body", "Live body"))
                .andExpect(status().is3xxRedirection());
        Piece published = catalog.findById(id).orElseThrow();
        assertThat(catalog.findLive(PieceKind.MEMO, published.slug())).isPresent();
        assertThat(mvc.perform(get(location).with(ed)).andReturn().getResponse().getContentAsString())
                .contains("Unpublish");
        mvc.perform(post(location + "/unpublish").with(ed).with(csrf())).andExpect(redirectedUrl(location));
        assertThat(catalog.findLive(PieceKind.MEMO, published.slug())).isEmpty();
        assertThat(catalog.findById(id).orElseThrow().status()).isEqualTo(PieceStatus.UNPUBLISHED);
        mvc.perform(get("/newsroom").with(ed).param("status", "unpublished"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(headline)));
    }

    @Test
    void photoAndAuthorFormsWork() throws Exception {
        var ed = user(EDITOR).roles("EDITOR");
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_CAPTION, "Caption from the wire")
                .add(IptcDirectory.TAG_CREDIT, "AFP")
                .bytes();
        MvcResult up = mvc.perform(multipart("/newsroom/photos")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "wire.jpg", "image/jpeg", WirePhotos.jpegWith(700, 400, iptc, null)))
                        .with(ed)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String photoPage = mvc.perform(get(up.getResponse().getRedirectedUrl()).with(ed))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(photoPage).contains("Caption from the wire").contains("value=\"AFP\"");

        String refused = mvc.perform(multipart("/newsroom/photos")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file",
                                "evil.jpg",
                                "image/jpeg",
                                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .with(ed)
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("not a JPEG or PNG").doesNotContain("<script>alert(1)");

        String authorName = "Form Author " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/newsroom/authors")
                        .with(ed)
                        .with(csrf())
                        .param("name", authorName)
                        .param("bio", "Writes."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/newsroom/authors").with(ed).with(csrf()).param("name", authorName))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already has the address")));
        mvc.perform(get("/newsroom/authors").with(ed))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(authorName)));
    }

    @Test
    void anOversizedUploadOverRealHttpGetsAFriendlyPage() throws Exception {
        ensureEditor();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        String token = csrfToken(http.send(
                        HttpRequest.newBuilder(URI.create(base + "/signin")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + EDITOR + "&password="
                                + EDITOR_PASSWORD.replace(" ", "+") + "&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("/newsroom");

        String library = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/newsroom/photos"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher action =
                Pattern.compile("action=\"(/newsroom/photos\\?_csrf=[^\"]+)\"").matcher(library);
        assertThat(action.find()).isTrue();
        String boundary = "----sitrep" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 1_500_000 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        long photoRows = count("photos");
        HttpResponse<String> upload = http.send(
                HttpRequest.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.body())
                .contains("The file is too large")
                .contains("1 MB")
                .doesNotContain("Exception");
        assertThat(count("photos")).isEqualTo(photoRows);
    }

    static int countMatches(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return m.group(1);
    }

    @Test
    void mediaIsServedWithLongCacheHeaders() throws Exception {
        Photo p = photos.upload(WirePhotos.jpeg(400, 300), "cache.jpg");
        var res = mvc.perform(get(p.thumbnailUrl()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(res.getHeader("Cache-Control")).contains("max-age=31536000");
        assertThat(ImageIO.read(new ByteArrayInputStream(res.getContentAsByteArray()))
                        .getWidth())
                .isEqualTo(320);
        mvc.perform(get("/media/../db/sitrep.mv.db")).andExpect(status().is4xxClientError());
    }
}
