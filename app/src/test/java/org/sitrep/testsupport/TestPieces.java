package org.sitrep.testsupport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.newsroom.PieceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Test fixture: writes authors, tags, photos and pieces straight into the newsroom's tables with
 * JDBC (as the newsroom would), then announces each piece with {@link PieceChanged} like the
 * newsroom does, so caches and the search index follow.
 */
public final class TestPieces {
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public TestPieces(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public long author(String slug, String name, String bio) {
        return insert(jdbc.sql("INSERT INTO authors (slug, name, bio) VALUES (:slug, :name, :bio)")
                .param("slug", slug)
                .param("name", name)
                .param("bio", bio));
    }

    public long tag(String slug, String name) {
        return insert(jdbc.sql("INSERT INTO tags (slug, name) VALUES (:slug, :name)")
                .param("slug", slug)
                .param("name", name));
    }

    /** A 1600x900 JPEG with 480 and 960 px renditions (no files on disk: pages only link to them). */
    public long photo(String key, String caption, String credit, String alt) {
        long id = insert(jdbc.sql("INSERT INTO photos (storage_key, content_type, width, height, caption, credit, "
                        + "picture_id, keywords, alt_text, created_at) VALUES (:key, 'image/jpeg', 1600, 900, :caption, "
                        + ":credit, :pid, 'conflict, test', :alt, :now)")
                .param("key", key)
                .param("caption", caption)
                .param("credit", credit)
                .param("pid", "PIC-" + key)
                .param("alt", alt)
                .param("now", utc(Instant.parse("2026-01-01T00:00:00Z"))));
        for (int w : new int[] {480, 960}) {
            jdbc.sql("INSERT INTO photo_renditions (photo_id, width, height, file_name) VALUES (:id, :w, :h, :f)")
                    .param("id", id)
                    .param("w", w)
                    .param("h", w * 9 / 16)
                    .param("f", key + "-" + w + ".jpg")
                    .update();
        }
        return id;
    }

    public Draft piece(String slug) {
        return new Draft(slug);
    }

    /** Tell listeners that a piece changed, as the newsroom does after every save. */
    public void changed(long pieceId) {
        events.publishEvent(new PieceChanged(pieceId));
    }

    /** Change a piece's status and publish time in place, then announce it. */
    public void setStatus(long pieceId, String status, Instant publishAt, Instant updatedAt) {
        jdbc.sql("UPDATE pieces SET status = :status, publish_at = :at, updated_at = :updated WHERE id = :id")
                .param("status", status)
                .param("at", utc(publishAt))
                .param("updated", utc(updatedAt))
                .param("id", pieceId)
                .update();
        changed(pieceId);
    }

    public final class Draft {
        private final String slug;
        private String kind = "NEWS";
        private String headline = "Untitled";
        private String standfirst;
        private String bodyHtml = "<p>Text.</p>";
        private String section;
        private String status = "PUBLISHED";
        private String access = "PUBLIC";
        private Instant publishAt = Instant.parse("2026-01-01T10:00:00Z");
        private Instant updatedAt;
        private Long photoId;
        private final List<Long> authors = new ArrayList<>();
        private final List<Long> tags = new ArrayList<>();

        private Draft(String slug) {
            this.slug = slug;
        }

        public Draft kind(String k) {
            kind = k;
            return this;
        }

        public Draft headline(String h) {
            headline = h;
            return this;
        }

        public Draft standfirst(String s) {
            standfirst = s;
            return this;
        }
        /** Already sanitised HTML, as the newsroom stores it. */
        public Draft body(String html) {
            bodyHtml = html;
            return this;
        }

        public Draft section(String s) {
            section = s;
            return this;
        }

        public Draft status(String s) {
            status = s;
            return this;
        }

        public Draft access(String a) {
            access = a;
            return this;
        }

        public Draft publishAt(Instant t) {
            publishAt = t;
            return this;
        }

        public Draft updatedAt(Instant t) {
            updatedAt = t;
            return this;
        }

        public Draft photo(long id) {
            photoId = id;
            return this;
        }

        public Draft author(long id) {
            authors.add(id);
            return this;
        }

        public Draft tag(long id) {
            tags.add(id);
            return this;
        }

        /** Inserts the piece with its bylines and tags and announces it; returns its id. */
        public long insert() {
            Instant created = publishAt == null ? Instant.parse("2026-01-01T00:00:00Z") : publishAt.minusSeconds(3600);
            Instant updated = updatedAt != null ? updatedAt : publishAt != null ? publishAt : created;
            long id = TestPieces.this.insert(
                    jdbc.sql("INSERT INTO pieces (slug, kind, headline, standfirst, body_markdown, "
                                    + "body_html, section, status, access_level, lead_photo_id, publish_at, first_published_at, "
                                    + "created_at, updated_at) VALUES (:slug, :kind, :headline, :standfirst, :md, :html, :section, "
                                    + ":status, :access, :photo, :at, :first, :created, :updated)")
                            .param("slug", slug)
                            .param("kind", kind)
                            .param("headline", headline)
                            .param("standfirst", standfirst)
                            .param("md", bodyHtml)
                            .param("html", bodyHtml)
                            .param("section", section)
                            .param("status", status)
                            .param("access", access)
                            .param("photo", photoId)
                            .param("at", utc(publishAt))
                            .param("first", "PUBLISHED".equals(status) ? utc(publishAt) : null)
                            .param("created", utc(created))
                            .param("updated", utc(updated)));
            for (int i = 0; i < authors.size(); i++) {
                jdbc.sql("INSERT INTO piece_authors (piece_id, author_id, position) VALUES (:p, :a, :i)")
                        .param("p", id)
                        .param("a", authors.get(i))
                        .param("i", i)
                        .update();
            }
            for (long t : tags) {
                jdbc.sql("INSERT INTO piece_tags (piece_id, tag_id) VALUES (:p, :t)")
                        .param("p", id)
                        .param("t", t)
                        .update();
            }
            changed(id);
            return id;
        }
    }

    private long insert(JdbcClient.StatementSpec spec) {
        KeyHolder keys = new GeneratedKeyHolder();
        spec.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
