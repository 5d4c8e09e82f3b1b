package org.sitrep.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where editors compose issues, schedule them and start sends. Starting a send writes one
 * {@code newsletter_sends} row per recipient in the same transaction that moves the issue to
 * SENDING, so the list of who gets it is fixed before the first mail leaves and survives a crash.
 */
@Service
public class IssueDesk {
    public static final int MAX_PIECES = 30;

    /** Counts of the send log by state, for the progress display. */
    public record Progress(long queued, long sending, long sent, long failed, long unknown, long skipped, long total) {
        public long done() {
            return sent + failed + unknown + skipped;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final Newsletters newsletters;
    private final ReaderAccounts readers;
    private final PieceCatalog pieces;

    IssueDesk(
            JdbcClient jdbc,
            JdbcTemplate batch,
            Clock clock,
            Newsletters newsletters,
            ReaderAccounts readers,
            PieceCatalog pieces) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.newsletters = newsletters;
        this.readers = readers;
        this.pieces = pieces;
    }

    /** Saves a new ({@code id} null) or still editable issue; returns its id. */
    @Transactional
    public long save(
            Long id, long newsletterId, String subject, String introMarkdown, List<Long> pieceIds, String editor) {
        if (newsletters.byId(newsletterId).isEmpty()) throw new Newsletters.Refused("No such newsletter.");
        String s = subject == null ? "" : subject.strip().replaceAll("[\\r\\n]+", " ");
        if (s.isEmpty() || s.length() > 300)
            throw new Newsletters.Refused("Give the issue a subject (at most 300 characters).");
        String intro = introMarkdown == null ? "" : introMarkdown;
        if (intro.length() > 100_000) throw new Newsletters.Refused("The intro is at most 100,000 characters.");
        List<Long> chosen =
                pieceIds == null ? List.of() : pieceIds.stream().distinct().toList();
        if (chosen.size() > MAX_PIECES)
            throw new Newsletters.Refused("An issue carries at most " + MAX_PIECES + " pieces.");
        OffsetDateTime now = now();
        long issueId;
        if (id == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql(
                            "INSERT INTO newsletter_issues (newsletter_id, subject, intro_markdown, state, created_by, created_at, updated_at) "
                                    + "VALUES (:n, :s, :i, 'DRAFT', :by, :now, :now)")
                    .param("n", newsletterId)
                    .param("s", s)
                    .param("i", intro)
                    .param("by", editor)
                    .param("now", now)
                    .update(key, "id");
            issueId = key.getKeyAs(Number.class).longValue();
        } else {
            int changed = jdbc.sql(
                            "UPDATE newsletter_issues SET newsletter_id = :n, subject = :s, intro_markdown = :i, updated_at = :now "
                                    + "WHERE id = :id AND state IN ('DRAFT', 'SCHEDULED')")
                    .param("n", newsletterId)
                    .param("s", s)
                    .param("i", intro)
                    .param("now", now)
                    .param("id", id)
                    .update();
            if (changed != 1)
                throw new Newsletters.Refused("This issue is being sent or was sent: it cannot change any more.");
            issueId = id;
            jdbc.sql("DELETE FROM newsletter_issue_pieces WHERE issue_id = :id")
                    .param("id", issueId)
                    .update();
        }
        int position = 0;
        for (Piece piece : pieces.byIds(chosen)) { // in the editor's order; a piece deleted meanwhile is left out
            jdbc.sql("INSERT INTO newsletter_issue_pieces (issue_id, piece_id, position) VALUES (:i, :piece, :p)")
                    .param("i", issueId)
                    .param("p", position++)
                    .param("piece", piece.id())
                    .update();
        }
        return issueId;
    }

    public Optional<Issue> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    public List<Issue> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .query(this::row)
                .list();
    }

