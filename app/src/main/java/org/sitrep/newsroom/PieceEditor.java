package org.sitrep.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.web.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Write side of the newsroom: saves pieces with their bylines, tags and lead photo, keeps a
 * revision of every save, moves pieces along draft → scheduled → published → unpublished, and
 * announces each change with {@link PieceChanged} once it is committed. A save is one transaction:
 * a refused draft leaves nothing behind.
 */
@Service
public class PieceEditor {
    private final JdbcClient jdbc;
    private final PieceCatalog catalog;
    private final BodyRenderer renderer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    public PieceEditor(
            JdbcClient jdbc,
            PieceCatalog catalog,
            BodyRenderer renderer,
            ApplicationEventPublisher events,
            Clock clock,
            SitrepProperties properties) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.renderer = renderer;
        this.events = events;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Creates a piece; its slug comes from the headline unless one is given, and never changes by itself. */
    @Transactional
    public long create(PieceDraft draft, String editor) {
        return create(draft, editor, false);
    }

    @Transactional
    long create(PieceDraft draft, String editor, boolean sample) {
        Checked c = check(draft, null);
        Instant now = clock.instant();
        // A headline with nothing to spell in Latin letters (only emoji, say) gets "piece-<id>" once its id is known.
        String made = Slug.of(c.headline);
        String slug =
                c.slug != null ? c.slug : made.isEmpty() ? "piece-new-" + java.util.UUID.randomUUID() : freeSlug(made);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            withContent(
                            jdbc.sql(
                                    "INSERT INTO pieces (slug, kind, headline, standfirst, body_markdown, body_html, section, status, "
                                            + "access_level, lead_photo_id, publish_at, first_published_at, created_at, updated_at, sample) "
                                            + "VALUES (:slug, :kind, :headline, :standfirst, :md, :html, :section, :status, :access, :photo, "
                                            + ":publishAt, :firstPublished, :now, :now, :sample)"),
                            c,
                            slug)
                    .param("firstPublished", utc(c.status == PieceStatus.PUBLISHED ? c.publishAt : null))
                    .param("now", utc(now))
                    .param("sample", sample)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw slugTaken(slug);
        }
        long id = key.getKey().longValue();
        if (c.slug == null && made.isEmpty()) {
            jdbc.sql("UPDATE pieces SET slug = :slug WHERE id = :id")
                    .param("slug", freeSlug("piece-" + id))
                    .param("id", id)
                    .update();
        }
        writeChildren(id, c);
        chooseLead(id, c.leadStory, editor, now);
        addRevision(id, c, editor, now);
        announce(id);
        return id;
    }

    /** Saves the form over an existing piece. */
    @Transactional
    public void update(long id, PieceDraft draft, String editor) {
        Piece before = catalog.findById(id).orElseThrow(() -> new UnknownPiece(id));
        refuseIfOverwriting(id, draft, editor);
        Checked c = check(draft, before);
        Instant now = clock.instant();
        String slug = c.slug != null ? c.slug : before.slug();
        Instant firstPublished = before.firstPublishedAt() != null
                ? before.firstPublishedAt()
                : c.status == PieceStatus.PUBLISHED ? c.publishAt : null;
        try {
            withContent(
                            jdbc.sql(
                                    "UPDATE pieces SET slug = :slug, kind = :kind, headline = :headline, standfirst = :standfirst, "
                                            + "body_markdown = :md, body_html = :html, section = :section, status = :status, "
                                            + "access_level = :access, lead_photo_id = :photo, publish_at = :publishAt, "
                                            + "first_published_at = :firstPublished, updated_at = :now WHERE id = :id"),
                            c,
                            slug)
                    .param("firstPublished", utc(firstPublished))
                    .param("now", utc(now))
                    .param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw slugTaken(slug);
        }
        if (before.isTranslation()) {
            jdbc.sql("UPDATE pieces SET translator = :translator, lead_photo_caption = :caption WHERE id = :id")
                    .param("translator", blankToNull(draft.getTranslator()))
                    .param("caption", blankToNull(draft.getLeadPhotoCaption()))
                    .param("id", id)
                    .update();
        }
        jdbc.sql("DELETE FROM piece_authors WHERE piece_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM piece_tags WHERE piece_id = :id").param("id", id).update();
        writeChildren(id, c);
        chooseLead(id, c.leadStory, editor, now);
        addRevision(id, c, editor, now);
        announce(id);
    }

    /**
     * Starts the translation of {@code originalId} into {@code language}: a draft with the original's
     * text to write over, its kind, section, access, photo, bylines and tags, an address of its own
     * ("…-ar") and no publish time. Asking again opens the translation already started.
     *
     * @return the translation's id
     */
    @Transactional
    public long translate(long originalId, Language language, String editor) {
        Piece original = catalog.findById(originalId).orElseThrow(() -> new UnknownPiece(originalId));
        if (original.isTranslation()) {
            throw new InvalidPiece(Map.of("language", "This is a translation: translate its original instead."));
        }
        if (language.code().equals(original.language())) {
            throw new InvalidPiece(Map.of("language", "The piece is already in " + language.nativeName() + "."));
        }
        Optional<Piece> started = catalog.translation(originalId, language.code());
        if (started.isPresent()) return started.get().id();
        Instant now = clock.instant();
        String slug = freeSlug(original.slug() + "-" + language.code());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO pieces (slug, kind, headline, standfirst, body_markdown, body_html, section, status, "
                            + "access_level, lead_photo_id, publish_at, created_at, updated_at, sample, language, original_id) "
                            + "VALUES (:slug, :kind, :headline, :standfirst, :md, :html, :section, 'DRAFT', :access, :photo, "
                            + "NULL, :now, :now, :sample, :language, :original)")
                    .param("slug", slug)
                    .param("kind", original.kind().name())
                    .param("headline", original.headline())
                    .param("standfirst", original.standfirst())
                    .param("md", original.bodyMarkdown())
                    .param("html", original.bodyHtml())
                    .param("section", original.section())
                    .param("access", original.accessLevel().name())
                    .param(
                            "photo",
                            original.leadPhoto() == null
                                    ? null
                                    : original.leadPhoto().id())
                    .param("now", utc(now))
                    .param("sample", original.sample())
                    .param("language", language.code())
                    .param("original", originalId)
                    .update(key, "id");
        } catch (DuplicateKeyException raced) {
            // A colleague started the same translation a moment ago (the transaction cannot go on after this on
            // PostgreSQL).
            throw new InvalidPiece(
                    Map.of("language", "A colleague has just started this translation: find it on the original."));
        }
        long id = key.getKey().longValue();
        Checked copy = new Checked(
                original.headline(),
                original.standfirst(),
                original.bodyMarkdown(),
                original.kind(),
                original.section(),
                original.tags().stream().map(Tag::name).toList(),
                original.authors().stream().map(Author::id).toList(),
                null,
                original.accessLevel(),
                PieceStatus.DRAFT,
                null,
                slug,
                false);
        writeChildren(id, copy);
        addRevision(id, copy, editor, now);
        announce(id);
        return id;
    }

    /** The caption a translation gives its lead photo, as stored (empty when it shows the photo's own). */
    public String translatedCaption(long id) {
        return jdbc.sql("SELECT lead_photo_caption FROM pieces WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The number of the piece's latest save (0 before the first): the version an editor's form started from. */
    public int latestRevision(long pieceId) {
        return jdbc.sql("SELECT COALESCE(MAX(revision_no), 0) FROM piece_revisions WHERE piece_id = :id")
                .param("id", pieceId)
                .query(Integer.class)
                .single();
    }

    /**
     * A form names the revision it was opened at ({@code baseRevision}); if a colleague saved the piece
     * since, saving it would silently replace their work, so it is refused with who saved when. The
     * refused form comes back carrying the newer revision number, so saving again is a deliberate choice.
     * The editor's own later saves (another tab) are no conflict.
     */
    private void refuseIfOverwriting(long id, PieceDraft draft, String editor) {
        String base = draft.getBaseRevision().strip();
        if (base.isEmpty()) return;
        int seen;
        try {
            seen = Integer.parseInt(base);
        } catch (NumberFormatException e) {
            return;
        }
        List<Revision> newer = jdbc.sql(
                        "SELECT id, piece_id, revision_no, headline, standfirst, body_markdown, status, edited_by, "
                                + "created_at FROM piece_revisions WHERE piece_id = :id AND revision_no > :seen ORDER BY revision_no DESC")
                .param("id", id)
                .param("seen", seen)
                .query(PieceEditor::revision)
                .list();
        Optional<Revision> theirs = newer.stream()
                .filter(r -> r.editedBy() != null && !r.editedBy().equalsIgnoreCase(editor))
                .findFirst();
        if (theirs.isEmpty()) return;
        Revision r = theirs.get();
        throw new InvalidPiece(Map.of(
                "baseRevision",
                r.editedBy() + " saved this piece (revision " + r.number() + ", "
                        + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .format(r.createdAt().atZone(zone))
                        + ") after you opened it. Your text below is not saved; compare it with theirs under Revisions, "
                        + "then save again to replace their version."));
    }

    /**
     * The home page's lead story: ticking the box makes this piece the lead (in place of any other);
     * unticking it on the current lead gives the home page back to the newest piece.
     */
    private void chooseLead(long id, boolean lead, String editor, Instant now) {
        if (lead) {
            int n = jdbc.sql("UPDATE home_lead SET piece_id = :id, chosen_by = :editor, chosen_at = :now WHERE id = 1")
                    .param("id", id)
                    .param("editor", editor)
                    .param("now", utc(now))
                    .update();
            if (n == 0) {
                jdbc.sql("INSERT INTO home_lead (id, piece_id, chosen_by, chosen_at) VALUES (1, :id, :editor, :now)")
                        .param("id", id)
                        .param("editor", editor)
                        .param("now", utc(now))
                        .update();
            }
        } else {
            jdbc.sql(
                            "UPDATE home_lead SET piece_id = NULL, chosen_by = :editor, chosen_at = :now WHERE id = 1 AND piece_id = :id")
                    .param("id", id)
                    .param("editor", editor)
                    .param("now", utc(now))
                    .update();
        }
    }

    /** Binds what the editor wrote (the columns INSERT and UPDATE share); rendered HTML is made here, once. */
    private JdbcClient.StatementSpec withContent(JdbcClient.StatementSpec sql, Checked c, String slug) {
        return sql.param("slug", slug)
                .param("kind", c.kind.name())
                .param("headline", c.headline)
                .param("standfirst", c.standfirst)
                .param("md", c.body)
                .param("html", renderer.toHtml(c.body))
                .param("section", c.section)
                .param("status", c.status.name())
                .param("access", c.access.name())
                .param("photo", c.photoId)
                .param("publishAt", utc(c.publishAt));
    }

    private static InvalidPiece slugTaken(String slug) {
        return new InvalidPiece(
                Map.of("slug", "The address “" + slug + "” is already used by another piece; choose another."));
    }

    /** Takes a piece off the site without losing it. */
    @Transactional
    public void unpublish(long id, String editor) {
        Piece p = catalog.findById(id).orElseThrow(() -> new UnknownPiece(id));
        PieceDraft d = PieceDraft.of(p, zone);
        d.setLeadStory(catalog.homeLeadId().orElse(-1L) == id);
        d.setStatus(PieceStatus.UNPUBLISHED.name());
        update(id, d, editor);
    }

    public List<Revision> revisions(long pieceId) {
        return jdbc.sql(
                        "SELECT id, piece_id, revision_no, headline, standfirst, body_markdown, status, edited_by, created_at "
                                + "FROM piece_revisions WHERE piece_id = :id ORDER BY revision_no DESC")
                .param("id", pieceId)
                .query(PieceEditor::revision)
                .list();
    }

    public Optional<Revision> revision(long pieceId, int number) {
        return jdbc.sql(
                        "SELECT id, piece_id, revision_no, headline, standfirst, body_markdown, status, edited_by, created_at "
                                + "FROM piece_revisions WHERE piece_id = :id AND revision_no = :no")
                .param("id", pieceId)
                .param("no", number)
                .query(PieceEditor::revision)
                .optional();
    }

    /** Puts an old revision's headline, standfirst and body back, as a new save (and so a new revision). */
    @Transactional
    public void restore(long pieceId, int number, String editor) {
        Piece p = catalog.findById(pieceId).orElseThrow(() -> new UnknownPiece(pieceId));
        Revision r = revision(pieceId, number).orElseThrow(() -> new UnknownPiece(pieceId));
        PieceDraft d = PieceDraft.of(p, zone);
        d.setLeadStory(catalog.homeLeadId().orElse(-1L) == pieceId);
        d.setHeadline(r.headline());
        d.setStandfirst(r.standfirst());
        d.setBody(r.bodyMarkdown());
        update(pieceId, d, editor);
    }

    /**
     * Marks scheduled pieces whose time has come as published. Readers already see them from that
     * second (the catalog treats them as live); this records it and tells search and caches.
     */
    @Transactional
    public int publishDue() {
        OffsetDateTime now = utc(clock.instant());
        List<Long> due = jdbc.sql("SELECT id FROM pieces WHERE status = 'SCHEDULED' AND publish_at <= :now")
                .param("now", now)
                .query(Long.class)
                .list();
        for (long id : due) {
            jdbc.sql("UPDATE pieces SET status = 'PUBLISHED', "
                            + "first_published_at = COALESCE(first_published_at, publish_at), updated_at = :now "
                            + "WHERE id = :id AND status = 'SCHEDULED'")
                    .param("now", now)
                    .param("id", id)
                    .update();
            announce(id);
        }
        return due.size();
    }

    // --- checking the form ----------------------------------------------------------------

    /** A draft that passed every check, in stored types. */
    private record Checked(
            String headline,
            String standfirst,
            String body,
            PieceKind kind,
            String section,
            List<String> tags,
            List<Long> authorIds,
            Long photoId,
            AccessLevel access,
            PieceStatus status,
            Instant publishAt,
            String slug,
            boolean leadStory) {}

    private Checked check(PieceDraft d, Piece before) {
        Map<String, String> errors = new LinkedHashMap<>();
        String headline = d.getHeadline().strip();
        if (headline.isEmpty()) errors.put("headline", "Write a headline.");
        else if (headline.length() > 300) errors.put("headline", "Keep the headline under 300 characters.");
        String standfirst = d.getStandfirst().strip();
        if (standfirst.length() > 1000) errors.put("standfirst", "Keep the standfirst under 1,000 characters.");
        String body = d.getBody().replace("\r\n", "\n");
        if (body.length() > 900_000) errors.put("body", "The body is too long (over 900,000 characters).");

        PieceKind kind = parse(PieceKind.class, d.getKind());
        if (kind == null) errors.put("kind", "Choose news, analysis, memo or report.");
        AccessLevel access = parse(AccessLevel.class, d.getAccessLevel());
        if (access == null) errors.put("accessLevel", "Choose who may read the piece.");
        PieceStatus status = parse(PieceStatus.class, d.getStatus());
        if (status == null) errors.put("status", "Choose a status.");
        if (status != null && status != PieceStatus.DRAFT && body.isBlank()) {
            errors.put("body", "Write the body before scheduling or publishing.");
        }
        String section = d.getSection().strip();
        if (section.length() > 100) errors.put("section", "Keep the section under 100 characters.");

        Instant publishAt = null;
        if (!d.getPublishAt().isBlank()) {
            publishAt = parseLocal(d.getPublishAt().strip());
            // The form shows minutes: an unchanged minute keeps the stored second, so a re-save moves nothing.
            if (publishAt != null
                    && before != null
                    && before.publishAt() != null
                    && before.publishAt()
                            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                            .equals(publishAt)) {
                publishAt = before.publishAt();
            }
            if (publishAt == null) {
                errors.put(
                        "publishAt",
                        "Enter the publish time as a date and time, e.g. 2026-03-28T14:30 (" + zone.getId()
                                + " time).");
            }
        } else if (status == PieceStatus.SCHEDULED) {
            errors.put("publishAt", "Choose when the piece should go live.");
        }
        Instant now = clock.instant();
        if (status == PieceStatus.PUBLISHED && publishAt == null && !errors.containsKey("publishAt")) {
            publishAt = before != null
                            && before.publishAt() != null
                            && !before.publishAt().isAfter(now)
                    ? before.publishAt()
                    : now;
        }
        // Published with a future time means scheduled; scheduled with a past time means published.
        if (status == PieceStatus.PUBLISHED && publishAt != null && publishAt.isAfter(now))
            status = PieceStatus.SCHEDULED;
        else if (status == PieceStatus.SCHEDULED && publishAt != null && !publishAt.isAfter(now))
            status = PieceStatus.PUBLISHED;

        List<String> tags = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String t : d.getTags().split(",")) {
            String name = t.strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) continue;
            if (name.length() > 120 || Slug.of(name).isEmpty()) {
                errors.put("tags", "“" + abbreviate(name) + "” cannot be a tag: use words of up to 120 characters.");
            } else if (seen.add(Slug.of(name))) tags.add(name);
        }

        List<Long> authorIds = new ArrayList<>();
        for (String a : d.getAuthors().split(",")) {
            String key = a.strip();
            if (key.isEmpty()) continue;
            Optional<Long> id = jdbc
                    .sql("SELECT id FROM authors WHERE slug = :slug OR LOWER(name) = LOWER(:name)")
                    .param("slug", Slug.of(key))
                    .param("name", key)
                    .query(Long.class)
                    .list()
                    .stream()
                    .findFirst();
            if (id.isEmpty())
                errors.put("authors", "No author called “" + abbreviate(key) + "”: add them under Authors first.");
            else if (!authorIds.contains(id.get())) authorIds.add(id.get());
        }

        Long photoId = null;
        if (!d.getLeadPhotoId().isBlank()) {
            try {
                photoId = Long.parseLong(d.getLeadPhotoId().strip());
                if (jdbc.sql("SELECT COUNT(*) FROM photos WHERE id = :id")
                                .param("id", photoId)
                                .query(Long.class)
                                .single()
                        == 0) {
                    errors.put("leadPhotoId", "That photo is not in the library.");
                }
            } catch (NumberFormatException e) {
                errors.put("leadPhotoId", "Choose a photo from the library.");
            }
        }

        String slug = null;
        String wanted = d.getSlug().strip();
        if (!wanted.isEmpty() && (before == null || !wanted.equals(before.slug()))) {
            slug = Slug.of(wanted);
            if (slug.isEmpty()) errors.put("slug", "The web address needs some letters or digits.");
            else if (slugTaken(slug, before == null ? -1 : before.id())) {
                errors.put("slug", "The address “" + slug + "” is already used by another piece; choose another.");
            }
        }
        if (d.getTranslator().strip().length() > 200)
            errors.put("translator", "Keep the translator's name under 200 characters.");
        if (d.getLeadPhotoCaption().strip().length() > 2000)
            errors.put("leadPhotoCaption", "Keep the caption under 2,000 characters.");
        if (!errors.isEmpty()) throw new InvalidPiece(errors);
        return new Checked(
                headline,
                standfirst.isEmpty() ? null : standfirst,
                body,
                kind,
                section.isEmpty() ? null : section,
                tags,
                authorIds,
                photoId,
                access,
                status,
                publishAt,
                slug,
                d.isLeadStory());
    }

    private Instant parseLocal(String text) {
        String t = text.replace(' ', 'T');
        try {
            return LocalDateTime.parse(t.length() == 10 ? t + "T00:00" : t)
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    // --- storing --------------------------------------------------------------------------

    private boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM pieces WHERE slug = :slug AND id <> :id")
                        .param("slug", slug)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The slug itself if free, else the first free "-2", "-3"… */
    private String freeSlug(String base) {
        if (!slugTaken(base, -1)) return base;
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!slugTaken(candidate, -1)) return candidate;
        }
    }

    private void writeChildren(long id, Checked c) {
        int position = 0;
        for (long authorId : c.authorIds) {
            jdbc.sql("INSERT INTO piece_authors (piece_id, author_id, position) VALUES (:p, :a, :pos)")
                    .param("p", id)
                    .param("a", authorId)
                    .param("pos", position++)
                    .update();
        }
        for (String name : c.tags) {
            long tagId = tagId(name);
            jdbc.sql("INSERT INTO piece_tags (piece_id, tag_id) VALUES (:p, :t)")
                    .param("p", id)
                    .param("t", tagId)
                    .update();
        }
    }

    private long tagId(String name) {
        String slug = Slug.of(name);
        Optional<Long> existing = jdbc.sql("SELECT id FROM tags WHERE slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) return existing.get();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tags (slug, name) VALUES (:slug, :name)")
                .param("slug", slug)
                .param("name", name)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void addRevision(long id, Checked c, String editor, Instant now) {
        int next = jdbc.sql("SELECT COALESCE(MAX(revision_no), 0) + 1 FROM piece_revisions WHERE piece_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        jdbc.sql(
                        "INSERT INTO piece_revisions (piece_id, revision_no, headline, standfirst, body_markdown, status, edited_by, created_at) "
                                + "VALUES (:id, :no, :headline, :standfirst, :md, :status, :editor, :now)")
                .param("id", id)
                .param("no", next)
                .param("headline", c.headline)
                .param("standfirst", c.standfirst)
                .param("md", c.body)
                .param("status", c.status.name())
                .param("editor", editor)
                .param("now", utc(now))
                .update();
    }

    /** Listeners hear of a change only once it is committed, so they never read a half-saved piece. */
    private void announce(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(new PieceChanged(id));
                }
            });
        } else {
            events.publishEvent(new PieceChanged(id));
        }
    }

    private static Revision revision(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Revision(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                PieceStatus.valueOf(rs.getString(7)),
                rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /** No piece with this id (or no such revision of it). */
    public static class UnknownPiece extends RuntimeException {
        public UnknownPiece(long id) {
            super("No piece " + id);
        }
    }
}
