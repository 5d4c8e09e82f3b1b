package org.sitrep.bench.analysis;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.dates.NewsDateFinder;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.TextCleaner;

/**
 * Articles per second through the full pipeline ({@link Analyzer#analyze}) on ~800-word synthetic
 * conflict articles, one shared Analyzer as in production. Run with {@code -t 2} for two cores.
 * The stage benchmarks (cleaning with sentences and tokens; dates) show where the time goes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// A minute of warm-up: with 3 x 5 s the 2-thread iterations still rose from 323 to 622 articles/s (20:43 UTC
// run of 2026-12-07, the JIT still compiling the engine's hot paths), so the mean said nothing stable.
@Warmup(iterations = 6, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class AnalysisBenchmark {
    static final int ARTICLES = 200;
    static final int WORDS = 800;

    @State(Scope.Benchmark)
    public static class Engine {
        Analyzer analyzer;
        Analyzer untagged;
        TextCleaner cleaner;
        NewsDateFinder dates;
        List<String> articles;
        List<CleanText> cleaned;

        @Setup(Level.Trial)
        public void setUp() {
            analyzer = Analyzer.create();
            untagged = Analyzer.builder().tagging(false).build();
            cleaner = new TextCleaner();
            dates = new NewsDateFinder();
            articles = new ConflictArticles(42).articles(ARTICLES, WORDS);
            cleaned = articles.stream()
                    .map(a -> cleaner.clean(Document.text(a, ConflictArticles.PUBLISHED)))
                    .toList();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            int i = next;
            next = (next + 1) % ARTICLES;
            return i;
        }
    }

    @Benchmark
    public Analysis fullPipeline(Engine engine, Cursor cursor) {
        return engine.analyzer.analyze(
                Document.text(engine.articles.get(cursor.advance()), ConflictArticles.PUBLISHED));
    }

    @Benchmark
    public Analysis fullPipelineWithoutTagging(Engine engine, Cursor cursor) {
        return engine.untagged.analyze(
                Document.text(engine.articles.get(cursor.advance()), ConflictArticles.PUBLISHED));
    }

    @Benchmark
    public CleanText cleanSentencesTokens(Engine engine, Cursor cursor) {
        return engine.cleaner.clean(Document.text(engine.articles.get(cursor.advance()), ConflictArticles.PUBLISHED));
    }

    @Benchmark
    public Object dates(Engine engine, Cursor cursor) {
        return engine.dates.find(engine.cleaned.get(cursor.advance()));
    }
}
