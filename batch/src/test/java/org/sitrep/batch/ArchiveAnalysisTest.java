package org.sitrep.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;

/**
 * The archive job in Spark local mode (two worker threads) on a few hundred articles built from the
 * repository's corpora, with bad records mixed in: it must find exactly the events the single-JVM engine
 * finds, set the bad records aside with their reasons, and write three formats that read back alike.
 * One session and one run for the class: Spark's start-up and the engine's loading are the slow parts.
 */
class ArchiveAnalysisTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GOOD = 200;

    @TempDir
    static Path dir;

    static SparkSession spark;
    static List<ObjectNode> articles;
    static ArchiveAnalysis.Summary summary;
    static Path out;

    @BeforeAll
    static void runTheJob() throws IOException {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("ArchiveAnalysisTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        articles = ArchiveGenerator.articles(GOOD);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++)
            (i % 2 == 0 ? first : second).add(articles.get(i).toString());
        // the bad records, one of each kind, among the good ones
        first.add(10, "{\"id\": \"bad-json\", \"body\": \"Rebels shelled Idlib");
        first.add(20, "[\"an array, not an article\"]");
        second.add(5, "{\"id\": \"no-body\", \"title\": \"Headline only\", \"body\": \"   \"}");
        second.add(15, "{\"id\": \"bad-date\", \"body\": \"Clashes in Homs.\", \"published\": \"last Tuesday\"}");
        second.add(25, "{\"id\": \"binary\", \"body\": \"Fighting in Aleppo\\u0000\\u0001 on Monday.\"}");
        second.add(30, "   "); // a blank line: skipped, not a record
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("part-1.jsonl"), first);
        Files.write(in.resolve("part-2.jsonl"), second);
        out = dir.resolve("out");
        summary = ArchiveAnalysis.run(
                spark, List.of(in.toString()), ArchiveAnalysis.InputFormat.auto, null, out.toString(), false);
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void findsExactlyTheEventsOfTheSingleJvmEngine() {
        Analyzer engine = Analyzer.create();
        Map<String, List<String>> expected = new TreeMap<>();
        long total = 0;
        for (ObjectNode a : articles) {
            String published = a.path("published").asText(null);
            Analysis analysis = engine.analyze(new Document(
                    a.get("body").asText(),
                    Document.Format.AUTO,
                    published == null ? null : LocalDate.parse(published),
                    a.get("title").asText()));
            List<String> keys = new ArrayList<>();
            for (Event e : analysis.events())
                keys.add(key(e.type(), e.subType(), e.actor1(), e.evidence().start()));
            keys.sort(null);
            if (!keys.isEmpty()) expected.put(a.get("id").asText(), keys);
            total += keys.size();
        }
        assertThat(total).as("the generated archive has events to find").isGreaterThan(GOOD / 2);

        Map<String, List<String>> found = new TreeMap<>();
        for (Row r :
                spark.read().parquet(out.resolve("events.parquet").toString()).collectAsList()) {
            found.computeIfAbsent(r.getAs("article_id"), k -> new ArrayList<>())
                    .add(key(
                            r.getAs("event_type"),
                            r.getAs("sub_event_type"),
                            r.getAs("actor1"),
                            r.<Integer>getAs("evidence_start")));
        }
        found.values().forEach(l -> l.sort(null));
        assertThat(found).isEqualTo(expected);
        assertThat(summary.events()).isEqualTo(total);
        assertThat(summary.analysed()).isEqualTo(GOOD);
    }

    private static String key(String type, String subType, String actor1, Integer evidenceStart) {
        return type + "|" + subType + "|" + actor1 + "|" + evidenceStart;
    }

    @Test
    void badRecordsAreCountedAndSetAsideWithTheirReasons() {
        Map<String, String> reasons = new HashMap<>();
        List<Row> rejected =
                spark.read().json(out.resolve("rejected.jsonl").toString()).collectAsList();
        for (Row r : rejected)
            reasons.put(
                    r.getAs("article_id") == null ? r.<String>getAs("excerpt") : r.getAs("article_id"),
                    r.getAs("reason"));
        assertThat(rejected).hasSize(5);
        assertThat(reasons.get("no-body")).isEqualTo("empty body");
        assertThat(reasons.get("bad-date"))
                .startsWith("published is not a date")
                .contains("last Tuesday");
        assertThat(reasons.get("binary")).startsWith("unreadable: ").contains("NUL");
        assertThat(reasons).anySatisfy((excerpt, reason) -> {
            assertThat(excerpt).contains("bad-json");
            assertThat(reason).startsWith("malformed JSON");
        });
        assertThat(reasons).anySatisfy((excerpt, reason) -> {
            assertThat(excerpt).contains("an array");
            assertThat(reason).isEqualTo("malformed JSON: not an object");
        });
        assertThat(rejected)
                .allSatisfy(r -> assertThat(r.<String>getAs("source_file")).contains("part-"));
        assertThat(summary.read()).isEqualTo(GOOD + 5);
        assertThat(summary.malformed()).isEqualTo(2);
        assertThat(summary.incomplete()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
    }

    @Test
    void parquetCsvAndJsonLinesReadBackAlike() {
        Dataset<Row> parquet =
                spark.read().parquet(out.resolve("events.parquet").toString());
        Dataset<Row> jsonl = spark.read()
                .schema(EventRows.SCHEMA)
                .json(out.resolve("events.jsonl").toString());
        Dataset<Row> csv = spark.read()
                .option("header", "true")
                .option("multiLine", "true")
                .csv(out.resolve("events.csv").toString());
        assertThat(parquet.count()).isEqualTo(summary.events());
        assertThat(jsonl.count()).isEqualTo(summary.events());
        assertThat(csv.count()).isEqualTo(summary.events());
        assertThat(List.of(csv.columns()).subList(0, EventRows.ACLED_COLUMNS.size()))
                .isEqualTo(EventRows.ACLED_COLUMNS);
        // the same rows, not just as many: event ids and evidence agree across the formats
        assertThat(parquet.select("event_id", "notes", "evidence_start")
                        .except(jsonl.select("event_id", "notes", "evidence_start"))
                        .count())
                .isZero();
        assertThat(csv.select("event_id").except(parquet.select("event_id")).count())
                .isZero();
        Row one =
                parquet.where("latitude is not null and event_date is not null").first();
        assertThat(one.<String>getAs("event_id")).startsWith(one.<String>getAs("article_id") + "-");
        assertThat(one.<String>getAs("source")).isEqualTo("Test Wire");
        assertThat(one.<String>getAs("notes")).isNotBlank();
        assertThat(one.<String>getAs("engine_version")).contains("+r" + Analyzer.ENGINE_REVISION);
    }

    @Test
    void aFormulaInACsvCellStaysText() {
        StructType schema = new StructType().add("notes", DataTypes.StringType).add("confidence", DataTypes.DoubleType);
        Dataset<Row> rows = spark.createDataFrame(
                List.of(
                        RowFactory.create("=HYPERLINK(\"http://evil\")", -1.0),
                        RowFactory.create("Shelling in Donetsk", 0.5),
                        RowFactory.create("@SUM(A1)", 0.5)),
                schema);
        List<Row> safe = ArchiveAnalysis.spreadsheetSafe(rows).collectAsList();
        assertThat(safe.get(0).getString(0)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(safe.get(0).getDouble(1)).isEqualTo(-1.0);
        assertThat(safe.get(1).getString(0)).isEqualTo("Shelling in Donetsk");
        assertThat(safe.get(2).getString(0)).isEqualTo("'@SUM(A1)");
    }

    @Test
    void readsParquetArchivesAndRefusesToOverwriteResults() throws IOException {
        Path parquetIn = dir.resolve("archive.parquet");
        List<String> some =
                articles.subList(0, 12).stream().map(ObjectNode::toString).toList();
        spark.read()
                .json(spark.createDataset(some, org.apache.spark.sql.Encoders.STRING()))
                .write()
                .parquet(parquetIn.toString());
        Path parquetOut = dir.resolve("from-parquet");
        ArchiveAnalysis.Summary fromParquet = ArchiveAnalysis.run(
                spark,
                List.of(parquetIn.toString()),
                ArchiveAnalysis.InputFormat.auto,
                2,
                parquetOut.toString(),
                false);
        long expected = spark.read()
                .parquet(out.resolve("events.parquet").toString())
                .where(org.apache
                        .spark
                        .sql
                        .functions
                        .col("article_id")
                        .isin(articles.subList(0, 12).stream()
                                .map(a -> a.get("id").asText())
                                .toArray()))
                .count();
        assertThat(fromParquet.analysed()).isEqualTo(12);
        assertThat(fromParquet.rejected()).isZero();
        assertThat(fromParquet.events()).isEqualTo(expected).isPositive();

        assertThatThrownBy(() -> ArchiveAnalysis.run(
                        spark,
                        List.of(parquetIn.toString()),
                        ArchiveAnalysis.InputFormat.auto,
                        null,
                        parquetOut.toString(),
                        false))
                .hasMessageContaining("already exists");
    }
}
