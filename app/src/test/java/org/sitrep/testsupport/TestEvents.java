package org.sitrep.testsupport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.sitrep.intel.EventsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes analysed documents and their events straight into the intel tables, so tests of the
 * tracker, the API and the exports can set up exactly the events they need without running the engine.
 * Contexts using it set {@code sitrep.intel.workers=0}: the queue's startup check would otherwise
 * re-analyse these documents (their engine version is "test") and withdraw them, their sources being absent.
 */
public final class TestEvents {
    // One counter for the whole run: test classes that share a context (and so a database) must not reuse ids.
    private static final AtomicLong NEXT_SOURCE_ID = new AtomicLong(1_000_000);
    private final JdbcClient jdbc;

    public TestEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An analysed ingested item whose cleaned text is {@code text}; returns the document id. */
    public long document(String title, String sourceName, LocalDate published, String text) {
        long sourceId = NEXT_SOURCE_ID.getAndIncrement();
        return document("item", sourceId, title, "https://wire.example/" + (sourceId + 1), sourceName, published, text);
    }

    public long document(
            String kind, long sourceId, String title, String url, String sourceName, LocalDate published, String text) {
        jdbc.sql("""
                INSERT INTO intel_documents (source_kind, source_id, title, url, source_name, published_on, text, engine_version, analysed_at)
                VALUES (:kind, :sourceId, :title, :url, :source, :published, :text, 'test', :at)""")
                .param("kind", kind)
                .param("sourceId", sourceId)
                .param("title", title)
                .param("url", url)
                .param("source", sourceName)
                .param("published", published)
                .param("text", text)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT id FROM intel_documents WHERE source_kind = :kind AND source_id = :sourceId")
                .param("kind", kind)
                .param("sourceId", sourceId)
                .query(Long.class)
                .single();
    }

    /**
     * Removes every analysed document and event (their places, actors and reviews go with them), for a test class
     * that counts all events and shares its context with others. The map index is told which events went.
     */
    public static void emptyTheStore(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        var gone = new HashSet<>(
                jdbc.sql("SELECT id FROM intel_events").query(Long.class).list());
        jdbc.sql("UPDATE intel_events SET merged_into = NULL WHERE merged_into IS NOT NULL")
                .update();
        jdbc.sql("DELETE FROM intel_documents").update();
        publisher.publishEvent(new EventsChanged(gone, Set.of()));
    }

    /** A machine event in {@code documentId} whose evidence is the first occurrence of {@code sentence} in the document's text. */
    public long event(long documentId, Spec spec) {
        String text = jdbc.sql("SELECT text FROM intel_documents WHERE id = :id")
                .param("id", documentId)
                .query(String.class)
                .single();
        int start = spec.sentence == null ? -1 : text.indexOf(spec.sentence);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO intel_events (document_id, origin, machine_key, event_type, sub_event_type, actor1, actor2, place_name,
                    country, admin1, latitude, longitude, geo_precision, gazetteer_id, date_earliest, date_latest, date_text,
                    trigger_word, evidence_sentence, evidence_start, evidence_end, confidence, review_state, engine_version,
                    created_at, updated_at, fatalities)
                VALUES (:doc, 'machine', :key, :type, :subType, :actor1, :actor2, :place, :country, :admin1, :lat, :lon,
                    :precision, :gazetteerId, :earliest, :latest, :dateText, :trigger, :sentence, :start, :end, :confidence,
                    :state, 'test', :now, :now, :fatalities)""")
                .param("doc", documentId)
                .param("key", spec.type + "@" + start)
                .param("type", spec.type)
                .param("subType", spec.subType)
                .param("actor1", spec.actor1)
                .param("actor2", spec.actor2)
                .param("place", spec.place)
                .param("country", spec.country)
                .param("admin1", spec.admin1)
                .param("lat", spec.lat)
                .param("lon", spec.lon)
                .param("precision", spec.place == null ? null : "city")
                .param("gazetteerId", spec.gazetteerId)
                .param("earliest", spec.earliest)
                .param("latest", spec.latest == null ? spec.earliest : spec.latest)
                .param("dateText", spec.dateText)
                .param("trigger", spec.trigger)
                .param("sentence", spec.sentence)
                .param("start", start < 0 ? null : start)
                .param("end", start < 0 ? null : start + spec.sentence.length())
                .param("confidence", spec.confidence)
                .param("state", spec.state)
                .param("now", now)
                .param("fatalities", spec.fatalities)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM intel_events WHERE document_id = :doc")
                .param("doc", documentId)
                .query(Long.class)
                .single();
    }

    public static Spec battle(LocalDate date) {
        return new Spec("Battles", "Armed clash", date);
    }

    public static Spec spec(String type, String subType, LocalDate date) {
        return new Spec(type, subType, date);
    }

    /** What an event says; set what the test cares about. */
    public static final class Spec {
        String type, subType, actor1, actor2, place, country, admin1, dateText, trigger, sentence;
        String state = "unreviewed";
        Double lat, lon;
        Long gazetteerId;
        LocalDate earliest, latest;
        double confidence = 0.8;
        Integer fatalities;

        Spec(String type, String subType, LocalDate date) {
            this.type = type;
            this.subType = subType;
            this.earliest = date;
        }

        public Spec actors(String first, String second) {
            actor1 = first;
            actor2 = second;
            return this;
        }

        public Spec at(String name, String countryCode, String region, double latitude, double longitude, long id) {
            place = name;
            country = countryCode;
            admin1 = region;
            lat = latitude;
            lon = longitude;
            gazetteerId = id;
            return this;
        }

        public Spec until(LocalDate last) {
            latest = last;
            return this;
        }

        public Spec dateText(String text) {
            dateText = text;
            return this;
        }

        public Spec evidence(String sentenceText, String triggerWord) {
            sentence = sentenceText;
            trigger = triggerWord;
            return this;
        }

        public Spec confidence(double value) {
            confidence = value;
            return this;
        }

        public Spec state(String reviewState) {
            state = reviewState;
            return this;
        }

        public Spec deaths(int reported) {
            fatalities = reported;
            return this;
        }
    }
}
