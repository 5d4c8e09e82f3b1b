package org.sitrep.intel;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.sitrep.analysis.places.Gazetteer;
import org.springframework.stereotype.Component;

/**
 * The one {@link Analyzer} of the application, built on first use: loading the gazetteer and the
 * language models takes about a second, which neither startup nor tests that never analyse should pay.
 */
@Component
public class AnalysisEngine {
    private static final Logger log = LoggerFactory.getLogger(AnalysisEngine.class);
    private final Clock clock;
    private final String eventModel;
    private volatile Analyzer analyzer;

    AnalysisEngine(Clock clock, @Value("${sitrep.intel.event-model:}") String eventModel) {
        this.clock = clock;
        this.eventModel = eventModel;
    }

    public Analyzer analyzer() {
        Analyzer a = analyzer;
        if (a == null) {
            synchronized (this) {
                a = analyzer;
                if (a == null) analyzer = a = build();
            }
        }
        return a;
    }

    /**
     * The engine with the learned event model retrained from this publication's reviews
     * ({@code sitrep.intel.event-model}, written by {@code ./sitrep train --with-reviews … --out FILE}) when
     * that file exists, else the model the build shipped. A model file that cannot be read is reported and
     * the shipped one used: analysis goes on.
     */
    private Analyzer build() {
        Analyzer.Builder b = Analyzer.builder().clock(clock);
        if (!eventModel.isBlank() && Files.isRegularFile(Path.of(eventModel))) {
            try {
                b.eventClassifier(LearnedEventClassifier.read(Path.of(eventModel)));
            } catch (RuntimeException e) {
                log.warn("event model {} cannot be used ({}); analysing with the bundled model", eventModel, e.getMessage());
            }
        }
        return b.build();
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
