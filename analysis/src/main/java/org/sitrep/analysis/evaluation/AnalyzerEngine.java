package org.sitrep.analysis.evaluation;

import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.text.CleanText;

/** The real engine behind the evaluation: {@link Analyzer}, plus the time expressions it resolved. */
public final class AnalyzerEngine implements CorpusEngine {
    private final Analyzer analyzer;

    public AnalyzerEngine(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The full engine: worldwide gazetteer, actor dictionary, rule-based events. Built with explicit
     * parts because {@code Analyzer.create()} still defaults to empty stand-ins; use it once it wires
     * the real parts, so that the evaluation always measures what {@code ./sitrep analyze} runs.
     */
    public static AnalyzerEngine standard() {
        // Exactly what `./sitrep analyze` runs, so the scores describe the engine users get.
        return new AnalyzerEngine(Analyzer.create());
    }

    @Override
    public String version() {
        return analyzer.engineVersion();
    }

    @Override
    public Prediction analyze(CorpusText text) {
        Document d = text.document();
        Analysis a = analyzer.analyze(d);
        // An Analysis only carries the dates its events cite; the evaluation scores every time expression.
        CleanText clean = analyzer.clean(d);
        return new Prediction(a, clean.text().equals(a.text()) ? analyzer.dates(clean) : null);
    }
}
