package org.sitrep.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An editor's unsaved work on one piece, kept on the server as typed (every form field) so that a
 * closed tab, a crashed browser or a refused save loses nothing. It is kept apart from the piece:
 * an autosave never publishes, never makes a revision and never replaces what a colleague saved;
 * the editor's next real save (or "Discard") deletes it. Key 0 is a piece not created yet.
 */
@Service
public class PieceAutosaves {
    /** Longer than any body the editor accepts (900,000 characters) plus the other fields. */
    static final int MAX_JSON = 1_050_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    public PieceAutosaves(JdbcClient jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** What was kept: the typed form, the revision it started from and when it was kept. */
    public record Autosave(PieceDraft draft, int baseRevision, Instant savedAt) {}

    /** Too much text to keep (the piece itself would refuse it too). */
    public static class TooLong extends RuntimeException {
        TooLong() {
            super("Too long to keep as a draft.");
        }
    }

    // New-piece forms that have created their piece. An autosave sent just before the save (or the
    // page's last one as it unloads) can arrive after it; kept, it would come back as "unsaved" text
    // on the next new piece. Held in memory: the race it closes lasts seconds.
    private final Map<String, Boolean> createdForms =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            });

    /** The new-piece form with this token has created its piece: forget its autosave and ignore late ones. */
    public void created(String editor, PieceDraft draft) {
        if (!draft.getFormToken().isBlank()) createdForms.put(editor + "\n" + draft.getFormToken(), Boolean.TRUE);
        discard(editor, 0);
    }

    /** Keeps (or replaces) the editor's unsaved form for a piece; returns when it was kept. */
    public Instant keep(String editor, long pieceKey, PieceDraft draft) {
        if (pieceKey == 0 && createdForms.containsKey(editor + "\n" + draft.getFormToken())) return clock.instant();
        String text;
        try {
            text = json.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (text.length() > MAX_JSON) throw new TooLong();
        int base = baseOf(draft);
        Instant now = clock.instant();
        // No transaction on purpose: on PostgreSQL a failed INSERT would poison it; a lost race re-runs the UPDATE.
        for (int attempt = 0; ; attempt++) {
            if (update(editor, pieceKey, base, text, now) > 0) return now;
            try {
                jdbc.sql("INSERT INTO piece_autosaves (editor, piece_key, base_revision, draft_json, saved_at) "
                                + "VALUES (:editor, :key, :base, :json, :now)")
                        .param("editor", editor)
                        .param("key", pieceKey)
                        .param("base", base)
                        .param("json", text)
                        .param("now", PieceEditor.utc(now))
                        .update();
                return now;
            } catch (DuplicateKeyException e) {
                if (attempt > 0) throw e;
            }
        }
    }

    public Optional<Autosave> find(String editor, long pieceKey) {
        return jdbc.sql(
                        "SELECT draft_json, base_revision, saved_at FROM piece_autosaves WHERE editor = :editor AND piece_key = :key")
                .param("editor", editor)
                .param("key", pieceKey)
                .query((rs, n) -> new Autosave(
                        read(rs.getString(1)),
                        rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    public void discard(String editor, long pieceKey) {
        jdbc.sql("DELETE FROM piece_autosaves WHERE editor = :editor AND piece_key = :key")
                .param("editor", editor)
                .param("key", pieceKey)
                .update();
    }

    private int update(String editor, long key, int base, String text, Instant now) {
        return jdbc.sql("UPDATE piece_autosaves SET base_revision = :base, draft_json = :json, saved_at = :now "
                        + "WHERE editor = :editor AND piece_key = :key")
                .param("base", base)
                .param("json", text)
                .param("now", PieceEditor.utc(now))
                .param("editor", editor)
                .param("key", key)
                .update();
    }

    private PieceDraft read(String text) {
        try {
            return json.readValue(text, PieceDraft.class);
        } catch (JsonProcessingException e) {
            // A row this code did not write in a shape it knows: better an empty form than a broken page.
            return new PieceDraft();
        }
    }

    private static int baseOf(PieceDraft draft) {
        try {
            return Math.max(0, Integer.parseInt(draft.getBaseRevision().strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The fields an editor types, for telling whether an autosave differs from what is stored. */
    static Map<String, Object> typed(PieceDraft d) {
        return Map.ofEntries(
                Map.entry("headline", d.getHeadline().strip()),
                Map.entry("standfirst", d.getStandfirst().strip()),
                Map.entry("body", d.getBody().replace("\r\n", "\n").strip()),
                Map.entry("kind", d.getKind()),
                Map.entry("section", d.getSection().strip()),
                Map.entry("tags", d.getTags().strip()),
                Map.entry("authors", d.getAuthors().strip()),
                Map.entry("leadPhotoId", d.getLeadPhotoId().strip()),
                Map.entry("accessLevel", d.getAccessLevel()),
                Map.entry("status", d.getStatus()),
                Map.entry("publishAt", d.getPublishAt().strip()),
                Map.entry("slug", d.getSlug().strip()),
                Map.entry("leadStory", d.isLeadStory()));
    }
}
