package org.sitrep.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sitrep batch --master local[*] --in ARTICLES --out DIR} (or spark-submit with this class):
 * an archive of articles through the same {@link org.sitrep.analysis.Analyzer} the server uses, one per
 * executor JVM, into events with their evidence as Parquet, CSV (ACLED's column names) and JSON Lines,
 * plus the rejected records with their reasons. See docs/batch.md.
 */
@Command(
        name = "sitrep batch",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse an archive of articles on Apache Spark into events (Parquet, CSV, JSON Lines).",
            "Input: JSON Lines or Parquet with id, title, body (or text, content), published (YYYY-MM-DD), source, url.",
            "Output folders in --out: events.parquet, events.csv, events.jsonl, rejected.jsonl."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:analysed (rejected records, if any, are in rejected.jsonl)",
            "1:the job could not run (no input, output exists, Spark failed)",
            "2:bad command-line arguments"
        })
public final class ArchiveAnalysis implements Callable<Integer> {
    enum InputFormat {
        auto,
        jsonl,
        parquet
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master, e.g. local[*], spark://host:7077, yarn, k8s://https://host:443. "
                    + "Default: what spark-submit set, else local[*].")
    String master;

    @Option(
            names = "--in",
            required = true,
            split = ",",
            paramLabel = "PATH",
            description = "Input files or folders (local, hdfs://, s3a:// ...); comma-separated or repeated.")
    List<String> inputs;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output folder (must not exist unless --overwrite).")
    String out;

