package org.sitrep.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The ingested stories as the admin and the analysis see them: newest first, each with its copies. */
@Service
public class IngestedStories {
    /** A story: its cleaned text and sanitised HTML, and how many copies of it arrived. */
    public record Story(
            long id,
            String title,
            String text,
            String html,
            String format,
            String sourceName,
            String url,
            LocalDate published,
            String keywords,
            Instant fetchedAt,
            int copies) {
        public int duplicates() {
            return copies - 1;
        }
    }

    /** One arrival of a story from one source, with its raw copy (and a feed entry's linked page, or null). */
    public record Copy(
            long id,
            long itemId,
            Long sourceId,
            String sourceName,
            String url,
            String guid,
            String title,
            Instant fetchedAt,
            Double similarity,
            String rawSha256,
            String rawType,
            long rawBytes,
            String pageSha256,
            Long pageBytes) {}

    /** A line of the stories list: a story with the names of every source it came from. */
    public record Listed(Story story, List<String> sources) {}

    private final JdbcClient jdbc;

    IngestedStories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM ingest_items").query(Long.class).single();
    }

    public List<Listed> newest(int offset, int limit) {
        List<Story> stories = jdbc.sql("SELECT " + STORY + " FROM ingest_items ORDER BY fetched_at DESC, id DESC "
                        + "OFFSET " + Math.max(0, offset) + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .query(IngestedStories::story)
                .list();
        return stories.stream()
                .map(s -> new Listed(
                        s,
                        jdbc.sql(
                                        "SELECT DISTINCT source_name FROM ingest_copies WHERE item_id = :id ORDER BY source_name")
                                .param("id", s.id())
                                .query(String.class)
                                .list()))
                .toList();
    }

    public Optional<Story> find(long id) {
        return jdbc.sql("SELECT " + STORY + " FROM ingest_items WHERE id = :id")
                .param("id", id)
                .query(IngestedStories::story)
                .optional();
    }

    public List<Copy> copies(long itemId) {
        return jdbc.sql("SELECT " + COPY + " FROM ingest_copies WHERE item_id = :id ORDER BY fetched_at, id")
                .param("id", itemId)
                .query(IngestedStories::copy)
                .list();
    }

    public Optional<Copy> copy(long copyId) {
        return jdbc.sql("SELECT " + COPY + " FROM ingest_copies WHERE id = :id")
                .param("id", copyId)
                .query(IngestedStories::copy)
                .optional();
    }

    private static final String STORY =
            "id, title, text, html, format, source_name, url, published_on, keywords, fetched_at, copies";
    private static final String COPY = "id, item_id, source_id, source_name, url, guid, title, fetched_at, similarity, "
            + "raw_sha256, raw_type, raw_bytes, page_sha256, page_bytes";

    private static Story story(ResultSet rs, int n) throws SQLException {
        return new Story(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                instant(rs, 10),
                rs.getInt(11));
    }

    private static Copy copy(ResultSet rs, int n) throws SQLException {
        long source = rs.getLong(3);
        Long sourceId = rs.wasNull() ? null : source;
        double similarity = rs.getDouble(9);
        Double sim = rs.wasNull() ? null : similarity;
        long page = rs.getLong(14);
        Long pageBytes = rs.wasNull() ? null : page;
        return new Copy(
                rs.getLong(1),
                rs.getLong(2),
                sourceId,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                instant(rs, 8),
                sim,
                rs.getString(10),
                rs.getString(11),
                rs.getLong(12),
                rs.getString(13),
                pageBytes);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
