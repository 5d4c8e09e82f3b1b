package org.sitrep.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sitrep.analysis.Event;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes the events of a Spark archive run ({@code ./sitrep batch}, {@code docs/batch.md}) back into this
 * database: each article's events replace what the machine had found in the same document, through the same
 * {@link AnalysisStore} rules as the server's own re-analysis, so analysts' events (confirmed, corrected,
 * rejected, merged, added by hand) are never touched and never re-added beside. One article is one transaction:
 * an interrupted import leaves each article either imported or as it was, and running it again changes nothing.
 *
 * <p>An article is matched to a document already in the database — the import refreshes analyses, it does not
 * add articles: by {@code piece:ID} / {@code item:ID} as its {@code article_id}, else by its {@code source_url}
 * or {@code article_id} equal to the document's URL (a piece's public address, an item's original one).
 * A line that cannot be read sets its whole article aside (importing the rest would drop that event's old
 * copy): it is reported with its file and line, never fatal.
 */
@Service
public class ArchiveImport {
    private static final Pattern SOURCE_KEY = Pattern.compile("(piece|item):(\\d{1,18})");
    /** Problems listed one by one in the report; beyond this many they are only counted. */
    static final int LISTED = 20;

    private final AnalysisStore store;
    private final JdbcClient jdbc;

    ArchiveImport(AnalysisStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** What an import did. {@code problems} lists the first {@value #LISTED} rows and articles set aside, with why. */
    public record Report(
            int files,
            long rows,
            int articles,
            int imported,
            int unmatched,
            int setAside,
            long malformedRows,
            long events,
            long kept,
            long dropped,
            List<String> problems) {}

    /**
     * Imports the JSON Lines files in {@code paths}; a folder stands for its {@code part-*} files (what Spark wrote
     * into {@code events.jsonl/}), or, for a run's whole output folder, those of its {@code events.jsonl/}.
     */
    public Report importFrom(List<Path> paths) throws IOException {
        Run run = new Run();
        List<Path> files = files(paths);
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) continue;
                    run.line(file.getFileName() + ":" + number, ArchiveEventRow.parse(line));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            run.flush(); // Spark writes each article's rows together, in one part file
        }
        return new Report(
                files.size(),
                run.rows,
                run.articles,
                run.imported,
                run.unmatched,
                run.setAside,
                run.malformed,
                run.events,
                run.kept,
                run.dropped,
                List.copyOf(run.problems));
    }

    /** The input files, in a stable order; a path that is neither a file nor a folder is an error. */
    static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p) && Files.isDirectory(p.resolve("events.jsonl"))) p = p.resolve("events.jsonl");
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> f.getFileName().toString().startsWith("part-") && Files.isRegularFile(f))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("no such file or folder: " + p);
            }
        }
        return files;
    }

    /** One import's progress: the article being gathered, and the counts. */
    private final class Run {
        long rows;
        long malformed;
        int articles;
        int imported;
        int unmatched;
        int setAside;
        long events;
        long kept;
        long dropped;
        final List<String> problems = new ArrayList<>();
        /** Articles already handled: one seen again later was split, and importing its second part would drop the first. */
        final Set<String> done = new HashSet<>();

        String article;
        String where;
        String sourceUrl;
        String engineVersion;
        final List<Event> found = new ArrayList<>();
        String badReason;

        void line(String at, ArchiveEventRow.Read read) {
            rows++;
            String id = read instanceof ArchiveEventRow.Row r
                    ? r.articleId()
                    : ((ArchiveEventRow.Malformed) read).articleId();
            if (read instanceof ArchiveEventRow.Malformed m) {
                malformed++;
                problem(at + ": " + m.reason());
                if (id == null) return; // not attributable to an article: only this row is lost
            }
            if (!id.equals(article)) {
                flush();
                article = id;
                where = at;
                if (!done.add(id)) badReason = "its rows are not together in the input (first seen earlier): set aside";
            }
            if (read instanceof ArchiveEventRow.Malformed && badReason == null)
                badReason = "a malformed row (" + at + "): set aside, left as it was";
            if (read instanceof ArchiveEventRow.Row r) {
                if (sourceUrl == null) sourceUrl = r.sourceUrl();
                if (engineVersion == null) engineVersion = r.engineVersion();
                found.add(r.event());
            }
        }

        void flush() {
            if (article == null) return;
            articles++;
            try {
                if (badReason != null) {
                    setAside++;
                    problem("article " + article + " (" + where + "): " + badReason);
                    return;
                }
                List<Long> documents = documents(article, sourceUrl);
                if (documents.size() != 1) {
                    unmatched++;
                    problem("article " + article + " (" + where + "): "
                            + (documents.isEmpty()
                                    ? "no such document in this database"
                                    : documents.size() + " documents have this address")
                            + ": skipped");
                    return;
                }
                AnalysisStore.ImportedEvents result = store.importEvents(documents.get(0), found, engineVersion);
                imported++;
                events += found.size();
                dropped += result.dropped();
                kept += analystEvents(documents.get(0));
            } finally {
                article = null;
                sourceUrl = null;
                engineVersion = null;
                badReason = null;
                found.clear();
            }
        }

        void problem(String text) {
            if (problems.size() < LISTED) problems.add(text);
        }
    }

    private List<Long> documents(String articleId, String sourceUrl) {
        Matcher key = SOURCE_KEY.matcher(articleId);
        if (key.matches()) {
            return jdbc.sql("SELECT id FROM intel_documents WHERE source_kind = :kind AND source_id = :id")
                    .param("kind", key.group(1))
                    .param("id", Long.parseLong(key.group(2)))
                    .query(Long.class)
                    .list();
        }
        for (String address : new String[] {sourceUrl, articleId}) {
            if (address == null) continue;
            List<Long> found = jdbc.sql("SELECT id FROM intel_documents WHERE url = :url FETCH FIRST 2 ROWS ONLY")
                    .param("url", address)
                    .query(Long.class)
                    .list();
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    /** The document's events that are the analysts' (kept whatever the import brought). */
    private long analystEvents(long documentId) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM intel_events e WHERE e.document_id = :doc AND (e.review_state <> 'unreviewed' "
                                + "OR e.origin <> 'machine' OR EXISTS (SELECT 1 FROM intel_event_reviews r WHERE r.event_id = e.id))")
                .param("doc", documentId)
                .query(Long.class)
                .single();
    }
}
