package org.sitrep.bench.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.actors.DictionaryActorFinder;
import org.sitrep.analysis.dates.NewsDateFinder;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.sitrep.analysis.events.RuleBasedEventExtractor;
import org.sitrep.analysis.places.Geoparser;
import org.sitrep.analysis.text.TextCleaner;
import org.sitrep.analysis.text.TokenisedText;

/**
 * CPU time per article, per stage and for the whole pipeline, measured with the thread's CPU clock
 * after warm-up. On a shared machine wall-clock throughput (JMH) depends on what else runs; CPU time
 * per article does much less, and 2 cores / CPU time is the throughput two dedicated cores give
 * when threads do not contend (JMH with -t 2 on a quiet machine checks that).
 */
public final class CpuCostReport {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> articles = new ConflictArticles(42).articles(200, 800);
        Analyzer analyzer = Analyzer.create();
        Analyzer untagged = Analyzer.builder().tagging(false).build();
        Analyzer rulesOnly =
                Analyzer.builder().eventClassifier(EventClassifier.NONE).build();
        TextCleaner cleaner = new TextCleaner();
        Geoparser places = Geoparser.worldwide();
        DictionaryActorFinder actors = new DictionaryActorFinder();
        NewsDateFinder dates = new NewsDateFinder();
        RuleBasedEventExtractor events = new RuleBasedEventExtractor();
        RuleBasedEventExtractor learned = new RuleBasedEventExtractor(
                LearnedEventClassifier.bundled().orElseThrow(),
                LearnedActorRolePicker.bundled().orElseThrow());
        // the stages read one tokenised document each, as in the Analyzer
        List<TokenisedText> clean = new ArrayList<>();
        for (String a : articles)
            clean.add(TokenisedText.of(cleaner.clean(Document.text(a, ConflictArticles.PUBLISHED))));
        List<List<Place>> foundPlaces = new ArrayList<>();
        List<List<Actor>> foundActors = new ArrayList<>();
        List<List<TimeExpression>> foundDates = new ArrayList<>();
        for (TokenisedText c : clean) {
            foundPlaces.add(places.find(c).places());
            foundActors.add(actors.find(c, foundPlaces.get(foundPlaces.size() - 1)));
            foundDates.add(dates.find(c));
        }
        int words = 0;
        for (String a : articles) words += a.split("\\s+").length;
        System.out.printf("articles: %d, mean %d words%n", articles.size(), words / articles.size());
        for (int round = 0; round < rounds; round++) {
            boolean warm = round > 0;
            report(
                    warm,
                    "full pipeline (Analyzer.analyze)",
                    articles.size(),
                    i -> analyzer.analyze(Document.text(articles.get(i), ConflictArticles.PUBLISHED)));
            report(
                    warm,
                    "full pipeline, rules alone (no model)",
                    articles.size(),
                    i -> rulesOnly.analyze(Document.text(articles.get(i), ConflictArticles.PUBLISHED)));
            report(
                    warm,
                    "full pipeline without tagging",
                    articles.size(),
                    i -> untagged.analyze(Document.text(articles.get(i), ConflictArticles.PUBLISHED)));
            report(
                    warm,
                    "  clean + sentences + tokens",
                    articles.size(),
                    i -> cleaner.clean(Document.text(articles.get(i), ConflictArticles.PUBLISHED)));
            report(warm, "  places", articles.size(), i -> places.find(clean.get(i)));
            report(warm, "  actors", articles.size(), i -> actors.find(clean.get(i), foundPlaces.get(i)));
            report(warm, "  dates", articles.size(), i -> dates.find(clean.get(i)));
            report(
                    warm,
                    "  events (rules alone)",
                    articles.size(),
                    i -> events.extract(clean.get(i), foundPlaces.get(i), foundActors.get(i), foundDates.get(i)));
            report(
                    warm,
                    "  events (rules + both learned slots)",
                    articles.size(),
                    i -> learned.extract(clean.get(i), foundPlaces.get(i), foundActors.get(i), foundDates.get(i)));
        }
    }

    private static void report(boolean print, String name, int n, Consumer<Integer> work) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long cpu = 0;
        long count = 0;
        while (System.nanoTime() < deadline) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) work.accept(i);
            cpu += CPU.getCurrentThreadCpuTime() - t0;
            count += n;
        }
        if (print) {
            double ms = cpu / 1e6 / count;
            System.out.printf(
                    "%-36s %7.3f ms CPU/article  -> %6.0f articles/s per core, %6.0f on 2 cores%n",
                    name, ms, 1000 / ms, 2000 / ms);
        }
    }
}
