package org.sitrep.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitrep.intel.AnalysisRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every item from every way in ends: an exact re-fetch (same URL, guid, or same bytes and
 * headline) changes nothing; the same story from another source (a near-duplicate by MinHash) is
 * kept as one more copy of the story it repeats; anything else is a new story, handed to analysis.
 */
@Service
public class Intake {
    /** What became of one item. */
    public enum Result {
        NEW,
        DUPLICATE,
        REPEAT
    }

    public record Outcome(Result result, long itemId, String title, double similarity) {
        /** One line for the command line and the admin's notices. */
        public String describe() {
            return switch (result) {
                case NEW -> "ingested as story #" + itemId + (title == null ? "" : " (" + title + ")");
                case DUPLICATE ->
                    "duplicate of story #" + itemId
                            + String.format(" (similarity %.2f), kept as another source", similarity);
                case REPEAT -> "already ingested as story #" + itemId + " (no change)";
            };
        }
    }

    /** Where an item came from: a configured source (id and name) or a way in (inbox, command line, admin). */
    public record Origin(Long sourceId, String sourceName) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;
    private final RawCopies raw;
    private final IngestSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Intake(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            Clock clock,
            RawCopies raw,
            IngestSettings settings,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
        this.raw = raw;
        this.settings = settings;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Takes in one item that arrived in {@code rawBytes} (of media type {@code rawType}). Serialised:
     * two copies of one story arriving together must not both become new stories.
     */
    public Outcome take(WireItem item, Origin origin, byte[] rawBytes, String rawType) {
        return take(item, origin, rawBytes, rawType, null);
    }

    /**
     * As {@link #take(WireItem, Origin, byte[], String)} for a feed entry whose text was taken from
     * its linked page: {@code pageBytes}, the page as it arrived, is kept as a second raw copy.
     */
    Outcome take(WireItem item, Origin origin, byte[] rawBytes, String rawType, byte[] pageBytes) {
        if (item.blocks().isEmpty()) throw new BadInput("no text to ingest");
        String sha = raw.keep(rawBytes);
        RawPage page = pageBytes == null ? null : new RawPage(raw.keep(pageBytes), pageBytes.length);
        Outcome outcome;
        synchronized (this) {
            outcome = transaction.execute(
                    status -> store(item, origin, new RawCopy(sha, rawType, rawBytes.length, page)));
        }
        // After the commit: the analysis queue must find the story when it looks.
        if (outcome.result() == Result.NEW)
            events.publishEvent(new AnalysisRequested(ItemDocuments.KIND, outcome.itemId()));
        return outcome;
    }

    /** Whether an item with this guid or URL was taken in before: a feed entry's page is fetched only when not. */
    boolean isKnown(WireItem item) {
        return knownByGuidOrUrl(item).isPresent();
    }

    /** What arrived, kept under {@code <data>/ingest/raw}: the bytes, and for a feed entry its linked page (or null). */
    private record RawCopy(String sha, String type, long bytes, RawPage page) {}

    private record RawPage(String sha, long bytes) {}

    private Outcome store(WireItem item, Origin origin, RawCopy rawCopy) {
        String sha = rawCopy.sha();
        Optional<Long> repeat = repeatOf(item, sha);
        if (repeat.isPresent()) return new Outcome(Result.REPEAT, repeat.get(), item.title(), 1.0);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String sourceName = sourceName(item, origin);
        StorySignature signature = StorySignature.of(item.text());
        if (signature != null) {
            Match best = nearest(signature, now.minus(settings.duplicateWindow()));
            if (best != null && best.similarity >= settings.duplicateSimilarity()) {
                insertCopy(best.itemId, item, origin, sourceName, now, best.similarity, rawCopy);
                jdbc.sql("UPDATE ingest_items SET copies = copies + 1 WHERE id = :id")
                        .param("id", best.itemId)
                        .update();
                return new Outcome(Result.DUPLICATE, best.itemId, item.title(), best.similarity);
            }
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO ingest_items (title, text, html, format, source_name, url, published_on, keywords, fetched_at, "
                                + "signature, copies) VALUES (:title, :text, :html, :format, :source, :url, :published, :keywords, :now, "
                                + ":signature, 1)")
                .param("title", cut(item.title(), 1000))
                .param("text", item.text())
                .param("html", item.html())
                .param("format", item.format())
                .param("source", cut(sourceName, 300))
                .param("url", cut(item.url(), 2000))
                .param("published", item.published())
                .param("keywords", keywords(item.keywords()))
                .param("now", now)
                .param("signature", signature == null ? null : signature.encode())
                .update(key, "id");
        long id = key.getKey().longValue();
        if (signature != null) {
            List<Object[]> rows = new ArrayList<>();
            for (long band : signature.bandKeys()) rows.add(new Object[] {band, id});
            jdbcTemplate.batchUpdate("INSERT INTO ingest_item_bands (band_key, item_id) VALUES (?, ?)", rows);
        }
        insertCopy(id, item, origin, sourceName, now, null, rawCopy);
        return new Outcome(Result.NEW, id, item.title(), 0);
    }

    /** The story this exact item was already taken into: same guid, same URL, or same bytes with the same headline. */
    private Optional<Long> repeatOf(WireItem item, String sha) {
        Optional<Long> known = knownByGuidOrUrl(item);
        if (known.isPresent()) return known;
        if (item.guid() == null && item.url() == null) {
            if (item.title() == null) {
                return jdbc.sql(
                                "SELECT item_id FROM ingest_copies WHERE raw_sha256 = :sha AND title IS NULL FETCH FIRST 1 ROWS ONLY")
                        .param("sha", sha)
                        .query(Long.class)
                        .optional();
            }
            return jdbc.sql(
                            "SELECT item_id FROM ingest_copies WHERE raw_sha256 = :sha AND title = :title FETCH FIRST 1 ROWS ONLY")
                    .param("sha", sha)
                    .param("title", cut(item.title(), 1000))
                    .query(Long.class)
                    .optional();
        }
        return Optional.empty();
    }

    private Optional<Long> knownByGuidOrUrl(WireItem item) {
        if (item.guid() != null) {
            Optional<Long> byGuid = jdbc.sql(
                            "SELECT item_id FROM ingest_copies WHERE guid = :g FETCH FIRST 1 ROWS ONLY")
                    .param("g", cut(item.guid(), 2000))
                    .query(Long.class)
                    .optional();
            if (byGuid.isPresent()) return byGuid;
        }
        if (item.url() != null) {
            Optional<Long> byUrl = jdbc.sql("SELECT item_id FROM ingest_copies WHERE url = :u FETCH FIRST 1 ROWS ONLY")
                    .param("u", cut(item.url(), 2000))
                    .query(Long.class)
                    .optional();
            if (byUrl.isPresent()) return byUrl;
        }
        return Optional.empty();
    }

    private record Match(long itemId, double similarity) {}

    /** The most similar earlier story among those sharing a band of the signature. */
    private Match nearest(StorySignature signature, OffsetDateTime since) {
        long[] bands = signature.bandKeys();
        List<Long> keys = new ArrayList<>(bands.length);
        for (long b : bands) keys.add(b);
        List<Object[]> candidates = jdbc.sql(
                        "SELECT DISTINCT i.id, i.signature FROM ingest_item_bands b "
                                + "JOIN ingest_items i ON i.id = b.item_id WHERE b.band_key IN (:keys) AND i.fetched_at >= :since")
                .param("keys", keys)
                .param("since", since)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        Match best = null;
        for (Object[] c : candidates) {
            StorySignature other = StorySignature.decode((String) c[1]);
            if (other == null) continue;
            double s = signature.similarity(other);
            if (best == null || s > best.similarity || s == best.similarity && (Long) c[0] < best.itemId) {
                best = new Match((Long) c[0], s);
            }
        }
        return best;
    }

    private void insertCopy(
            long itemId,
            WireItem item,
            Origin origin,
            String sourceName,
            OffsetDateTime now,
            Double similarity,
            RawCopy raw) {
        jdbc.sql(
                        "INSERT INTO ingest_copies (item_id, source_id, source_name, url, guid, title, fetched_at, similarity, "
                                + "raw_sha256, raw_type, raw_bytes, page_sha256, page_bytes) VALUES (:item, :source, :name, :url, :guid, "
                                + ":title, :now, :similarity, :sha, :type, :bytes, :pageSha, :pageBytes)")
                .param("item", itemId)
                .param("source", origin.sourceId())
                .param("name", cut(sourceName, 300))
                .param("url", cut(item.url(), 2000))
                .param("guid", cut(item.guid(), 2000))
                .param("title", cut(item.title(), 1000))
                .param("now", now)
                .param("similarity", similarity)
                .param("sha", raw.sha())
                .param("type", cut(raw.type(), 100))
                .param("bytes", raw.bytes())
                .param("pageSha", raw.page() == null ? null : raw.page().sha())
                .param("pageBytes", raw.page() == null ? null : raw.page().bytes())
                .update();
    }

    /** A wire item names its provider ("Example Wire via inbox"); a feed or page is named by its configured source. */
    private static String sourceName(WireItem item, Origin origin) {
        if (origin.sourceId() == null
                && item.provider() != null
                && !item.provider().isBlank()) return item.provider();
        return origin.sourceName();
    }

    private static String keywords(List<String> keywords) {
        if (keywords.isEmpty()) return null;
        return cut(String.join(", ", keywords), 2000);
    }

    static String cut(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    Instant now() {
        return clock.instant();
    }
}