    /** Deletes a draft or scheduled issue; false when it is being sent or was sent (history stays). */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM newsletter_issues WHERE id = :id AND state IN ('DRAFT', 'SCHEDULED')")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Issues that went out, newest first: the public archive. */
    public List<Issue> sent(int limit, int offset) {
        return jdbc.sql(SELECT + " WHERE state = 'SENT' ORDER BY finished_at DESC, id DESC OFFSET "
                        + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY")
                .query(this::row)
                .list();
    }

    public long countSent() {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_issues WHERE state = 'SENT'")
                .query(Long.class)
                .single();
    }

    /** Schedules an editable issue for {@code at} (which must be in the future). */
    public void schedule(long id, Instant at) {
        if (!at.isAfter(clock.instant())) throw new Newsletters.Refused("Choose a time in the future, or send now.");
        if (jdbc.sql(
                                "UPDATE newsletter_issues SET state = 'SCHEDULED', send_at = :at, updated_at = :now WHERE id = :id "
                                        + "AND state IN ('DRAFT', 'SCHEDULED')")
                        .param("at", utc(at))
                        .param("now", now())
                        .param("id", id)
                        .update()
                != 1) {
            throw new Newsletters.Refused("Only a draft or scheduled issue can be scheduled.");
        }
    }

    public void unschedule(long id) {
        jdbc.sql(
                        "UPDATE newsletter_issues SET state = 'DRAFT', send_at = NULL, updated_at = :now WHERE id = :id AND state = 'SCHEDULED'")
                .param("now", now())
                .param("id", id)
                .update();
    }

    /** Scheduled issues whose time has come, by the application clock. */
    public List<Long> due() {
        return jdbc.sql(
                        "SELECT id FROM newsletter_issues WHERE state = 'SCHEDULED' AND send_at <= :now ORDER BY send_at, id")
                .param("now", now())
                .query(Long.class)
                .list();
    }

    public List<Long> sending() {
        return jdbc.sql("SELECT id FROM newsletter_issues WHERE state = 'SENDING' ORDER BY started_at, id")
                .query(Long.class)
                .list();
    }

    /**
     * Moves a draft or scheduled issue to SENDING and writes its recipients into the send log:
     * every enabled account opted into the newsletter, and for a paid newsletter only those with a
     * paying subscription whose period has not ended. False when the issue was not sendable (for
     * instance another request or the scheduler started it first).
     */
    @Transactional
    public boolean start(long id) {
        Issue issue = find(id).orElseThrow(() -> new Newsletters.Refused("No such issue."));
        Newsletter newsletter = newsletters.byId(issue.newsletterId()).orElseThrow();
        OffsetDateTime now = now();
        // Conditional on the state, so two starters cannot both fill the log.
        if (jdbc.sql(
                                "UPDATE newsletter_issues SET state = 'SENDING', started_at = :now, updated_at = :now WHERE id = :id "
                                        + "AND state IN ('DRAFT', 'SCHEDULED')")
                        .param("now", now)
                        .param("id", id)
                        .update()
                != 1) {
            return false;
        }
        List<Long> audience = audience(newsletter.id(), newsletter.paid());
        batch.batchUpdate(
                "INSERT INTO newsletter_sends (issue_id, user_id, state, attempt) VALUES (?, ?, 'QUEUED', 0)",
                audience,
                1000,
                (ps, userId) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, userId);
                });
        int recipients = audience.size();
        jdbc.sql("UPDATE newsletter_issues SET recipients = :r WHERE id = :id")
                .param("r", recipients)
                .param("id", id)
                .update();
        return true;
    }

    /** Marks a SENDING issue SENT once nothing is left queued or in flight. */
    public boolean finishIfDone(long id) {
        return jdbc.sql(
                                "UPDATE newsletter_issues SET state = 'SENT', finished_at = :now, updated_at = :now WHERE id = :id "
                                        + "AND state = 'SENDING' AND NOT EXISTS (SELECT 1 FROM newsletter_sends WHERE issue_id = :id "
                                        + "AND state IN ('QUEUED', 'SENDING'))")
                        .param("now", now())
                        .param("id", id)
                        .update()
                == 1;
    }

    public Progress progress(long id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT state, COUNT(*) FROM newsletter_sends WHERE issue_id = :id GROUP BY state")
                .param("id", id)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Progress(
                counts.getOrDefault("QUEUED", 0L),
                counts.getOrDefault("SENDING", 0L),
                counts.getOrDefault("SENT", 0L),
                counts.getOrDefault("FAILED", 0L),
                counts.getOrDefault("UNKNOWN", 0L),
                counts.getOrDefault("SKIPPED", 0L),
                total);
    }

    /** The recipients that failed or whose fate a crash left unknown, for the progress page. */
    public List<Map<String, Object>> problems(long id, int limit) {
        record Problem(long userId, String state, String error) {}
        List<Problem> problems = jdbc.sql("SELECT user_id, state, error FROM newsletter_sends WHERE issue_id = :id "
                        + "AND state IN ('FAILED', 'UNKNOWN') ORDER BY user_id FETCH FIRST " + Math.max(1, limit)
                        + " ROWS ONLY")
                .param("id", id)
                .query((rs, n) -> new Problem(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        Map<Long, String> addresses =
                readers.addresses(problems.stream().map(Problem::userId).toList());
        return problems.stream()
                .filter(p -> addresses.containsKey(p.userId()))
                .map(p -> Map.<String, Object>of(
                        "email",
                        addresses.get(p.userId()),
                        "state",
                        p.state(),
                        "error",
                        p.error() == null ? "" : p.error()))
                .toList();
    }

    /** How many would receive the issue if it were sent now (for the compose page). */
    public long audience(Newsletter newsletter) {
        return audience(newsletter.id(), newsletter.paid()).size();
    }

    /**
     * The newsletter's audience, by user id: the members opted in (newsletters' own table) whose
     * accounts are enabled and, for a paid newsletter, who pay now (members' rule, asked of members).
     * The send log asks again for each recipient at the moment of sending, so an opt-out after the
     * start counts.
     */
    private List<Long> audience(long newsletterId, boolean paid) {
        List<Long> optedIn = jdbc.sql(
                        "SELECT user_id FROM newsletter_subscriptions WHERE newsletter_id = :n ORDER BY user_id")
                .param("n", newsletterId)
                .query(Long.class)
                .list();
        return List.copyOf(readers.inGoodStanding(optedIn, paid));
    }

    private static final String SELECT =
            "SELECT id, newsletter_id, subject, intro_markdown, state, send_at, started_at, finished_at, "
                    + "recipients, created_by, updated_at FROM newsletter_issues";

    private Issue row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong(1);
        Integer recipients = rs.getObject(9) == null ? null : rs.getInt(9);
        return new Issue(
                id,
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Issue.State.valueOf(rs.getString(5)),
                instant(rs, 6),
                instant(rs, 7),
                instant(rs, 8),
                recipients,
                rs.getString(10),
                instant(rs, 11),
                jdbc.sql("SELECT piece_id FROM newsletter_issue_pieces WHERE issue_id = :id ORDER BY position")
                        .param("id", id)
                        .query(Long.class)
                        .list());
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
