package org.sitrep.intel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.sitrep.analysis.training.TrainingCorpus;
import org.sitrep.common.ChangeFeed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every analyst's decision on an event becomes a labelled example for the engine's learned stage: a
 * confirmed or corrected event its sentence with its (corrected) type, sub-type and actors; a rejected
 * one its sentence as no event. Kept in a table of its own, one row per event (its latest decision), in
 * the same transaction as the review (it listens to the {@link EventsChanged} every review action
 * publishes); a reopened event's example goes. {@link #export} writes them in the training corpus format
 * for {@code ./sitrep train --with-reviews}.
 */
@Component
class ReviewedExamples {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewedExamples(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onChange(EventsChanged changed) {
        if (ChangeFeed.replaying()) return; // recorded by the instance where the review happened
        for (Long id : changed.eventIds()) if (id != null) record(id);
    }

    void record(long eventId) {
        List<Map<String, Object>> rows =
                jdbc.sql("""
                SELECT review_state, event_type, sub_event_type, actor1, actor2, evidence_sentence, place_name, country,
                       engine_version FROM intel_events WHERE id = :id""").param("id", eventId).query().listOfRows();
        jdbc.sql("DELETE FROM intel_training_examples WHERE event_id = :id")
                .param("id", eventId)
                .update();
        if (rows.isEmpty()) return;
        Map<String, Object> e = lower(rows.get(0));
        String state = (String) e.get("review_state");
        String sentence = (String) e.get("evidence_sentence");
        if (sentence == null || sentence.isBlank()) return;
        boolean rejected = "rejected".equals(state);
        if (!rejected && !"confirmed".equals(state) && !"corrected".equals(state)) return; // unreviewed, merged
        jdbc.sql("""
                INSERT INTO intel_training_examples (event_id, sentence, event_type, sub_event_type, actor1, actor2,
                    place_name, country, review_action, engine_version, reviewed_at)
                VALUES (:id, :sentence, :type, :subType, :actor1, :actor2, :place, :country, :action, :version, :at)""")
                .param("id", eventId)
                .param("sentence", AnalysisStore.cut(sentence, 4000))
                // a rejection says "no such event here", not which kind of non-event: Background, the widest
                .param("type", rejected ? "None" : e.get("event_type"))
                .param("subType", rejected ? "Background" : e.get("sub_event_type"))
                .param("actor1", rejected ? null : e.get("actor1"))
                .param("actor2", rejected ? null : e.get("actor2"))
                .param("place", e.get("place_name"))
                .param("country", e.get("country"))
                .param("action", state)
                .param("version", e.get("engine_version"))
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    /**
     * The examples as training passages, one JSON object a line, ids {@code rv-<event id>}. An actor is
     * kept only when the sentence spells it as stored (the corpus wants the words of the text; a canonical
     * name like "Syrian Arab Army" for "regime forces" is left out). Returns how many were written.
     */
    int export(Writer out) throws IOException {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT event_id, sentence, event_type, sub_event_type, actor1, actor2, country
                FROM intel_training_examples ORDER BY event_id""").query().listOfRows();
        for (Map<String, Object> raw : rows) {
            Map<String, Object> r = lower(raw);
            String text = (String) r.get("sentence");
            ObjectNode o = JSON.createObjectNode();
            o.put("id", "rv-" + ((Number) r.get("event_id")).longValue());
            o.put("text", text);
            o.put("type", (String) r.get("event_type"));
            o.put("subtype", (String) r.get("sub_event_type"));
            String a1 = (String) r.get("actor1");
            String a2 = (String) r.get("actor2");
            if (a1 != null && !a1.isBlank() && text.contains(a1)) o.put("actor1", a1);
            if (a2 != null && !a2.isBlank() && text.contains(a2) && !a2.equals(a1)) o.put("actor2", a2);
            if (r.get("country") != null) o.put("country", (String) r.get("country"));
            o.put("source", "wire");
            out.write(JSON.writeValueAsString(o));
            out.write('\n');
        }
        out.flush();
        return rows.size();
    }

    /**
     * The examples as training passages (what {@link #export} writes, read back by the corpus reader, so
     * the database and the exported file train alike). An example the corpus format refuses (a sub-type
     * this engine no longer knows) is left out and counted in {@code problems}.
     */
    TrainingCorpus passages() {
        StringWriter out = new StringWriter();
        try {
            export(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never fails
        }
        return TrainingCorpus.read(new StringReader(out.toString()), "intel_training_examples");
    }

    /** H2 names columns in upper case, PostgreSQL in lower. */
    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }
}
