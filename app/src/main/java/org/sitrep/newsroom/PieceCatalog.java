package org.sitrep.newsroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read side of the newsroom for every other feature: live pieces by slug, kind, section, tag or
 * author, newest first. "Live" means published, or scheduled with its time come.
 */
@Service
public class PieceCatalog {

    static final String LIVE = "p.status IN ('PUBLISHED','SCHEDULED') AND p.publish_at <= :now";
    private static final String COLUMNS = "p.id, p.slug, p.kind, p.headline, p.standfirst, p.body_markdown, "
            + "p.body_html, p.section, p.status, p.access_level, p.lead_photo_id, p.publish_at, "
            + "p.first_published_at, p.created_at, p.updated_at, p.sample, p.language, p.original_id, p.translator, p.lead_photo_caption";
    private static final String LISTING =
            "p.id, p.kind, p.slug, p.headline, p.section, p.publish_at, p.updated_at, p.language, p.original_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    public PieceCatalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Piece> findLive(PieceKind kind, String slug) {
        return first(query("SELECT " + COLUMNS + " FROM pieces p WHERE p.slug = :slug AND p.kind = :kind AND " + LIVE)
                .param("slug", slug)
                .param("kind", kind.name()));
    }

    /** Any piece, live or not: for the newsroom and previews. */
    public Optional<Piece> findById(long id) {
        return first(jdbc.sql("SELECT " + COLUMNS + " FROM pieces p WHERE p.id = :id")
                .param("id", id));
    }

    /** The piece an editor chose as the home page's lead story, if any (live or not). */
    public Optional<Long> homeLeadId() {
        return jdbc.sql("SELECT piece_id FROM home_lead WHERE id = 1 AND piece_id IS NOT NULL")
                .query(Long.class)
                .optional();
    }

    /** The chosen lead story while it is live; the home page falls back to the newest piece otherwise. */
    public Optional<Piece> homeLead() {
        return homeLeadId()
                .flatMap(id -> first(query("SELECT " + COLUMNS + " FROM pieces p WHERE p.id = :id AND " + LIVE)
                        .param("id", id)));
    }

    // Each list comes in two forms: of every language (the API, newsletters) and of one edition's
    // language (the public site's pages of that edition); a null language means every language.

    public List<Piece> latest(int limit, int offset) {
        return latest(null, limit, offset);
    }

    public List<Piece> latest(String language, int limit, int offset) {
        return list(
                query("SELECT " + COLUMNS + " FROM pieces p WHERE " + LIVE + in(language) + page())
                        .param("language", language),
                limit,
                offset);
    }

    public List<Piece> latestOfKind(PieceKind kind, int limit, int offset) {
        return latestOfKind(kind, null, limit, offset);
    }

    public List<Piece> latestOfKind(PieceKind kind, String language, int limit, int offset) {
        return list(
                query("SELECT " + COLUMNS + " FROM pieces p WHERE p.kind = :kind AND " + LIVE + in(language) + page())
                        .param("kind", kind.name())
                        .param("language", language),
                limit,
                offset);
    }

    public List<Piece> latestInSection(String section, int limit, int offset) {
        return latestInSection(section, null, limit, offset);
    }

    public List<Piece> latestInSection(String section, String language, int limit, int offset) {
        return list(
                query("SELECT " + COLUMNS + " FROM pieces p WHERE LOWER(p.section) = LOWER(:section) AND " + LIVE
                                + in(language) + page())
                        .param("section", section)
                        .param("language", language),
                limit,
                offset);
    }

    public List<Piece> latestWithTag(String tagSlug, int limit, int offset) {
        return latestWithTag(tagSlug, null, limit, offset);
    }

    public List<Piece> latestWithTag(String tagSlug, String language, int limit, int offset) {
        return list(
                query("SELECT " + COLUMNS + " FROM pieces p JOIN piece_tags pt ON pt.piece_id = p.id "
                                + "JOIN tags t ON t.id = pt.tag_id WHERE t.slug = :tag AND " + LIVE + in(language)
                                + page())
                        .param("tag", tagSlug)
                        .param("language", language),
                limit,
                offset);
    }

    public List<Piece> latestByAuthor(String authorSlug, int limit, int offset) {
        return latestByAuthor(authorSlug, null, limit, offset);
    }

    public List<Piece> latestByAuthor(String authorSlug, String language, int limit, int offset) {
        return list(
                query("SELECT " + COLUMNS + " FROM pieces p JOIN piece_authors pa ON pa.piece_id = p.id "
                                + "JOIN authors a ON a.id = pa.author_id WHERE a.slug = :author AND " + LIVE
                                + in(language) + page())
                        .param("author", authorSlug)
                        .param("language", language),
                limit,
                offset);
    }

    /** The live pieces of a family (an original and its translations), original first: the language switcher. */
    public List<PieceListing> family(long familyId) {
        return families(List.of(familyId)).getOrDefault(familyId, List.of());
    }

    /** The live members of each family (by its original's id) that has any: hreflang in sitemaps. */
    public Map<Long, List<PieceListing>> families(Collection<Long> familyIds) {
        if (familyIds.isEmpty()) return Map.of();
        Map<Long, List<PieceListing>> found = new LinkedHashMap<>();
        query("SELECT " + LISTING + " FROM pieces p WHERE (p.id IN (:ids) OR p.original_id IN (:ids)) AND " + LIVE
                        + " ORDER BY CASE WHEN p.original_id IS NULL THEN 0 ELSE 1 END, p.language")
                .param("ids", familyIds)
                .query(PieceCatalog::listing)
                .list()
                .forEach(l -> found.computeIfAbsent(l.familyId(), k -> new ArrayList<>())
                        .add(l));
        return found;
    }

    /** The translation of {@code originalId} into {@code language}, live or not: the newsroom's "Translate". */
    public Optional<Piece> translation(long originalId, String language) {
        return first(
                jdbc.sql("SELECT " + COLUMNS + " FROM pieces p WHERE p.original_id = :id AND p.language = :language")
                        .param("id", originalId)
                        .param("language", language));
    }

    /** Every translation of {@code originalId}, live or not, by language: the newsroom's list beside the original. */
    public List<Piece> translations(long originalId) {
        return assemble(jdbc.sql("SELECT " + COLUMNS + " FROM pieces p WHERE p.original_id = :id ORDER BY p.language")
                .param("id", originalId)
                .query(PieceCatalog::row)
                .list());
    }

    /** " AND p.language = :language" when one language is asked for (the parameter is always bound). */
    private static String in(String language) {
        return language == null ? "" : " AND p.language = :language";
    }

    /** Every piece for the newsroom's desk, live or not, most recently edited first; {@code status} null for all. */
    public List<Piece> forDesk(PieceStatus status, int limit, int offset) {
        String where = status == null ? "" : " WHERE p.status = :status";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + COLUMNS + " FROM pieces p" + where
                + " ORDER BY p.updated_at DESC, p.id DESC LIMIT :limit OFFSET :offset");
        if (status != null) spec = spec.param("status", status.name());
        return list(spec, limit, offset);
    }

    /**
     * Live pieces newest first, optionally of one kind, with one tag, live since an instant; a page
     * starts after the piece at ({@code afterPublishAt}, {@code afterId}) when given (keyset paging, for the API).
     */
    public List<Piece> liveAfter(
            PieceKind kind, String tagSlug, Instant since, Instant afterPublishAt, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM pieces p WHERE " + LIVE);
        Map<String, Object> params = new LinkedHashMap<>();
        if (kind != null) {
            sql.append(" AND p.kind = :kind");
            params.put("kind", kind.name());
        }
        if (tagSlug != null) {
            sql.append(
                    " AND p.id IN (SELECT pt.piece_id FROM piece_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.slug = :tag)");
            params.put("tag", tagSlug);
        }
        if (since != null) {
            sql.append(" AND p.publish_at >= :since");
            params.put("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (afterPublishAt != null && afterId != null) {
            sql.append(" AND (p.publish_at < :afterAt OR (p.publish_at = :afterAt AND p.id < :afterId))");
            params.put("afterAt", OffsetDateTime.ofInstant(afterPublishAt, ZoneOffset.UTC));
            params.put("afterId", afterId);
        }
        sql.append(" ORDER BY p.publish_at DESC, p.id DESC LIMIT :limit");
        return assemble(query(sql.toString())
                .params(params)
                .param("limit", limit)
                .query(PieceCatalog::row)
                .list());
    }

    public Optional<Author> findAuthor(String slug) {
        List<Author> found = authorsWhere("a.slug = :slug", Map.of("slug", slug));
        return found.stream().findFirst();
    }

    public Optional<Tag> findTag(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM tags WHERE slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public List<String> sections() {
        return sections(null);
    }

    /** Sections that have live pieces in {@code language} (null: in any). */
    public List<String> sections(String language) {
        return query("SELECT DISTINCT p.section FROM pieces p WHERE p.section IS NOT NULL AND " + LIVE + in(language)
                        + " ORDER BY p.section")
                .param("language", language)
                .query(String.class)
                .list();
    }

    public long countLive() {
        return countLive(null);
    }

    public long countLive(String language) {
        return query("SELECT COUNT(*) FROM pieces p WHERE " + LIVE + in(language))
                .param("language", language)
                .query(Long.class)
                .single();
    }

    /** Streams every live piece, in id order, in batches: for re-indexing. */
    public void forEachLive(int batchSize, Consumer<List<Piece>> batch) {
        // by id, after the last one seen: each batch costs the same, where OFFSET would re-read every earlier piece
        long after = Long.MIN_VALUE;
        while (true) {
            List<Piece> page = assemble(query("SELECT " + COLUMNS + " FROM pieces p WHERE " + LIVE
                            + " AND p.id > :after ORDER BY p.id LIMIT :limit")
                    .param("after", after)
                    .param("limit", batchSize)
                    .query(PieceCatalog::row)
                    .list());
            if (page.isEmpty()) return;
            batch.accept(page);
            if (page.size() < batchSize) return;
            after = page.get(page.size() - 1).id();
        }
    }

    public List<Piece> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Piece> found = assemble(jdbc.sql("SELECT " + COLUMNS + " FROM pieces p WHERE p.id IN (:ids)")
                .param("ids", ids)
                .query(PieceCatalog::row)
                .list());
        Map<Long, Piece> byId = new LinkedHashMap<>();
        found.forEach(p -> byId.put(p.id(), p));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    // --- assembly -------------------------------------------------------------------------

    private JdbcClient.StatementSpec query(String sql) {
        return jdbc.sql(sql).param("now", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
    }

    private static String page() {
        return " ORDER BY p.publish_at DESC, p.id DESC LIMIT :limit OFFSET :offset";
    }

    private List<Piece> list(JdbcClient.StatementSpec spec, int limit, int offset) {
        return assemble(spec.param("limit", limit)
                .param("offset", offset)
                .query(PieceCatalog::row)
                .list());
    }

    private Optional<Piece> first(JdbcClient.StatementSpec spec) {
        return assemble(spec.query(PieceCatalog::row).list()).stream().findFirst();
    }

    /** Rows without their children; {@link #assemble} fills bylines, tags and photos in three queries. */
    private record Row(Piece piece, Long leadPhotoId, String caption) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        Long photoId = rs.getObject("lead_photo_id") == null ? null : rs.getLong("lead_photo_id");
        Piece p = new Piece(
                rs.getLong("id"),
                rs.getString("slug"),
                PieceKind.valueOf(rs.getString("kind")),
                rs.getString("headline"),
                rs.getString("standfirst"),
                rs.getString("body_markdown"),
                rs.getString("body_html"),
                rs.getString("section"),
                PieceStatus.valueOf(rs.getString("status")),
                AccessLevel.valueOf(rs.getString("access_level")),
                null,
                List.of(),
                List.of(),
                instant(rs, "publish_at"),
                instant(rs, "first_published_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getBoolean("sample"),
                rs.getString("language"),
                rs.getObject("original_id") == null ? null : rs.getLong("original_id"),
                rs.getString("translator"));
        return new Row(p, photoId, rs.getString("lead_photo_caption"));
    }

    private List<Piece> assemble(List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        List<Long> ids = rows.stream().map(r -> r.piece().id()).toList();
        Map<Long, List<Author>> authors = new LinkedHashMap<>();
        jdbc.sql("SELECT pa.piece_id, a.id, a.slug, a.name, a.bio, a.photo_id FROM piece_authors pa "
                        + "JOIN authors a ON a.id = pa.author_id WHERE pa.piece_id IN (:ids) ORDER BY pa.position")
                .param("ids", ids)
                .query(rs -> {
                    authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Author(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), null));
                });
        Map<Long, List<Tag>> tags = new LinkedHashMap<>();
        jdbc.sql("SELECT pt.piece_id, t.id, t.slug, t.name FROM piece_tags pt JOIN tags t ON t.id = pt.tag_id "
                        + "WHERE pt.piece_id IN (:ids) ORDER BY t.name")
                .param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Tag(rs.getLong(2), rs.getString(3), rs.getString(4)));
                });
        Map<Long, Photo> photos = photos(
                rows.stream().map(Row::leadPhotoId).filter(id -> id != null).toList());
        return rows.stream()
                .map(r -> {
                    Piece p = r.piece();
                    Photo photo = r.leadPhotoId() == null ? null : photos.get(r.leadPhotoId());
                    // A translation's caption is its own: the photo is shared, its words are not.
                    if (photo != null && r.caption() != null && !r.caption().isBlank())
                        photo = photo.withCaption(r.caption());
                    return new Piece(
                            p.id(),
                            p.slug(),
                            p.kind(),
                            p.headline(),
                            p.standfirst(),
                            p.bodyMarkdown(),
                            p.bodyHtml(),
                            p.section(),
                            p.status(),
                            p.accessLevel(),
                            photo,
                            List.copyOf(authors.getOrDefault(p.id(), List.of())),
                            List.copyOf(tags.getOrDefault(p.id(), List.of())),
                            p.publishAt(),
                            p.firstPublishedAt(),
                            p.createdAt(),
                            p.updatedAt(),
                            p.sample(),
                            p.language(),
                            p.originalId(),
                            p.translator());
                })
                .toList();
    }

    public Map<Long, Photo> photos(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<Long, List<Photo.Rendition>> renditions = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT photo_id, width, height, file_name FROM photo_renditions WHERE photo_id IN (:ids) ORDER BY width")
                .param("ids", ids)
                .query(rs -> {
                    renditions
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Photo.Rendition(rs.getInt(2), rs.getInt(3), rs.getString(4)));
                });
        Map<Long, Photo> photos = new LinkedHashMap<>();
        jdbc.sql("SELECT id, storage_key, content_type, width, height, caption, credit, picture_id, keywords, alt_text "
                        + "FROM photos WHERE id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    long id = rs.getLong(1);
                    String kw = rs.getString(9);
                    List<String> keywords = kw == null || kw.isBlank()
                            ? List.of()
                            : Arrays.stream(kw.split(","))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList();
                    photos.put(
                            id,
                            new Photo(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getInt(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    keywords,
                                    rs.getString(10),
                                    List.copyOf(renditions.getOrDefault(id, List.of()))));
                });
        return photos;
    }

    private List<Author> authorsWhere(String where, Map<String, ?> params) {
        List<Object[]> raw = jdbc.sql("SELECT a.id, a.slug, a.name, a.bio, a.photo_id FROM authors a WHERE " + where)
                .params(params)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5) == null ? null : rs.getLong(5)
                })
                .list();
        Map<Long, Photo> photos = photos(
                raw.stream().map(r -> (Long) r[4]).filter(id -> id != null).toList());
        return raw.stream()
                .map(r -> new Author(
                        (Long) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        r[4] == null ? null : photos.get((Long) r[4])))
                .toList();
    }

    // --- for the public site's sitemaps, caches and search index -------------------------

    /** Live pieces without bodies, newest first: sitemaps list tens of thousands of these. */
    public List<PieceListing> listings(int limit, int offset) {
        return listings(null, limit, offset);
    }

    /** Live pieces in {@code language} (null: any) without bodies, newest first: an edition's sitemap. */
    public List<PieceListing> listings(String language, int limit, int offset) {
        return query("SELECT " + LISTING + " FROM pieces p WHERE " + LIVE + in(language) + page())
                .param("language", language)
                .param("limit", limit)
                .param("offset", offset)
                .query(PieceCatalog::listing)
                .list();
    }

    /** Live pieces that went live at or after {@code since}, newest first (the Google News sitemap). */
    public List<PieceListing> listingsSince(Instant since, int limit) {
        return listingsSince(null, since, limit);
    }

    public List<PieceListing> listingsSince(String language, Instant since, int limit) {
        return query("SELECT " + LISTING + " FROM pieces p WHERE " + LIVE + in(language)
                        + " AND p.publish_at >= :since ORDER BY p.publish_at DESC, p.id DESC LIMIT :limit")
                .param("language", language)
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .param("limit", limit)
                .query(PieceCatalog::listing)
                .list();
    }

    /** Published or scheduled pieces whose time has not come yet, soonest first. */
    public List<Piece> scheduledAhead() {
        return assemble(query("SELECT " + COLUMNS + " FROM pieces p WHERE p.status IN ('PUBLISHED','SCHEDULED') "
                        + "AND p.publish_at > :now ORDER BY p.publish_at, p.id")
                .query(PieceCatalog::row)
                .list());
    }

    /** When the next scheduled piece goes live: caches of lists must be dropped at that moment. */
    public Optional<Instant> nextGoLive() {
        return query(
                        "SELECT MIN(p.publish_at) FROM pieces p WHERE p.status IN ('PUBLISHED','SCHEDULED') AND p.publish_at > :now")
                .query((rs, n) -> instant(rs, 1))
                .optional();
    }

    /** The latest change to any piece (a search index older than this is stale). */
    public Optional<Instant> lastUpdated() {
        return jdbc.sql("SELECT MAX(updated_at) FROM pieces")
                .query((rs, n) -> instant(rs, 1))
                .optional();
    }

    private static PieceListing listing(ResultSet rs, int n) throws SQLException {
        return new PieceListing(
                rs.getLong(1),
                PieceKind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                instant(rs, 6),
                instant(rs, 7),
                rs.getString(8),
                rs.getObject(9) == null ? null : rs.getLong(9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
