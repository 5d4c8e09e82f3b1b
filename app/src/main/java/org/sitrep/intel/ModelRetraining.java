package org.sitrep.intel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sitrep.analysis.training.HeldOut;
import org.sitrep.analysis.training.LearnedModels;
import org.sitrep.analysis.training.Retraining;
import org.sitrep.analysis.training.TrainingCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Corrections teach the engine: retrains both learned slots (the event classifier, then the actor-role
 * picker beside it) from the shipped corpus plus the analysts' reviewed examples ({@link ReviewedExamples}),
 * measures the pair on the held-out split beside the pair in use ({@link Retraining}), and only if it is not
 * worse stores both under {@code <data>/models},
 * swaps it into the running engine and queues what the old model coded for re-analysis (reviewed events
 * stay as analysts left them). Every run is recorded in {@code intel_model_trainings} with its figures
 * and the reason it was swapped in or kept out.
 *
 * <p>One run at a time, on every instance sharing the database (the table's unique {@code running}
 * key); the admin's button runs it on a background thread of its own (lowered priority: readers first)
 * so no request waits for the minute of CPU it takes; the command line runs it in its own thread.
 */
@Service
public class ModelRetraining {
    private static final Logger log = LoggerFactory.getLogger(ModelRetraining.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A run still "running" after this long belongs to a process that died; it no longer blocks. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

    /** One recorded run, as the admin page shows it. */
    public record Training(
            long id,
            String state,
            String requestedBy,
            Instant startedAt,
            Instant finishedAt,
            String previousVersion,
            String modelVersion,
            String modelFile,
            Integer corpusSize,
            Integer reviewedCount,
            Integer heldoutSize,
            Map<String, Map<String, Object>> figures,
            String reason) {
        public boolean running() {
            return "running".equals(state);
        }

        /** Before and after side by side: figure name → [before, after] (per-label F1 after the overall ones). */
        public Map<String, Double[]> compared() {
            Map<String, Double[]> out = new LinkedHashMap<>();
            if (figures == null) return out;
            Map<String, Object> before = figures.getOrDefault("before", Map.of());
            Map<String, Object> after = figures.getOrDefault("after", Map.of());
            for (String k : after.keySet()) out.put(k, new Double[] {number(before.get(k)), number(after.get(k))});
            return out;
        }

        private static Double number(Object o) {
            return o instanceof Number n ? n.doubleValue() : null;
        }
    }

    /** Refused: another run is going on. */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AnalysisEngine engine;
    private final AnalysisQueue queue;
    private final ReviewedExamples examples;
    private final String corpusDir;
    /** The run this instance is doing, if any: marked interrupted if the application stops under it. */
    private volatile long current;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "intel-retrain");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    ModelRetraining(
            JdbcClient jdbc,
            Clock clock,
            AnalysisEngine engine,
            AnalysisQueue queue,
            ReviewedExamples examples,
            @Value("${sitrep.intel.training-corpus:}") String corpusDir) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.engine = engine;
        this.queue = queue;
        this.examples = examples;
        this.corpusDir = corpusDir.strip();
    }

    /** Starts a run in the background and returns its id; {@link AlreadyRunning} when one is going on. */
    public long start(String requestedBy) {
        long id = claim(requestedBy);
        background.execute(() -> train(id));
        return id;
    }

    /** Runs one now, in this thread (the command line); {@link AlreadyRunning} when one is going on. */
    public Training runNow(String requestedBy) {
        long id = claim(requestedBy);
        train(id);
        return find(id).orElseThrow();
    }

    private long claim(String requestedBy) {
        OffsetDateTime now = now();
        jdbc.sql(
                        "UPDATE intel_model_trainings SET running = NULL, state = 'failed', finished_at = :now, "
                                + "reason = 'interrupted: the process running it stopped' WHERE running = 1 AND started_at < :cutoff")
                .param("now", now)
                .param("cutoff", now.minus(ABANDONED_AFTER))
                .update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO intel_model_trainings (running, state, requested_by, started_at) "
                            + "VALUES (1, 'running', :who, :now)")
                    .param("who", requestedBy)
                    .param("now", now)
                    .update(key, "id");
        } catch (DuplicateKeyException taken) {
            Training other = running().orElse(null);
            throw new AlreadyRunning(
                    other == null
                            ? "A retraining is already running; its result will show here."
                            : "A retraining started by " + other.requestedBy() + " at "
                                    + other.startedAt()
                                            .atOffset(ZoneOffset.UTC)
                                            .toLocalTime()
                                            .withNano(0) + " UTC"
                                    + " is still running; its result will show here. Only one runs at a time.");
        }
        return key.getKey().longValue();
    }

    /** The run itself: whatever happens, its row ends with a state and a reason and stops blocking. */
    private void train(long id) {
        current = id;
        try {
            HeldOut split = split();
            TrainingCorpus reviewed = examples.passages();
            if (!reviewed.problems().isEmpty()) {
                log.warn(
                        "Retraining: {} reviewed example(s) left out: {}",
                        reviewed.problems().size(),
                        reviewed.problems());
            }
            LearnedModels current = engine.models();
            LearnedModels shipped = LearnedModels.bundled();
            long t0 = System.nanoTime();
            Retraining.Result r = Retraining.run(split, reviewed.passages(), current, shipped);
            String state;
            String reason = r.reason();
            String file = null;
            if (!r.notWorse()) {
                state = "kept";
                reason = "Kept out: " + reason + ".";
            } else if (r.unchanged()) {
                state = "kept";
                reason = "Nothing to swap: " + reason + ".";
            } else if (engine.pinned()) {
                state = "kept";
                reason = "Kept out: sitrep.intel.event-model pins the model in use (" + reason + ").";
            } else {
                Path stored = engine.files().store(r.version(), r.model(), r.roleModel(), record(id, r));
                engine.files().activate(r.version());
                engine.use(r.models(), stored);
                int queued = queue.enqueueStale(engine.version());
                state = "swapped";
                file = stored.getFileName().toString();
                reason = "Swapped in (event model " + r.version() + ", actor-role model " + r.roleVersion() + "): "
                        + reason + "; " + queued
                        + " document(s) queued for re-analysis (reviewed events stay as analysts left them).";
            }
            log.info("Retraining {}: {} in {} s. {}", id, state, (System.nanoTime() - t0) / 1_000_000_000, reason);
            jdbc.sql("""
                    UPDATE intel_model_trainings SET running = NULL, state = :state, finished_at = :now,
                        previous_version = :previous, model_version = :version, model_file = :file, corpus_size = :corpus,
                        reviewed_count = :reviewed, heldout_size = :heldout, figures = :figures, reason = :reason
                    WHERE id = :id""")
                    .param("state", state)
                    .param("now", now())
                    .param("previous", r.previousVersion())
                    .param("version", r.version())
                    .param("file", file)
                    .param("corpus", r.corpusSize())
                    .param("reviewed", r.reviewedCount())
                    .param("heldout", r.heldOutSize())
                    .param("figures", figures(r))
                    .param("reason", AnalysisStore.cut(reason, 2000))
                    .param("id", id)
                    .update();
        } catch (RuntimeException | Error e) {
            log.warn("Retraining {} failed", id, e);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.sql(
                            "UPDATE intel_model_trainings SET running = NULL, state = 'failed', finished_at = :now, reason = :reason "
                                    + "WHERE id = :id")
                    .param("now", now())
                    .param("reason", AnalysisStore.cut("Failed: " + why, 2000))
                    .param("id", id)
                    .update();
        } finally {
            current = 0;
        }
    }

    /** The corpus: {@code sitrep.intel.training-corpus} (a folder with train/ and heldout/) or the copy in the engine's jar. */
    private HeldOut split() {
        TrainingCorpus train;
        TrainingCorpus heldout;
        if (!corpusDir.isEmpty()) {
            Path dir = Path.of(corpusDir);
            if (!Files.isDirectory(dir.resolve("train"))) {
                throw new IllegalStateException("no training corpus: " + dir.resolve("train") + " is not a folder "
                        + "(sitrep.intel.training-corpus)");
            }
            train = TrainingCorpus.load(dir.resolve("train"));
            heldout = TrainingCorpus.load(dir.resolve("heldout"));
        } else {
            train = TrainingCorpus.bundled(TrainingCorpus.BUNDLED_TRAIN)
                    .orElseThrow(
                            () -> new IllegalStateException(
                                    "this build carries no training corpus; set sitrep.intel.training-corpus to analysis/corpus"));
            heldout = TrainingCorpus.bundled(TrainingCorpus.BUNDLED_HELDOUT).orElse(TrainingCorpus.of(List.of()));
        }
        if (!train.problems().isEmpty() || !heldout.problems().isEmpty()) {
            throw new IllegalStateException("the training corpus has lines that break its format, e.g. "
                    + (train.problems().isEmpty() ? heldout.problems() : train.problems()).get(0));
        }
        if (train.size() == 0) throw new IllegalStateException("the training corpus has no passages");
        return HeldOut.of(train, heldout);
    }

    private static String figures(Retraining.Result r) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("before", figures(r.before()));
        both.put("after", figures(r.after()));
        try {
            return JSON.writeValueAsString(both);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> figures(Retraining.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sub-type weighted F1", finite(f.weightedF1()));
        m.put("sub-type macro F1", finite(f.macroF1()));
        m.put("event F1", finite(f.eventF1()));
        m.put("actor1 accuracy", finite(f.actor1()));
        m.put("actor2 accuracy", finite(f.actor2()));
        f.labelF1().forEach((label, f1) -> m.put("F1 " + label, finite(f1)));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The record kept beside the model file: enough to choose a version to roll back to without the database. */
    private String record(long id, Retraining.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.version());
        m.put("trainedAt", now().toString());
        m.put("training", id);
        m.put("previousVersion", r.previousVersion());
        m.put("roleVersion", r.roleVersion());
        m.put("previousRoleVersion", r.previousRoleVersion());
        m.put("corpusSize", r.corpusSize());
        m.put("reviewedCount", r.reviewedCount());
        m.put("reviewWeight", Retraining.REVIEW_WEIGHT);
        m.put("heldoutSize", r.heldOutSize());
        m.put("before", figures(r.before()));
        m.put("after", figures(r.after()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Training> running() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intel_model_trainings WHERE running = 1")
                .query(this::training)
                .optional();
    }

    public Optional<Training> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intel_model_trainings WHERE id = :id")
                .param("id", id)
                .query(this::training)
                .optional();
    }

    /** The latest runs, newest first. */
    public List<Training> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intel_model_trainings ORDER BY id DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY")
                .query(this::training)
                .list();
    }

    /** How many stored events each engine version (and so each model) coded, most first. */
    public Map<String, Long> eventsByVersion() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT engine_version, COUNT(*) FROM intel_events GROUP BY engine_version ORDER BY COUNT(*) DESC, engine_version")
                .query(rs -> {
                    out.put(rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static final String COLUMNS =
            "id, state, requested_by, started_at, finished_at, previous_version, model_version, "
                    + "model_file, corpus_size, reviewed_count, heldout_size, figures, reason";

    private Training training(ResultSet rs, int n) throws SQLException {
        Map<String, Map<String, Object>> figures = null;
        String json = rs.getString(12);
        if (json != null) {
            try {
                figures = JSON.readValue(json, new TypeReference<>() {});
            } catch (JsonProcessingException e) {
                figures = null; // written by us; a hand-edited row shows without figures
            }
        }
        return new Training(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                instant(rs, 4),
                instant(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                (Integer) rs.getObject(9, Integer.class),
                rs.getObject(10, Integer.class),
                rs.getObject(11, Integer.class),
                figures,
                rs.getString(13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
        long id = current;
        if (id == 0) return;
        try {
            jdbc.sql("UPDATE intel_model_trainings SET running = NULL, state = 'failed', finished_at = :now, "
                            + "reason = 'interrupted: the application stopped' WHERE id = :id AND running = 1")
                    .param("now", now())
                    .param("id", id)
                    .update();
        } catch (RuntimeException e) {
            log.warn("Retraining {} interrupted; its row stays 'running' until {} have passed", id, ABANDONED_AFTER);
        }
    }
}
