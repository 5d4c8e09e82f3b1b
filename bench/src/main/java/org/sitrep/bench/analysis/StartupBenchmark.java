package org.sitrep.bench.analysis;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;

/**
 * Time from a fresh JVM to the first analysed article: loading the language models and whatever
 * gazetteer and dictionaries the default {@link Analyzer} uses. Each measurement is a new JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 5,
        jvmArgsAppend = {"-Xmx1g"})
public class StartupBenchmark {
    @Benchmark
    public Analysis loadAndAnalyseOne() {
        return Analyzer.create()
                .analyze(Document.text(new ConflictArticles(1).article(800), ConflictArticles.PUBLISHED));
    }
}
