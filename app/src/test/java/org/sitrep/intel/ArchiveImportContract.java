package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Evidence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./sitrep import-batch} on a real database: a Spark archive run's events (written here as the batch
 * writes {@code events.jsonl}) replace the machine's events of the documents they belong to, while every event an
 * analyst confirmed, corrected or rejected stays exactly as it was and is not added again beside; running the same
 * import again changes nothing; malformed rows and unknown articles are reported and leave their articles alone.
 * The documents are stored through {@link AnalysisStore} with hand-made analyses: the engine is not needed here.
 */
@SpringBootTest(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.scheduler.initial-delay=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ArchiveImportContract {
    static final String ANALYST = "analyst@example.org";
    static final String OLD = "0.1.0+old";
    static final String BATCH = "0.2.0+batch";
    static final String SHELLED = "Rebels shelled the town of Hreitan on Monday, activists said.";
    static final String BOMBED = "Government aircraft bombed Anadan on Tuesday.";
    static final String CLASHES = "Clashes broke out between rebels and the army in Tel Rifaat.";
    static final String MARCHED = "Protesters marched in Azaz on Wednesday.";
    static final String EXPLODED = "A car bomb exploded in Jarablus.";
    static final String FIGHTING = "Fighting continued overnight in Mare.";
    static final String TEXT = String.join(" ", SHELLED, BOMBED, CLASHES, MARCHED, EXPLODED, FIGHTING);

    @Autowired
    AnalysisStore store;

    @Autowired
    ArchiveImport archive;

    @Autowired
    ImportBatchCommand command;

    @Autowired
    ArchiveExport export;

    @Autowired
    EventReview review;

    @Autowired
    EventSearch search;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reviewedEventsSurviveUnreviewedOnesAreReplacedAndARerunChangesNothing() throws IOException {
        long doc = stored(
                501,
                List.of(
                        event(
                                "Explosions/Remote violence",
                                "Shelling/artillery/missile attack",
                                "Rebels",
                                null,
                                "shelled",
                                SHELLED),
                        event("Explosions/Remote violence", "Air/drone strike", "Government", null, "bombed", BOMBED),
                        event("Battles", "Armed clash", "Rebels", "Army", "Clashes", CLASHES),
                        event("Protests", "Peaceful protest", null, null, "marched", MARCHED),
                        event(
                                "Explosions/Remote violence",
                                "Remote explosive/landmine/IED",
                                null,
                                null,
                                "exploded",
                                EXPLODED)));
        Map<String, Long> ids = idsBySentence(doc);
        review.confirm(ids.get(SHELLED), seen(ids.get(SHELLED)), ANALYST);
        review.correct(
                ids.get(BOMBED),
                seen(ids.get(BOMBED)),
                new Correction(
                        "Explosions/Remote violence",
                        "Air/drone strike",
                        "Military Forces of Syria",
                        null,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "2014-04-29",
                        "2014-04-29",
                        null),
                ANALYST);
        review.reject(ids.get(CLASHES), seen(ids.get(CLASHES)), ANALYST); // the analyst's "delete"
        Map<Long, TrackedEvent> reviewed = new LinkedHashMap<>();
        for (String s : List.of(SHELLED, BOMBED, CLASHES))
            reviewed.put(ids.get(s), search.find(ids.get(s)).orElseThrow());

        // The archive run finds the reviewed three again (coded otherwise), the protest with a new actor, not the
        // explosion, and a new event; its offsets are 3 characters off, as if its text had a prefix the server's has
        // not.
        List<Map<String, Object>> rows = List.of(
                row(
                        "https://wire.example/501",
                        "Explosions/Remote violence",
                        "Shelling/artillery/missile attack",
                        "Islamic Front",
                        "shelled",
                        SHELLED,
                        3),
                row("https://wire.example/501", "Battles", "Armed clash", "Rebels", "bombed", BOMBED, 3),
                row("https://wire.example/501", "Battles", "Armed clash", "Free Syrian Army", "Clashes", CLASHES, 3),
                withPlace(row(
                        "https://wire.example/501",
                        "Protests",
                        "Peaceful protest",
                        "Local residents",
                        "marched",
                        MARCHED,
                        3)),
                row("https://wire.example/501", "Battles", "Armed clash", "Islamic State", "Fighting", FIGHTING, 3));
        Path out = batchOutput("first", rows);

        ArchiveImport.Report report = archive.importFrom(List.of(out));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.unmatched() + report.setAside() + report.malformedRows())
                .isZero();
        assertThat(report.kept())
                .as("the confirmed, corrected and rejected events")
                .isEqualTo(3);
        assertThat(report.dropped())
                .as("the explosion the archive run no longer finds")
                .isEqualTo(1);

        for (Map.Entry<Long, TrackedEvent> r : reviewed.entrySet()) {
            assertThat(search.find(r.getKey()).orElseThrow())
                    .usingRecursiveComparison()
                    .ignoringFields("updatedAt")
                    .isEqualTo(r.getValue());
        }
        List<TrackedEvent> after = all(doc);
        assertThat(after)
                .extracting(TrackedEvent::evidenceSentence)
                .as("nothing added beside the analysts' events; the explosion gone; the new event in")
                .containsExactlyInAnyOrder(SHELLED, BOMBED, CLASHES, MARCHED, FIGHTING);
        TrackedEvent protest = search.find(ids.get(MARCHED)).orElseThrow();
        assertThat(protest.actor1())
                .as("the unreviewed event is updated in place, keeping its id")
                .isEqualTo("Local residents");
        assertThat(protest.placeName()).isEqualTo("Azaz");
        assertThat(protest.country()).isEqualTo("SY");
        assertThat(protest.latitude()).isEqualTo(36.586);
        assertThat(protest.engineVersion()).isEqualTo(BATCH);
        assertThat(search.find(ids.get(EXPLODED))).isEmpty();
        TrackedEvent fighting = after.stream()
                .filter(e -> FIGHTING.equals(e.evidenceSentence()))
                .findFirst()
                .orElseThrow();
        assertThat(fighting.reviewState()).isEqualTo(ReviewState.UNREVIEWED);
        assertThat(fighting.actor1()).isEqualTo("Islamic State");
        assertThat(TEXT.substring(fighting.evidenceStart(), fighting.evidenceEnd()))
                .as("offsets set against the stored text, not the archive run's")
                .isEqualTo(FIGHTING);
        assertThat(jdbc.sql("SELECT engine_version FROM intel_documents WHERE id = :d")
                        .param("d", doc)
                        .query(String.class)
                        .single())
                .isEqualTo(BATCH);

        // The same import again: the same events, the same ids and content, nothing dropped. (The machine's events are
        // written again, as the server's own re-analysis writes them: their time and row version move on.)
        ArchiveImport.Report again = archive.importFrom(List.of(out));
        assertThat(again.imported()).isEqualTo(1);
        assertThat(again.dropped()).isZero();
        assertThat(all(doc))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("updatedAt", "version")
                .containsExactlyInAnyOrderElementsOf(after);
    }

    @Test
    void malformedRowsAndUnknownArticlesAreReportedAndLeaveTheirArticlesAlone() throws IOException {
        long good = stored(601, List.of(event("Protests", "Peaceful protest", null, null, "marched", MARCHED)));
        long spoilt = stored(602, List.of(event("Protests", "Peaceful protest", null, null, "marched", MARCHED)));
        List<TrackedEvent> spoiltBefore = all(spoilt);

        Map<String, Object> badType = row("item:602", "Riots?", "Mob violence", null, "exploded", EXPLODED, 0);
        Map<String, Object> badDate =
                row("https://wire.example/601", "Battles", "Armed clash", null, "Fighting", FIGHTING, 0);
        badDate.put("event_date", "last Tuesday");
        Path out = tmp.resolve("mixed");
        Path part = Files.createDirectories(out.resolve("events.jsonl")).resolve("part-00000-abc.json");
        List<String> lines = new ArrayList<>();
        lines.add(json.writeValueAsString(
                row("item:602", "Protests", "Peaceful protest", "Teachers", "marched", MARCHED, 0)));
        lines.add(json.writeValueAsString(badType)); // line 2: the whole of item:602 is set aside
        lines.add("{not json"); // line 3
        lines.add(json.writeValueAsString(
                row("https://elsewhere.example/9", "Protests", "Peaceful protest", null, "marched", MARCHED, 0)));
        lines.add("");
        lines.add(json.writeValueAsString(
                row("https://wire.example/601", "Protests", "Peaceful protest", "Students", "marched", MARCHED, 0)));
        lines.add("[1, 2]"); // line 7
        Files.write(part, lines, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("events.jsonl").resolve("_SUCCESS"), "");
        Files.writeString(out.resolve("events.jsonl").resolve(".part-00000-abc.json.crc"), "\0\0garbage");

        ArchiveImport.Report report = archive.importFrom(List.of(out));
        assertThat(report.files()).isEqualTo(1);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.unmatched()).isEqualTo(1);
        assertThat(report.setAside()).isEqualTo(1);
        assertThat(report.malformedRows()).isEqualTo(3);
        assertThat(report.problems())
                .anySatisfy(p -> assertThat(p).startsWith("part-00000-abc.json:2: unknown event_type 'Riots?'"))
                .anySatisfy(p -> assertThat(p).startsWith("part-00000-abc.json:3: malformed JSON"))
                .anySatisfy(p -> assertThat(p).startsWith("part-00000-abc.json:7: malformed JSON: not an object"))
                .anySatisfy(p -> assertThat(p).contains("article item:602").contains("set aside"))
                .anySatisfy(p -> assertThat(p)
                        .contains("article https://elsewhere.example/9")
                        .contains("no such document"));
        assertThat(all(spoilt))
                .as("an article with a malformed row is left as it was")
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(spoiltBefore);
        assertThat(all(good)).singleElement().satisfies(e -> assertThat(e.actor1())
                .isEqualTo("Students"));

        // A date that is not one sets its article aside too, with the reason.
        Path dated = batchOutput("dated", List.of(badDate));
        ArchiveImport.Report second = archive.importFrom(List.of(dated.resolve("events.jsonl")));
        assertThat(second.imported()).isZero();
        assertThat(second.problems())
                .anySatisfy(p -> assertThat(p).contains("event_date is not a date like 2014-06-12: 'last Tuesday'"));
        assertThat(all(good)).singleElement().satisfies(e -> assertThat(e.actor1())
                .isEqualTo("Students"));
    }

    @Test
    void theSitesOwnArticlesExportInTheBatchJobsShapeAndTheirEventsComeBack() throws IOException {
        long doc = stored(701, List.of(event("Protests", "Peaceful protest", null, null, "marched", MARCHED)));
        java.io.StringWriter out = new java.io.StringWriter();
        int n = export.export(out);
        List<Map<?, ?>> articles = new ArrayList<>();
        for (String line : out.toString().split("\n")) articles.add(json.readValue(line, Map.class));
        assertThat(articles).hasSize(n);
        Map<?, ?> article = articles.stream()
                .filter(a -> "item:701".equals(a.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(article.get("body"))
                .as("the text the server stored, so offsets agree")
                .isEqualTo(TEXT);
        assertThat(article.get("published")).isEqualTo("2014-04-30");
        assertThat(article.get("url")).isEqualTo("https://wire.example/701");
        assertThat(article.get("title")).isEqualTo("Fighting in the north");

        // The batch's events of that article, keyed by the exported id, go back to it.
        Path run = batchOutput(
                "exported",
                List.of(row(
                        (String) article.get("id"), "Protests", "Peaceful protest", "Farmers", "marched", MARCHED, 0)));
        ArchiveImport.Report report = archive.importFrom(List.of(run));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(all(doc)).singleElement().satisfies(e -> assertThat(e.actor1())
                .isEqualTo("Farmers"));

        // The command writes the file whole, where it is told to.
        Path file = tmp.resolve("export").resolve("articles.jsonl");
        ExportArticlesCommand command = new ExportArticlesCommand(export, null, null, file.toString());
        assertThat(command.run()).isZero();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(n);
    }

    @Test
    void theCommandSaysWhatIsMissingAndRefusesAnInputThatIsNotThere() {
        assertThat(command.run(List.of())).isEqualTo(2);
        assertThat(command.run(List.of(tmp.resolve("no-such-run").toString()))).isEqualTo(1);
    }

    // --- helpers ---------------------------------------------------------------------------

    private long stored(long itemId, List<Event> events) {
        SourceDocument source = new SourceDocument(
                "item",
                itemId,
                "Fighting in the north",
                TEXT,
                "text",
                LocalDate.of(2014, 4, 30),
                "https://wire.example/" + itemId,
                "Test Wire");
        return store.save(
                source,
                new Analysis(
                        Analysis.SCHEMA,
                        OLD,
                        LocalDate.of(2014, 4, 30),
                        "Fighting in the north",
                        TEXT,
                        List.of(),
                        List.of(),
                        events));
    }

    private static Event event(
            String type, String subType, String actor1, String actor2, String trigger, String sentence) {
        int at = TEXT.indexOf(sentence);
        return new Event(
                type,
                subType,
                actor1,
                actor2,
                null,
                new DateRange(LocalDate.of(2014, 4, 28), LocalDate.of(2014, 4, 28), "Monday"),
                trigger,
                new Evidence(sentence, at, at + sentence.length()),
                0.8);
    }

    /** A row as the batch writes it (docs/batch.md), its evidence offsets {@code shift} characters off. */
    private static Map<String, Object> row(
            String articleId, String type, String subType, String actor1, String trigger, String sentence, int shift) {
        Map<String, Object> r = new LinkedHashMap<>();
        int at = TEXT.indexOf(sentence) + shift;
        r.put("event_id", articleId + "-1");
        r.put("event_date", "2014-04-28");
        r.put("year", 2014);
        r.put("time_precision", 1);
        r.put("event_type", type);
        r.put("sub_event_type", subType);
        r.put("actor1", actor1);
        r.put("actor2", null);
        r.put("country", null);
        r.put("iso", null);
        r.put("admin1", null);
        r.put("location", null);
        r.put("latitude", null);
        r.put("longitude", null);
        r.put("geo_precision", null);
        r.put("source", "Test Wire");
        r.put("source_url", articleId.startsWith("http") ? articleId : null);
        r.put("notes", sentence);
        r.put("confidence", 0.7);
        r.put("article_id", articleId);
        r.put("article_title", "Fighting in the north");
        r.put("published", "2014-04-30");
        r.put("date_latest", "2014-04-28");
        r.put("date_text", "Monday");
        r.put("gazetteer_id", null);
        r.put("trigger", trigger);
        r.put("evidence_start", at);
        r.put("evidence_end", at + sentence.length());
        r.put("engine_version", BATCH);
        return r;
    }

    private static Map<String, Object> withPlace(Map<String, Object> r) {
        r.put("country", "Syria");
        r.put("iso", "SY");
        r.put("admin1", "Aleppo");
        r.put("location", "Azaz");
        r.put("latitude", 36.586);
        r.put("longitude", 37.0443);
        r.put("geo_precision", 1);
        r.put("gazetteer_id", 170017L);
        return r;
    }

    /** A run's output folder as Spark writes it: events.jsonl/part-*.json beside a _SUCCESS marker. */
    private Path batchOutput(String name, List<Map<String, Object>> rows) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("events.jsonl"));
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> r : rows) lines.add(json.writeValueAsString(r));
        Files.write(dir.resolve("part-00000-abc.json"), lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_SUCCESS"), "");
        return tmp.resolve(name);
    }

    private Map<String, Long> idsBySentence(long doc) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (TrackedEvent e : all(doc)) ids.put(e.evidenceSentence(), e.id());
        return ids;
    }

    private List<TrackedEvent> all(long doc) {
        return search.search(
                        EventFilter.any().withDocument(doc).withStates(EnumSet.allOf(ReviewState.class)), null, 100)
                .events();
    }

    private long seen(long eventId) {
        return search.find(eventId).orElseThrow().version();
    }
}
