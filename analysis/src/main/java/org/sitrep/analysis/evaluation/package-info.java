/**
 * Measuring the engine: the annotated development corpus ({@link org.sitrep.analysis.evaluation.DevCorpus}),
 * its scorer ({@link org.sitrep.analysis.evaluation.CorpusScorer}) and the report
 * ({@link org.sitrep.analysis.evaluation.EvaluationReport}) behind {@code ./sitrep evaluate}.
 * Shared external corpora live in the {@code geo} and {@code plover} sub-packages.
 */
package org.sitrep.analysis.evaluation;
