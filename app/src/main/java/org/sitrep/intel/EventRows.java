package org.sitrep.intel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sitrep.analysis.Event;

/**
 * The {@code intel_events} table as intel writes and reads it: the one list of the columns an event's content
 * fills (the engine's insert and update, and the benchmark generator, build their statements from it) and the
 * one column list and row mapper that read a {@link TrackedEvent}. A new column is added here once: a
 * {@link Content} component and its {@link #CONTENT} entry to write it, a line in {@link #SELECT} and
 * {@link #event} to read it.
 *
 * <p>Review (state, merges, corrections: {@link EventReview}) changes its own few columns with the audit trail.
 */
final class EventRows {
    private EventRows() {}

    /**
     * What an analysis says about one event, cut to the columns' widths: everything but its identity (id,
     * document, machine key), its review and its bookkeeping (created/updated, row version).
     */
    record Content(
            String eventType,
            String subEventType,
            String actor1,
            String actor2,
            String placeName,
            String country,
            String admin1,
            Double latitude,
            Double longitude,
            String geoPrecision,
            Long gazetteerId,
            LocalDate dateEarliest,
            LocalDate dateLatest,
            String dateText,
            String trigger,
            String evidenceSentence,
            Integer evidenceStart,
            Integer evidenceEnd,
            double confidence,
            String engineVersion,
            TrackedEvent.Deaths fatalities) {

        /** Content with no word on deaths. */
        Content(
                String eventType,
                String subEventType,
                String actor1,
                String actor2,
                String placeName,
                String country,
                String admin1,
                Double latitude,
                Double longitude,
                String geoPrecision,
                Long gazetteerId,
                LocalDate dateEarliest,
                LocalDate dateLatest,
                String dateText,
                String trigger,
                String evidenceSentence,
                Integer evidenceStart,
                Integer evidenceEnd,
                double confidence,
                String engineVersion) {
            this(
                    eventType,
                    subEventType,
                    actor1,
                    actor2,
                    placeName,
                    country,
                    admin1,
                    latitude,
                    longitude,
                    geoPrecision,
                    gazetteerId,
                    dateEarliest,
                    dateLatest,
                    dateText,
                    trigger,
                    evidenceSentence,
                    evidenceStart,
                    evidenceEnd,
                    confidence,
                    engineVersion,
                    null);
        }

        Content {
            eventType = cut(eventType, 60);
            subEventType = cut(subEventType, 100);
            actor1 = cut(actor1, 300);
            actor2 = cut(actor2, 300);
            placeName = cut(placeName, 300);
            country = country == null || country.length() != 2 ? null : country.toUpperCase(Locale.ROOT);
            admin1 = cut(admin1 == null || admin1.isBlank() ? null : admin1, 200);
            dateText = cut(dateText, 300);
            trigger = cut(trigger, 100);
            evidenceSentence = cut(evidenceSentence, 10000);
            confidence = Double.isFinite(confidence) ? confidence : 0.0;
            engineVersion = cut(engineVersion, 60);
        }

        /** An event the engine found in a document published on {@code published}. */
        static Content of(Event e, LocalDate published, String engineVersion) {
            // An event the text gives no date for happened, as far as we know, on the day it was reported.
            LocalDate earliest =
                    e.date() != null && e.date().earliest() != null ? e.date().earliest() : published;
            LocalDate latest =
                    e.date() != null && e.date().latest() != null ? e.date().latest() : earliest;
            if (latest.isBefore(earliest)) latest = earliest;
            var place = e.place();
            var evidence = e.evidence();
            return new Content(
                    e.type(),
                    e.subType(),
                    e.actor1(),
                    e.actor2(),
                    place == null ? null : place.name(),
                    place == null ? null : place.country(),
                    place == null ? null : place.admin1(),
                    place == null ? null : place.lat(),
                    place == null ? null : place.lon(),
                    place == null || place.precision() == null
                            ? null
                            : place.precision().word(),
                    place == null ? null : place.gazetteerId(),
                    earliest,
                    latest,
                    e.date() == null ? null : e.date().text(),
                    e.trigger(),
                    evidence == null ? null : evidence.sentence(),
                    evidence == null ? null : evidence.start(),
                    evidence == null ? null : evidence.end(),
                    e.confidence(),
                    engineVersion,
                    TrackedEvent.Deaths.of(e.fatalities()));
        }
    }

    private record Column(String name, Function<Content, Object> value) {}

