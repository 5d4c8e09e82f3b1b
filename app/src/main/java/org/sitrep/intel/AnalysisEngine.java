package org.sitrep.intel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.places.Gazetteer;
import org.sitrep.analysis.training.LearnedModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one {@link Analyzer} of the application, built on first use: loading the gazetteer and the
 * language models takes about a second, which neither startup nor tests that never analyse should pay.
 * Its learned event model can be swapped while the application runs ({@link #use}): analyses already
 * running finish with the engine they started with, the next ones get the new one.
 */
@Component
public class AnalysisEngine {
    private static final Logger log = LoggerFactory.getLogger(AnalysisEngine.class);

    /** The engine in use and the models in its learned slots; {@code file} (the event model's) is null for the shipped ones. */
    private record Loaded(Analyzer analyzer, LearnedModels models, Path file) {
        EventClassifier model() {
            return models.events();
        }
    }

    private final Clock clock;
    private final String pinnedModel;
    private final EventModelFiles files;
    /** How often the workers look whether another process (./sitrep train --with-reviews) changed the model. */
    long lookEveryNanos = 10_000_000_000L;

    private volatile Loaded loaded;
    private volatile long lookedAt = System.nanoTime();

    @Autowired
    AnalysisEngine(
            Clock clock,
            @Value("${sitrep.intel.event-model:}") String eventModel,
            @Value("${sitrep.data-dir:./data}") String dataDir) {
        this.clock = clock;
        this.pinnedModel = eventModel.strip();
        this.files = new EventModelFiles(Path.of(dataDir));
    }

    AnalysisEngine(Clock clock, String eventModel) {
        this(clock, eventModel, "./data");
    }

    public Analyzer analyzer() {
        return loaded().analyzer();
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) loaded = l = load();
            }
        }
        return l;
    }

    /**
     * The engine with, in its learned slot: the model {@code sitrep.intel.event-model} pins when that file
     * exists; else the model {@code <data>/models/active} names (retrained from this publication's reviews);
     * else the model the build shipped. A model file that cannot be read is reported and the next one used:
     * analysis goes on.
     */
    private Loaded load() {
        if (pinned() && Files.isRegularFile(Path.of(pinnedModel))) {
            Optional<Loaded> l = read(Path.of(pinnedModel));
            if (l.isPresent()) return l.get();
        }
        if (!pinned()) {
            try {
                Optional<Loaded> l = files.active().flatMap(this::read);
                if (l.isPresent()) return l.get();
            } catch (RuntimeException e) {
                log.warn(
                        "the active event model cannot be found ({}); analysing with the bundled model",
                        e.getMessage());
            }
        }
        return loaded(LearnedModels.bundled(), null);
    }

    private Loaded loaded(LearnedModels models, Path file) {
        return new Loaded(models.into(Analyzer.builder().clock(clock)).build(), models, file);
    }

    /** An event model file and the role model retrained beside it (the shipped role model when there is none). */
    private Optional<Loaded> read(Path file) {
        try {
            return Optional.of(loaded(LearnedModels.read(file), file));
        } catch (RuntimeException e) {
            log.warn("event model {} cannot be used ({}); analysing with the next one", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Swaps these models in (their files already stored and made active): the next analysis uses them. */
    synchronized void use(LearnedModels models, Path file) {
        loaded = loaded(models, file);
        log.info("Event and actor-role models {} in use (engine {})", models.version(), version());
    }

    /**
     * Whether another process made another model active since the last look (at most one look every ten
     * seconds, by the analysis workers); if so it is loaded. Never with a pinned model.
     */
    boolean pickUpNewModel() {
        if (pinned() || loaded == null || System.nanoTime() - lookedAt < lookEveryNanos) return false;
        lookedAt = System.nanoTime();
        try {
            Optional<Path> active = files.active();
            Loaded was = loaded();
            if (active.map(p -> p.equals(was.file())).orElse(was.file() == null)) return false;
            Loaded now;
            synchronized (this) {
                // the pointer gone or naming nothing readable: back to the shipped model (load() falls back)
                now = active.flatMap(this::read).orElseGet(this::load);
                loaded = now;
            }
            if (now.models().version().equals(was.models().version())) return false;
            log.info(
                    "Event model {} made active by another process: in use (engine {})",
                    now.model().version(),
                    version());
            return true;
        } catch (RuntimeException e) {
            log.warn("cannot look for a new event model: {}", e.getMessage());
            return false;
        }
    }

    /** The model in the learned slot ({@link EventClassifier#NONE} for the rules alone). */
    EventClassifier model() {
        return loaded().model();
    }

    /** Both learned slots: the event model and the actor-role model beside it. */
    LearnedModels models() {
        return loaded().models();
    }

    /** Whether {@code sitrep.intel.event-model} chooses the model (retraining then measures but never swaps). */
    boolean pinned() {
        return !pinnedModel.isEmpty();
    }

    EventModelFiles files() {
        return files;
    }

    /** "0.1.0-SNAPSHOT+r2+ev-…": stored with every analysis, so an upgrade can find what it has not read yet. */
    public String version() {
        return analyzer().engineVersion();
    }

    /** The gazetteer the engine resolves places on (shared, loaded once): for looking up a corrected place. */
    public Gazetteer gazetteer() {
        analyzer();
        return Gazetteer.worldwide();
    }
}
