package org.sitrep.batch;

import org.sitrep.analysis.Analyzer;

/**
 * The one {@link Analyzer} of an executor JVM. Loading the gazetteer and models takes seconds and
 * hundreds of megabytes, so it happens once per JVM, on first use, in the executor itself: an
 * Analyzer is never serialised and shipped with a task (it is not Serializable and need not be).
 * Analyzers are thread-safe, so the executor's task threads share it.
 */
final class SharedAnalyzer {
    private SharedAnalyzer() {}

    private static final class Holder {
        // class initialisation is lazy and thread-safe: the first task in the JVM builds it, the others wait
        static final Analyzer ANALYZER = Analyzer.create();
    }

    static Analyzer get() {
        return Holder.ANALYZER;
    }
}
