package org.sitrep.analysis.evaluation;

/** The engine under evaluation, as the evaluation sees it: a corpus text in, what was found out. */
public interface CorpusEngine {
    /** Goes into the report, so that a score can be traced to the engine that earned it. */
    String version();

    Prediction analyze(CorpusText text);
}
