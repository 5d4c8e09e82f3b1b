package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sitrep.intel.AnalysisEngine;
import org.sitrep.intel.AnalysisQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn test}; run it with
 * {@code bench/ingest/run-ingest-bench.sh}): N wire files (default 2,000; HTML pages with chrome,
 * NewsML-G2, ninjs and plain text in turn) are dropped at once into the hot folder of the embedded
 * default (H2 file database, two analysis workers, inbox polled every 2 s), and the clock stops
 * when the analysis queue has analysed the last of them. Each story is twelve sentences drawn at
 * random from the annotated development corpus ({@code analysis/corpus/dev}) and, when the shared
 * evaluation data is beside the project, its news texts ({@code shared/geoparsing}), so the stories
 * read like conflict news to the engine; a few share enough sentences to be grouped as duplicates.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"sitrep.sample-content=false", "sitrep.ingest.feeds=false"})
class IngestBenchmark {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("sitrep-bench-ingest-");
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + data.resolve("db/sitrep") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("sitrep.data-dir", data::toString);
    }

    @Autowired
    Inbox inbox;

    @Autowired
    AnalysisEngine engine;

    @Autowired
    AnalysisQueue queue;

    @Autowired
    IngestErrors errors;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ingestAndAnalyse() throws Exception {
        int n = Integer.getInteger("sitrep.bench.items", 2000);
        List<String> sentences = corpusSentences();
        Path staging = Files.createTempDirectory("sitrep-bench-staging-");
        SplittableRandom random = new SplittableRandom(42);
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            Path f = write(staging, i, story(random, sentences));
            bytes += Files.size(f);
            files.add(f);
        }
        long t = System.nanoTime();
        engine.analyzer();
        double warmup = (System.nanoTime() - t) / 1e9;
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();

        Files.createDirectories(inbox.dir());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (Path f : files) Files.move(f, inbox.dir().resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        double ingested = -1;
        double tenth = -1;
        double eightieth = -1;
        long deadline = start + 3_600_000_000_000L;
        long done = 0;
        long failed = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            double now = (System.nanoTime() - start) / 1e9;
            if (ingested < 0 && inInbox() == 0) ingested = now;
            Map<String, Long> counts = queue.counts();
            done = counts.get("done");
            failed = counts.get("failed");
            if (tenth < 0 && done >= n / 10) tenth = now;
            if (eightieth < 0 && done >= n * 8L / 10) eightieth = now;
            // Finished: every file taken in, and every new story (duplicates are not analysed again) analysed.
            if (ingested >= 0
                    && counts.get("queued") + counts.get("running") == 0
                    && done + failed
                            == jdbc.sql("SELECT COUNT(*) FROM ingest_items")
                                    .query(Long.class)
                                    .single()) break;
        }
        double total = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
        long items =
                jdbc.sql("SELECT COUNT(*) FROM ingest_items").query(Long.class).single();
        long events =
                jdbc.sql("SELECT COUNT(*) FROM intel_events").query(Long.class).single();
        long copies =
                jdbc.sql("SELECT COUNT(*) FROM ingest_copies").query(Long.class).single();

        StringBuilder report = new StringBuilder();
        report.append(String.format("Ingest-and-analyse benchmark, %s%n", Instant.now()));
        report.append(String.format(
                "machine: %d cores, Java %s, max heap %d MB; load average before %s, after %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                loadBefore,
                loadAfter));
        report.append(String.format(
                "input: %d files (%.1f MB, stories from a pool of %d sentences) dropped at once into the inbox; "
                        + "engine loaded beforehand in %.1f s%n",
                n, bytes / 1e6, sentences.size(), warmup));
        report.append(String.format(
                "stories: %d new, %d near-duplicates grouped, %d ingestion errors; analysed: %d done, "
                        + "%d failed; events stored: %d%n",
                items, copies - items, errors.count(), done, failed, events));
        report.append(String.format("all taken in (inbox empty) after %.1f s: %.0f files/s%n", ingested, n / ingested));
        report.append(String.format(
                "all analysed after %.1f s: %.0f pieces/s ingested and analysed (%.0f new stories/s analysed)%n",
                total, n / total, items / total));
        report.append(String.format(
                "sustained (10%% to 80%% of the files analysed): %.0f pieces/s%n", (n * 0.7) / (eightieth - tenth)));
        report.append(String.format(
                "CPU time used by the application: %.1f s (%.1f ms per file); at that cost two idle cores "
                        + "would take about %.0f pieces/s (an estimate, not a measurement)%n",
                cpu, cpu * 1000 / n, 2 * n / cpu));
        report.append(
                String.format("JVM: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.print(report);
        String out = System.getProperty("sitrep.bench.out");
        if (out != null) Files.writeString(Path.of(out), report.toString());
        assertThat(done + failed).isEqualTo(items);
        assertThat(copies).isEqualTo(n);
    }

    private long inInbox() throws Exception {
        try (Stream<Path> s = Files.list(inbox.dir())) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    record Story(String headline, List<String> paragraphs, LocalDate published) {}

    private static Story story(SplittableRandom random, List<String> sentences) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            paragraphs.add(sentences.get(random.nextInt(sentences.size())) + " "
                    + sentences.get(random.nextInt(sentences.size())));
        }
        String first = paragraphs.get(0);
        String headline = first.substring(0, Math.min(first.length(), 90)).replaceAll("\\s+\\S*$", "");
        return new Story(headline, paragraphs, LocalDate.of(2014, 1, 1).plusDays(random.nextInt(3650)));
    }

    /** Writes story {@code i} into {@code dir} in one of four formats. */
    private static Path write(Path dir, int i, Story s) throws Exception {
        String name;
        String body;
        switch (i % 4) {
            case 0 -> {
                name = "page-" + i + ".html";
                StringBuilder h = new StringBuilder(
                        "<!DOCTYPE html><html><head><title>" + xml(s.headline()) + " | Dispatch</title>"
                                + "<meta property=\"article:published_time\" content=\"" + s.published()
                                + "T10:00:00Z\"></head><body>"
                                + "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                                + "<div class=\"cookie-banner\">We use cookies. <button>Accept</button></div><main><article><h1>"
                                + xml(s.headline()) + "</h1>");
                for (String p : s.paragraphs()) h.append("<p>").append(xml(p)).append("</p>");
                h.append("</article><aside class=\"related\"><a href=\"/a\">Related story</a></aside></main>"
                        + "<footer>© Dispatch</footer></body></html>");
                body = h.toString();
            }
            case 1 -> {
                name = "wire-" + i + ".xml";
                StringBuilder x = new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:bench:" + i
                                + "\" version=\"1\" standard=\"NewsML-G2\">"
                                + "<itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"Bench Wire\"/><firstCreated>"
                                + s.published()
                                + "T08:00:00Z</firstCreated></itemMeta><contentMeta><headline>" + xml(s.headline())
                                + "</headline></contentMeta>"
                                + "<contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>");
                for (String p : s.paragraphs()) x.append("<p>").append(xml(p)).append("</p>");
                body = x.append("</body></html></inlineXML></contentSet></newsItem>")
                        .toString();
            }
            case 2 -> {
                name = "wire-" + i + ".json";
                body = new ObjectMapper()
                        .writeValueAsString(Map.of(
                                "uri",
                                "urn:bench:ninjs:" + i,
                                "headline",
                                s.headline(),
                                "versioncreated",
                                s.published() + "T09:00:00Z",
                                "copyrightholder",
                                "Bench Agency",
                                "body_text",
                                String.join("\n\n", s.paragraphs())));
            }
            default -> {
                name = "story-" + i + ".txt";
                body = s.headline() + "\n\n" + String.join("\n\n", s.paragraphs());
            }
        }
        return Files.writeString(dir.resolve(name), body, StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Sentences of the development corpus, found by walking up from the working directory. */
    private static List<String> corpusSentences() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("analysis/corpus/dev"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("analysis/corpus/dev not found above the working directory");
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir.resolve("analysis/corpus/dev"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = json.readTree(Files.readAllBytes(f));
                String raw = doc.path("content").asText();
                // Saved pages in the corpus: only their story text, as the engine would keep it.
                String content = "html".equals(doc.path("format").asText())
                        ? String.join(
                                " ", org.sitrep.analysis.text.WebPage.parse(raw).blocks())
                        : raw;
                addSentences(content, out);
            }
        }
        // The shared evaluation data's news texts, when present, make the pool larger (fewer chance overlaps).
        Path shared = System.getenv("SITREP_SHARED") != null ? Path.of(System.getenv("SITREP_SHARED")) : null;
        for (Path d = dir; shared == null && d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/geoparsing"))) shared = d.resolve("shared");
        }
        if (shared != null && Files.isDirectory(shared.resolve("geoparsing"))) {
            try (Stream<Path> files = Files.list(shared.resolve("geoparsing"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsonl"))
                        .sorted()
                        .toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.isBlank()) continue;
                        addSentences(json.readTree(line).path("text").asText(), out);
                    }
                }
            }
        }
        return out;
    }

    private static void addSentences(String content, List<String> out) {
        for (String s : content.split("(?<=[.!?])\\s+(?=[A-Z\"“])")) {
            String t = s.strip();
            if (t.length() >= 40 && t.length() <= 400) out.add(t);
        }
    }
}
