package org.sitrep.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Author;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.PieceStatus;
import org.sitrep.newsroom.Tag;

/**
 * Search latency over a large synthetic corpus (not a unit test: run it by hand, see
 * bench/results/search-lucene.md). Builds a {@link PieceIndex} of N generated pieces (400-word
 * bodies drawn from a conflict-news vocabulary, so common words have long posting lists), then
 * times {@link PieceIndex#search} — query parsing, BM25 ranking, the live-time filter and the
 * highlighted snippets of the first page — single-threaded (wall-clock and CPU time) and with two
 * threads.
 *
 * <pre>java -Xmx512m -cp … org.sitrep.search.SearchBenchmark [pieces=100000] [index dir]</pre>
 */
public final class SearchBenchmark {
    static final String[] PLACES = {
        "Aleppo",
        "Idlib",
        "Homs",
        "Deir ez-Zor",
        "Raqqa",
        "Mosul",
        "Kirkuk",
        "Basra",
        "Fallujah",
        "Sanaa",
        "Aden",
        "Taiz",
        "Hodeidah",
        "Marib",
        "Tripoli",
        "Benghazi",
        "Sirte",
        "Misrata",
        "Gaza",
        "Rafah",
        "Khan Younis",
        "Jenin",
        "Nablus",
        "Hebron",
        "Beirut",
        "Tyre",
        "Sidon",
        "Nabatieh",
        "Baalbek",
        "Damascus"
    };
    static final String[] TERMS = {
        "ceasefire",
        "drone",
        "strike",
        "airstrike",
        "shelling",
        "militia",
        "convoy",
        "aid",
        "hospital",
        "checkpoint",
        "negotiations",
        "rocket",
        "artillery",
        "displaced",
        "refugees",
        "border",
        "protest",
        "curfew",
        "siege",
        "offensive",
        "withdrawal",
        "casualties",
        "detained",
        "prisoners",
        "exchange",
        "talks",
        "mediators",
        "reconstruction",
        "electricity",
        "fuel",
        "port",
        "crossing",
        "tunnel",
        "sniper",
        "mortar",
        "battalion",
        "commander",
        "brigade",
        "insurgents",
        "government",
        "forces",
        "coalition",
        "humanitarian",
        "evacuation",
        "landmine",
        "explosion",
        "clashes",
        "truce",
        "sanctions",
        "oil",
        "wheat",
        "water",
        "cholera"
    };
    static final String[] FILLER = {
        "the",
        "of",
        "and",
        "in",
        "a",
        "to",
        "said",
        "officials",
        "on",
        "after",
        "near",
        "were",
        "was",
        "by",
        "with",
        "from",
        "for",
        "at",
        "that",
        "residents",
        "local",
        "sources",
        "according",
        "two",
        "three",
        "week",
        "since",
        "its",
        "their",
        "which",
        "reported",
        "told",
        "people",
        "city",
        "area",
        "village",
        "road"
    };
    static final List<String> QUERIES = List.of(
            "ceasefire",
            "drone strike",
            "Aleppo",
            "\"drone strike\" Aleppo",
            "hospital shelling Taiz",
            "convoy",
            "refugees border",
            "cholera",
            "ceasefire talks mediators",
            "Hodeidah port",
            "prisoners exchange",
            "sniper",
            "siege Mosul",
            "oil Sirte",
            "curfew Nablus",
            "evacuation hospital",
            "landmine",
            "wheat fuel",
            "Baalbek",
            "insurgents offensive",
            "truce",
            "reconstruction electricity Homs",
            "drone~1",
            "casualt*",
            "\"unbalanced quote",
            "militia AND commander",
            "aid -convoy",
            "xylophone",
            "tunnel Rafah",
            "artillery mortar");

    public static void main(String[] args) throws Exception {
        int pieces = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sitrep-search-bench");
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        try (PieceIndex index = new PieceIndex(dir)) {
            if (index.size() != pieces) {
                long t = System.nanoTime();
                index.removeAll();
                Random random = new Random(42);
                for (int i = 1; i <= pieces; i++) {
                    index.put(piece(i, random, now));
                    if (i % 20_000 == 0) index.commit(Map.of());
                }
                index.commit(Map.of());
                System.out.printf("indexed %,d pieces in %.1f s%n", pieces, (System.nanoTime() - t) / 1e9);
            }
            System.out.printf("index: %,d documents, %,d MB on disk%n", index.size(), size(dir) / (1024 * 1024));
            for (int i = 0; i < 600; i++) index.search(QUERIES.get(i % QUERIES.size()), 1 + i % 3, 10, now); // warm up
            report("1 thread, wall", run(index, now, 1, 2_000, false));
            report("1 thread, CPU", run(index, now, 1, 2_000, true));
            report("2 threads, wall", run(index, now, 2, 2_000, false));
            SearchResults sample = index.search("drone strike", 1, 10, now);
            System.out.printf(
                    "sample: \"drone strike\" -> %s%,d hits; first snippet: %s%n",
                    sample.totalExact() ? "" : "more than ",
                    sample.total(),
                    sample.hits().get(0).snippetHtml());
        }
    }

    /** Latencies in microseconds of {@code total} searches spread over {@code threads} threads. */
    static long[] run(PieceIndex index, Instant now, int threads, int total, boolean cpu) throws Exception {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            parts.add(pool.submit(() -> {
                long[] micros = new long[total / threads];
                for (int i = 0; i < micros.length; i++) {
                    String q = QUERIES.get((i * 7 + offset) % QUERIES.size());
                    // CPU time shows the cost of a search even on a machine busy with other work.
                    long s = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
                    index.search(q, 1 + (i % 5 == 0 ? 1 : 0), 10, now);
                    micros[i] = ((cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - s) / 1_000;
                }
                return micros;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : parts) all.add(f.get());
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("  throughput: %.0f searches/s%n", merged.length / seconds);
        return merged;
    }

    static void report(String label, long[] sorted) {
        System.out.printf(
                "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d searches)%n",
                label,
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                sorted[sorted.length - 1] / 1000.0,
                sorted.length);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    static Piece piece(int i, Random r, Instant now) {
        String place = PLACES[r.nextInt(PLACES.length)];
        String headline = capitalise(words(r, 7)) + " in " + place;
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 8; p++)
            body.append("<p>").append(capitalise(words(r, 50))).append(".</p>");
        Instant at = now.minusSeconds(600L * i);
        PieceKind kind = PieceKind.values()[i % 4];
        return new Piece(
                i,
                "piece-" + i,
                kind,
                headline,
                capitalise(words(r, 20)) + ".",
                "",
                body.toString(),
                place,
                PieceStatus.PUBLISHED,
                AccessLevel.PUBLIC,
                null,
                List.of(new Author(1 + i % 40, "a" + i % 40, "Author " + i % 40, null, null)),
                List.of(new Tag(1, place.toLowerCase(), place), new Tag(2, "t", TERMS[r.nextInt(TERMS.length)])),
                at,
                at,
                at,
                at,
                false);
    }

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < n; w++) {
            if (w > 0) sb.append(' ');
            double x = r.nextDouble();
            // Zipf-like: filler words are common, conflict terms less so, place names rarer.
            if (x < 0.55) sb.append(FILLER[(int) (Math.pow(r.nextDouble(), 2) * FILLER.length)]);
            else if (x < 0.88) sb.append(TERMS[(int) (Math.pow(r.nextDouble(), 1.5) * TERMS.length)]);
            else sb.append(PLACES[r.nextInt(PLACES.length)]);
        }
        return sb.toString();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static long size(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