    @Option(
            names = "--input-format",
            defaultValue = "auto",
            paramLabel = "auto|jsonl|parquet",
            description =
                    "What the input is; auto: Parquet when the first path ends in .parquet, else JSON Lines. Default: ${DEFAULT-VALUE}.")
    InputFormat inputFormat;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description =
                    "Repartition the input into N partitions first (spread a few large files over the executors).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace the output folder's results if they exist.")
    boolean overwrite;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ArchiveAnalysis()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (partitions != null && partitions < 1) {
            err.println("sitrep batch: --partitions must be at least 1");
            return 2;
        }
        for (String in : inputs) {
            // said before Spark starts; remote paths and globs ("archive/*.jsonl") are left to Spark
            if (!in.contains("://") && !in.matches(".*[*?\\[{].*") && !Files.exists(Path.of(in))) {
                err.println("sitrep batch: " + in + ": no such file or folder");
                return 1;
            }
        }
        if (!overwrite && !out.contains("://") && Files.exists(Path.of(out, "events.parquet"))) {
            err.println("sitrep batch: " + out + " already holds results; choose another --out or add --overwrite");
            return 1;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("sitrep-archive-analysis");
        // spark-submit passes the master as spark.master; --master here is for ./sitrep batch and tests
        if (master != null) builder.master(master);
        if (master == null ? System.getProperty("spark.master") == null : master.startsWith("local")) {
            // one machine: driver and executors talk over loopback, not whatever the host name resolves to
            builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
        } else if (System.getProperty("spark.master") == null) builder.master("local[*]");
        SparkSession spark = builder.getOrCreate();
        try {
            Summary summary = run(spark, inputs, inputFormat, partitions, out, overwrite);
            summary.print(spec.commandLine().getOut());
            return 0;
        } catch (Exception e) { // Spark's AnalysisException (output exists, unreadable input) is checked in Java's eyes
            err.println("sitrep batch: the job failed: " + e.getMessage());
            return 1;
        } finally {
            spark.stop();
        }
    }

    /** What a run did: the accumulators' counts, read on the driver after the job. */
    public record Summary(
            long read, long analysed, long events, long malformed, long incomplete, long failed, double seconds) {
        public long rejected() {
            return malformed + incomplete + failed;
        }

        void print(PrintWriter out) {
            out.printf(
                    Locale.ROOT,
                    "sitrep batch: %d records read, %d articles analysed, %d events%n",
                    read,
                    analysed,
                    events);
            out.printf(
                    Locale.ROOT,
                    "sitrep batch: %d rejected (%d malformed, %d incomplete, %d failed in analysis): see rejected.jsonl%n",
                    rejected(),
                    malformed,
                    incomplete,
                    failed);
            out.printf(
                    Locale.ROOT,
                    "sitrep batch: %.1f s, %.1f articles/s%n",
                    seconds,
                    seconds > 0 ? analysed / seconds : 0.0);
            out.flush();
        }
    }

    /** Runs the analysis on an existing session; writes DIR/events.{parquet,csv,jsonl} and DIR/rejected.jsonl. */
    public static Summary run(
            SparkSession spark,
            List<String> inputs,
            InputFormat format,
            Integer partitions,
            String out,
            boolean overwrite) {
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        AnalyseArticles.Counters counters = new AnalyseArticles.Counters(
                sc.longAccumulator("records read"),
                sc.longAccumulator("articles analysed"),
                sc.longAccumulator("events"),
                sc.longAccumulator("malformed records"),
                sc.longAccumulator("incomplete records"),
                sc.longAccumulator("analysis failures"));
        String[] paths = inputs.toArray(String[]::new);
        boolean parquet = format == InputFormat.parquet
                || (format == InputFormat.auto
                        && paths[0].toLowerCase(Locale.ROOT)
                                .replaceAll("/+$", "")
                                .endsWith(".parquet"));
        Dataset<Row> records = parquet
                // a Parquet row becomes the JSON object a JSON Lines input would have had: one parser for both
                ? spark.read()
                        .parquet(paths)
                        .select(
                                input_file_name().as("source_file"),
                                to_json(struct(col("*"))).as("line"))
                // blank lines (a trailing one, a gap between dumps) are not records: skipped, not rejected
                : spark.read()
                        .text(paths)
                        .where(trim(col("value")).notEqual(""))
                        .select(
                                input_file_name().as("source_file"),
                                col("value").as("line"));
        if (partitions != null) records = records.repartition(partitions);

        // Persisted so the three writers and the side output read one analysis, and each article is analysed
        // (and counted by the accumulators) once; MEMORY_AND_DISK so an archive larger than memory still runs.
        Dataset<Row> outcomes = records.mapPartitions(
                        new AnalyseArticles(counters), Encoders.row(AnalyseArticles.OUTCOME))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            Dataset<Row> events = outcomes.where(col("reason").isNull())
                    .select(explode(col("events")).as("e"))
                    .select("e.*");
            events.write().mode(mode).parquet(out + "/events.parquet");
            events.write().mode(mode).option("ignoreNullFields", "false").json(out + "/events.jsonl");
            spreadsheetSafe(events).write().mode(mode).option("header", "true").csv(out + "/events.csv");
            outcomes.where(col("reason").isNotNull())
                    .select("source_file", "article_id", "reason", "excerpt")
                    .write()
                    .mode(mode)
                    .option("ignoreNullFields", "false")
                    .json(out + "/rejected.jsonl");
        } finally {
            outcomes.unpersist();
        }
        return new Summary(
                counters.read().value(),
                counters.analysed().value(),
                counters.events().value(),
                counters.malformed().value(),
                counters.incomplete().value(),
                counters.failed().value(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Every column, text cells guarded as the tracker's CSV export guards them: a cell a spreadsheet would
     * take for a formula (=, +, -, @ first; an evidence sentence comes from someone else's article) is
     * prefixed with an apostrophe. Spark's writer does the RFC 4180 quoting.
     */
    static Dataset<Row> spreadsheetSafe(Dataset<Row> rows) {
        return rows.select(Stream.of(rows.schema().fields())
                .map(f -> f.dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)
                        ? org.apache
                                .spark
                                .sql
                                .functions
                                .when(
                                        col(f.name()).rlike("^[=+\\-@\\t\\r]"),
                                        org.apache.spark.sql.functions.concat(
                                                org.apache.spark.sql.functions.lit("'"), col(f.name())))
                                .otherwise(col(f.name()))
                                .as(f.name())
                        : col(f.name()))
                .toArray(Column[]::new));
    }
}