    /** The content's columns, each bound as a parameter of its own name. */
    private static final List<Column> CONTENT = List.of(
            new Column("event_type", Content::eventType),
            new Column("sub_event_type", Content::subEventType),
            new Column("actor1", Content::actor1),
            new Column("actor2", Content::actor2),
            new Column("place_name", Content::placeName),
            new Column("country", Content::country),
            new Column("admin1", Content::admin1),
            new Column("latitude", Content::latitude),
            new Column("longitude", Content::longitude),
            new Column("geo_precision", Content::geoPrecision),
            new Column("gazetteer_id", Content::gazetteerId),
            new Column("date_earliest", Content::dateEarliest),
            new Column("date_latest", Content::dateLatest),
            new Column("date_text", Content::dateText),
            new Column("trigger_word", Content::trigger),
            new Column("evidence_sentence", Content::evidenceSentence),
            new Column("evidence_start", Content::evidenceStart),
            new Column("evidence_end", Content::evidenceEnd),
            new Column("confidence", Content::confidence),
            new Column("engine_version", Content::engineVersion),
            new Column(
                    "fatalities",
                    c -> c.fatalities() == null ? null : c.fatalities().best()),
            new Column(
                    "fatalities_low",
                    c -> c.fatalities() == null ? null : c.fatalities().low()),
            new Column(
                    "fatalities_high",
                    c -> c.fatalities() == null ? null : c.fatalities().high()),
            new Column(
                    "fatalities_text",
                    c -> c.fatalities() == null ? null : cut(c.fatalities().words(), 500)),
            new Column(
                    "fatalities_start",
                    c -> c.fatalities() == null ? null : c.fatalities().start()),
            new Column(
                    "fatalities_end",
                    c -> c.fatalities() == null ? null : c.fatalities().end()));

    /** A new event: parameters {@link #insertParams}. */
    static final String INSERT =
            "INSERT INTO intel_events (document_id, origin, machine_key, review_state, created_at, updated_at, "
                    + CONTENT.stream().map(Column::name).collect(Collectors.joining(", "))
                    + ") VALUES (:document_id, :origin, :machine_key, :review_state, :now, :now, "
                    + CONTENT.stream().map(c -> ":" + c.name()).collect(Collectors.joining(", ")) + ")";

    /**
     * New content for an event no analyst has touched (the row is left alone once one has): parameters
     * {@link #contentParams} and {@code id}. Raises the row version, as every change does.
     */
    static final String UPDATE_UNREVIEWED = "UPDATE intel_events SET "
            + CONTENT.stream().map(c -> c.name() + " = :" + c.name()).collect(Collectors.joining(", "))
            + ", updated_at = :now, row_version = row_version + 1 WHERE id = :id AND review_state = 'unreviewed'";

    static Map<String, Object> contentParams(Content content, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Column c : CONTENT) params.put(c.name(), c.value().apply(content));
        params.put("now", now);
        return params;
    }

    static Map<String, Object> insertParams(
            long documentId, String origin, String machineKey, ReviewState state, Content content, OffsetDateTime now) {
        Map<String, Object> params = contentParams(content, now);
        params.put("document_id", documentId);
        params.put("origin", origin);
        params.put("machine_key", machineKey);
        params.put("review_state", state.dbValue());
        return params;
    }

    /** The columns {@link #event} reads, from {@code intel_events e JOIN intel_documents d ON d.id = e.document_id}. */
    static final String SELECT = """
            e.id, e.document_id, d.source_kind, d.source_id, d.title, d.url, d.source_name, d.published_on, e.origin,
            e.event_type, e.sub_event_type, e.actor1, e.actor2, e.place_name, e.country, e.admin1, e.latitude, e.longitude,
            e.geo_precision, e.gazetteer_id, e.date_earliest, e.date_latest, e.date_text, e.trigger_word,
            e.evidence_sentence, e.evidence_start, e.evidence_end, e.confidence, e.review_state, e.merged_into,
            e.engine_version, e.updated_at, e.row_version, e.fatalities, e.fatalities_low, e.fatalities_high,
            e.fatalities_text, e.fatalities_start, e.fatalities_end""";

    static TrackedEvent event(ResultSet rs, int n) throws SQLException {
        var source = new TrackedEvent.Source(
                rs.getLong("document_id"),
                rs.getString("source_kind"),
                rs.getLong("source_id"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("source_name"),
                rs.getObject("published_on", LocalDate.class));
        return new TrackedEvent(
                rs.getLong("id"),
                source,
                rs.getString("origin"),
                rs.getString("event_type"),
                rs.getString("sub_event_type"),
                rs.getString("actor1"),
                rs.getString("actor2"),
                rs.getString("place_name"),
                rs.getString("country"),
                rs.getString("admin1"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("geo_precision"),
                rs.getObject("gazetteer_id", Long.class),
                rs.getObject("date_earliest", LocalDate.class),
                rs.getObject("date_latest", LocalDate.class),
                rs.getString("date_text"),
                rs.getString("trigger_word"),
                rs.getString("evidence_sentence"),
                rs.getObject("evidence_start", Integer.class),
                rs.getObject("evidence_end", Integer.class),
                rs.getDouble("confidence"),
                ReviewState.fromDb(rs.getString("review_state")),
                rs.getObject("merged_into", Long.class),
                rs.getString("engine_version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("row_version"),
                deaths(rs));
    }

    private static TrackedEvent.Deaths deaths(ResultSet rs) throws SQLException {
        Integer best = rs.getObject("fatalities", Integer.class);
        if (best == null) return null;
        return new TrackedEvent.Deaths(
                best,
                rs.getObject("fatalities_low", Integer.class),
                rs.getObject("fatalities_high", Integer.class),
                rs.getString("fatalities_text"),
                rs.getObject("fatalities_start", Integer.class),
                rs.getObject("fatalities_end", Integer.class));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
