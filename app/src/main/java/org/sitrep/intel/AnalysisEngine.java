package org.sitrep.intel;

import java.time.Clock;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.places.Gazetteer;
import org.springframework.stereotype.Component;

/**
 * The one {@link Analyzer} of the application, built on first use: loading the gazetteer and the
 * language models takes about a second, which neither startup nor tests that never analyse should pay.
 */
@Component
public class AnalysisEngine {
    private final Clock clock;
    private volatile Analyzer analyzer;

    AnalysisEngine(Clock clock) {
        this.clock = clock;
    }

    public Analyzer analyzer() {
        Analyzer a = analyzer;
        if (a == null) {
            synchronized (this) {
                a = analyzer;
                if (a == null) analyzer = a = Analyzer.builder().clock(clock).build();
            }
        }
        return a;
    }

    /** "0.1.0-SNAPSHOT+r1": stored with every analysis, so an upgrade can find what it has not read yet. */
    public String version() {
        return analyzer().engineVersion();
    }

    /** The gazetteer the engine resolves places on (shared, loaded once): for looking up a corrected place. */
    public Gazetteer gazetteer() {
        analyzer();
        return Gazetteer.worldwide();
    }
}
