package org.sitrep.intel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what the engine found in a document: the cleaned text, the places and actors it mentions,
 * and its events. Re-analysis never overrides an analyst: an event anyone has reviewed (confirmed,
 * corrected, rejected, merged, or reopened after review) is left as it is, and the machine never
 * adds back an event with the same {@linkplain #machineKey key} as one of those. Untouched machine
 * events are updated in place when found again (their ids, and links to them, stay), dropped when not.
 */
@Service
public class AnalysisStore {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final StoryLinks stories;

    AnalysisStore(JdbcClient jdbc, Clock clock, ApplicationEventPublisher publisher, StoryLinks stories) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publisher = publisher;
        this.stories = stories;
    }

    /** Stores one analysis of {@code source}; returns the document id. */
    @Transactional
    public long save(SourceDocument source, Analysis analysis) {
        OffsetDateTime now = now();
        LocalDate published = source.published() != null ? source.published() : analysis.published();
        long documentId = upsertDocument(source, analysis, published, now);

        jdbc.sql("DELETE FROM intel_document_places WHERE document_id = :doc")
                .param("doc", documentId)
                .update();
        jdbc.sql("DELETE FROM intel_document_actors WHERE document_id = :doc")
                .param("doc", documentId)
                .update();
        savePlaces(documentId, analysis.places());
        saveActors(documentId, analysis.actors());

        Set<Long> deleted = reconcileEvents(documentId, analysis.events(), published, analysis.engineVersion(), now);
        relocateReviewedEvidence(documentId, analysis.text());
        announce(documentId, deleted);
        return documentId;
    }

    /**
     * Stores events found again in an existing document, as a Spark archive run found them
     * ({@link ArchiveImport}): the same rules as {@link #save} (analysts' events kept, untouched machine events
     * updated in place or dropped), but the document's text, places and actors stay as the server stored them;
     * the events' evidence offsets are set against that text (cleared when their sentence is not in it).
     */
    @Transactional
    public ImportedEvents importEvents(long documentId, List<Event> events, String engineVersion) {
        OffsetDateTime now = now();
        Object[] doc = jdbc.sql("SELECT published_on, text FROM intel_documents WHERE id = :doc")
                .param("doc", documentId)
                .query((rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getString(2)})
                .single();
        String text = (String) doc[1];
        int before = eventCount(documentId);
        Set<Long> deleted = reconcileEvents(
                documentId, events.stream().map(e -> inText(e, text)).toList(), (LocalDate) doc[0], engineVersion, now);
        jdbc.sql("UPDATE intel_documents SET engine_version = :version, analysed_at = :now WHERE id = :doc")
                .param("version", cut(engineVersion, 60))
                .param("now", now)
                .param("doc", documentId)
                .update();
        relocateReviewedEvidence(documentId, text);
        announce(documentId, deleted);
        return new ImportedEvents(before, eventCount(documentId), deleted.size());
    }

    /**
     * Links the document's new events to the same event told by another article (counted once; the kept event may
     * take its deaths), then tells the caches which events and documents changed.
     */
    private void announce(long documentId, Set<Long> deleted) {
        Set<Long> documents = new HashSet<>(Set.of(documentId));
        stories.link(documentId).forEach(l -> documents.add(l.intoDocument()));
        publisher.publishEvent(new EventsChanged(deleted, documents));
    }

    /** The event with its evidence offsets pointing at its sentence in {@code text} (-1 when it is not there). */
    private static Event inText(Event e, String text) {
        if (e.evidence() == null || e.evidence().sentence() == null) return e;
        String sentence = e.evidence().sentence();
        int at = e.evidence().start() >= 0
                        && text.startsWith(sentence, e.evidence().start())
                ? e.evidence().start()
                : text.indexOf(sentence);
        if (at == e.evidence().start()) return e;
        return new Event(
                e.type(),
                e.subType(),
                e.actor1(),
                e.actor2(),
                e.place(),
                e.date(),
                e.trigger(),
                new Evidence(sentence, at, at < 0 ? -1 : at + sentence.length()),
                e.confidence(),
                e.fatalities());
    }

    /** What an import did to one document: its events before and after, and how many machine events went. */
    public record ImportedEvents(int before, int after, int dropped) {}

    private int eventCount(long documentId) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_events WHERE document_id = :doc")
                .param("doc", documentId)
                .query(Long.class)
                .single()
                .intValue();
    }

    /**
     * Events the machine may touch: unreviewed, from the machine, never looked at by an analyst and not the target
     * of a merge. Everything else is the analysts'. Returns the ids of the machine events that went.
     */
    private Set<Long> reconcileEvents(
            long documentId, List<Event> events, LocalDate published, String engineVersion, OffsetDateTime now) {
        Map<String, Long> replaceable = new HashMap<>();
        Set<String> analysts = new HashSet<>();
        Set<Long> deleted = new HashSet<>();
        // An analyst's decision also covers the same trigger in the same sentence coded as another type: a
        // model retrained from that correction must not add the corrected event again beside it.
        Set<String> analystSpots = new HashSet<>();
        List<Object[]> existing = jdbc.sql("SELECT e.id, e.machine_key, e.review_state, e.origin, "
                        + "(SELECT COUNT(*) FROM intel_event_reviews r WHERE r.event_id = e.id) + "
                        + "(SELECT COUNT(*) FROM intel_events m WHERE m.merged_into = e.id) AS touched, "
                        + "e.trigger_word, e.evidence_sentence "
                        + "FROM intel_events e WHERE e.document_id = :doc ORDER BY e.id")
                .param("doc", documentId)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    "unreviewed".equals(rs.getString(3)) && "machine".equals(rs.getString(4)) && rs.getLong(5) == 0,
                    spot(rs.getString(6), rs.getString(7))
                })
                .list();
        for (Object[] row : existing) {
            long id = (Long) row[0];
            String key = (String) row[1];
            boolean machineOnly = (Boolean) row[2];
            if (machineOnly && key != null && !replaceable.containsKey(key)) replaceable.put(key, id);
            else if (machineOnly) deleted.add(id);
            else if (key != null) {
                analysts.add(key);
                analystSpots.add((String) row[3]);
            }
        }

        Map<String, Event> found = new LinkedHashMap<>();
        for (Event e : events) {
            String key = machineKey(e);
            Event seen = found.get(key);
            if (seen == null || e.confidence() > seen.confidence()) found.put(key, e);
        }
        for (Map.Entry<String, Event> f : found.entrySet()) {
            if (analysts.contains(f.getKey())) continue;
            Event e = f.getValue();
            if (analystSpots.contains(
                    spot(e.trigger(), e.evidence() == null ? null : e.evidence().sentence()))) continue;
            Long same = replaceable.remove(f.getKey());
            if (same != null) updateEvent(same, f.getValue(), published, engineVersion, now);
            else insertEvent(documentId, f.getKey(), f.getValue(), published, engineVersion, now);
        }
        deleted.addAll(replaceable.values());
        deleted.forEach(this::deleteEvent);
        return deleted;
    }

    /**
     * The source is gone or no longer public (a piece unpublished or deleted): its machine events go;
     * reviewed events stay, and their document is flagged withdrawn. Returns whether anything remains.
     */
    @Transactional
    public boolean withdraw(String kind, long sourceId) {
        Long documentId = jdbc.sql("SELECT id FROM intel_documents WHERE source_kind = :kind AND source_id = :id")
                .param("kind", kind)
                .param("id", sourceId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (documentId == null) return false;
        List<Long> machineOnly = jdbc.sql("SELECT id FROM intel_events WHERE document_id = :doc AND origin = 'machine' "
                        + "AND review_state = 'unreviewed' "
                        + "AND NOT EXISTS (SELECT 1 FROM intel_event_reviews r WHERE r.event_id = intel_events.id) "
                        + "AND id NOT IN (SELECT m.merged_into FROM intel_events m WHERE m.merged_into IS NOT NULL)")
                .param("doc", documentId)
                .query(Long.class)
                .list();
        machineOnly.forEach(this::deleteEvent);
        publisher.publishEvent(new EventsChanged(new HashSet<>(machineOnly), Set.of(documentId)));
        long left = jdbc.sql("SELECT COUNT(*) FROM intel_events WHERE document_id = :doc")
                .param("doc", documentId)
                .query(Long.class)
                .single();
        if (left == 0) {
            jdbc.sql("DELETE FROM intel_documents WHERE id = :doc")
                    .param("doc", documentId)
                    .update();
            return false;
        }
        jdbc.sql("DELETE FROM intel_document_places WHERE document_id = :doc")
                .param("doc", documentId)
                .update();
        jdbc.sql("DELETE FROM intel_document_actors WHERE document_id = :doc")
                .param("doc", documentId)
                .update();
        jdbc.sql("UPDATE intel_documents SET withdrawn_at = COALESCE(withdrawn_at, :now) WHERE id = :doc")
                .param("now", now())
                .param("doc", documentId)
                .update();
        return true;
    }

    /**
     * Identifies "the same event" across analyses of a document: its type, trigger and evidence
     * sentence (case, spacing and punctuation ignored), hashed. Actors, place and date are left out on
     * purpose: those are what an engine upgrade improves, and what analysts correct.
     */
    public static String machineKey(Event e) {
        String sentence = e.evidence() == null ? "" : e.evidence().sentence();
        String material = e.type() + "|" + normalise(e.trigger()) + "|" + normalise(sentence);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** An event's trigger in its sentence, whatever its type. */
    private static String spot(String trigger, String sentence) {
        return normalise(trigger) + "|" + normalise(sentence);
    }

    private static String normalise(String s) {
        if (s == null) return "";
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private long upsertDocument(SourceDocument source, Analysis analysis, LocalDate published, OffsetDateTime now) {
        String title =
                cut(source.title() != null && !source.title().isBlank() ? source.title() : analysis.title(), 1000);
        String sourceName = cut(
                source.sourceName() == null || source.sourceName().isBlank() ? source.kind() : source.sourceName(),
                300);
        int updated = jdbc.sql("UPDATE intel_documents SET title = :title, url = :url, source_name = :source, "
                        + "published_on = :published, text = :text, engine_version = :version, analysed_at = :now, "
                        + "withdrawn_at = NULL WHERE source_kind = :kind AND source_id = :id")
                .param("title", title)
                .param("url", cut(source.url(), 2000))
                .param("source", sourceName)
                .param("published", published)
                .param("text", analysis.text())
                .param("version", analysis.engineVersion())
                .param("now", now)
                .param("kind", source.kind())
                .param("id", source.id())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO intel_documents (source_kind, source_id, title, url, source_name, published_on, text, "
                                    + "engine_version, analysed_at) VALUES (:kind, :id, :title, :url, :source, :published, :text, :version, :now)")
                    .param("title", title)
                    .param("url", cut(source.url(), 2000))
                    .param("source", sourceName)
                    .param("published", published)
                    .param("text", analysis.text())
                    .param("version", analysis.engineVersion())
                    .param("now", now)
                    .param("kind", source.kind())
                    .param("id", source.id())
                    .update();
        }
        return jdbc.sql("SELECT id FROM intel_documents WHERE source_kind = :kind AND source_id = :id")
                .param("kind", source.kind())
                .param("id", source.id())
                .query(Long.class)
                .single();
    }

    private void savePlaces(long documentId, List<Place> places) {
        Map<Long, Place> byId = new LinkedHashMap<>();
        Map<Long, Integer> mentions = new HashMap<>();
        for (Place p : places) {
            byId.putIfAbsent(p.gazetteerId(), p);
            mentions.merge(p.gazetteerId(), Math.max(1, p.mentions().size()), Integer::sum);
        }
        for (Place p : byId.values()) {
            jdbc.sql(
                            "INSERT INTO intel_document_places (document_id, gazetteer_id, name, country, admin1, latitude, longitude, "
                                    + "geo_precision, mentions) VALUES (:doc, :gid, :name, :country, :admin1, :lat, :lon, :precision, :mentions)")
                    .param("doc", documentId)
                    .param("gid", p.gazetteerId())
                    .param("name", cut(p.name(), 300))
                    .param("country", country(p.country()))
                    .param("admin1", cut(blankToNull(p.admin1()), 200))
                    .param("lat", p.lat())
                    .param("lon", p.lon())
                    .param("precision", p.precision().word())
                    .param("mentions", mentions.get(p.gazetteerId()))
                    .update();
        }
    }

    private void saveActors(long documentId, List<Actor> actors) {
        Map<String, Actor> byName = new LinkedHashMap<>();
        Map<String, Integer> mentions = new HashMap<>();
        for (Actor a : actors) {
            String canonical = cut(a.canonical() != null ? a.canonical() : a.name(), 300);
            if (canonical == null || canonical.isBlank()) continue;
            byName.putIfAbsent(canonical, a);
            mentions.merge(canonical, Math.max(1, a.mentions().size()), Integer::sum);
        }
        byName.forEach((canonical, a) -> jdbc.sql(
                        "INSERT INTO intel_document_actors (document_id, canonical, kind, side, mentions) "
                                + "VALUES (:doc, :canonical, :kind, :side, :mentions)")
                .param("doc", documentId)
                .param("canonical", canonical)
                .param("kind", a.kind() == null ? null : a.kind().word())
                .param("side", cut(a.side(), 200))
                .param("mentions", mentions.get(canonical))
                .update());
    }

    private void insertEvent(
            long documentId, String key, Event e, LocalDate published, String version, OffsetDateTime now) {
        jdbc.sql(EventRows.INSERT)
                .params(EventRows.insertParams(
                        documentId,
                        "machine",
                        key,
                        ReviewState.UNREVIEWED,
                        EventRows.Content.of(e, published, version),
                        now))
                .update();
    }

    private void updateEvent(long id, Event e, LocalDate published, String version, OffsetDateTime now) {
        jdbc.sql(EventRows.UPDATE_UNREVIEWED)
                .params(EventRows.contentParams(EventRows.Content.of(e, published, version), now))
                .param("id", id)
                .update();
    }

    /** An analyst's event keeps its sentence; its offsets follow the sentence into the new text (or clear if it is gone). */
    private void relocateReviewedEvidence(long documentId, String text) {
        jdbc.sql("SELECT id, evidence_sentence, evidence_start FROM intel_events WHERE document_id = :doc "
                        + "AND evidence_sentence IS NOT NULL")
                .param("doc", documentId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class)})
                .list()
                .forEach(row -> {
                    String sentence = (String) row[1];
                    Integer oldStart = (Integer) row[2];
                    if (oldStart != null && text.startsWith(sentence, oldStart)) return;
                    int at = text.indexOf(sentence);
                    jdbc.sql("UPDATE intel_events SET evidence_start = :start, evidence_end = :end WHERE id = :id")
                            .param("start", at < 0 ? null : at)
                            .param("end", at < 0 ? null : at + sentence.length())
                            .param("id", row[0])
                            .update();
                });
    }

    /** A machine event the engine no longer finds; an analyst may have reviewed it since it was read: then it stays. */
    private void deleteEvent(long id) {
        int gone = jdbc.sql("DELETE FROM intel_events WHERE id = :id AND review_state = 'unreviewed' "
                        + "AND NOT EXISTS (SELECT 1 FROM intel_event_reviews r WHERE r.event_id = intel_events.id)")
                .param("id", id)
                .update();
        // Remembered, so an API client keeping a copy learns it is gone (EventChanges.removedSince).
        if (gone == 1) {
            jdbc.sql("INSERT INTO intel_event_withdrawals (event_id, withdrawn_at) VALUES (:id, :now)")
                    .param("id", id)
                    .param("now", now())
                    .update();
        }
    }

    private static String country(String iso) {
        return iso == null || iso.length() != 2 ? null : iso.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
