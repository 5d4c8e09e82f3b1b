package org.sitrep.batch;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.UnreadableDocumentException;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The executor side: each input record (source file, JSON text) of a partition becomes one outcome row,
 * either the article's events or the reason it was set aside. Nothing a document does stops the job:
 * a malformed line, an empty body or a text the engine throws on is counted and becomes a rejection.
 * Only the accumulators travel with the task; the analyzer is the executor's own ({@link SharedAnalyzer}).
 */
final class AnalyseArticles implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Characters of a rejected record kept in the side output, enough to find it in the input. */
    static final int EXCERPT = 200;

    static final StructType OUTCOME = new StructType(new StructField[] {
        DataTypes.createStructField("source_file", DataTypes.StringType, true),
        DataTypes.createStructField("article_id", DataTypes.StringType, true),
        DataTypes.createStructField("reason", DataTypes.StringType, true),
        DataTypes.createStructField("excerpt", DataTypes.StringType, true),
        DataTypes.createStructField("events", DataTypes.createArrayType(EventRows.SCHEMA, false), true)
    });

    private final Counters counters;

    AnalyseArticles(Counters counters) {
        this.counters = counters;
    }

    /** The job's counts, added to by every task and read by the driver after the job. */
    record Counters(
            LongAccumulator read,
            LongAccumulator analysed,
            LongAccumulator events,
            LongAccumulator malformed,
            LongAccumulator incomplete,
            LongAccumulator failed)
            implements java.io.Serializable {
        long rejected() {
            return malformed.value() + incomplete.value() + failed.value();
        }
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                return outcome(input.next());
            }
        };
    }

    private Row outcome(Row record) {
        String file = record.getString(0);
        String line = record.getString(1);
        counters.read().add(1);
        ArticleInput.Parsed parsed = ArticleInput.parse(line);
        if (parsed.article() == null) {
            if (parsed.reason().startsWith("malformed") || parsed.reason().startsWith("empty line"))
                counters.malformed().add(1);
            else counters.incomplete().add(1);
            return rejected(file, parsed.id(), parsed.reason(), line);
        }
        Article a = parsed.article();
        Analysis analysis;
        try {
            analysis = SharedAnalyzer.get()
                    .analyze(new Document(a.body(), Document.Format.AUTO, a.published(), a.title()));
        } catch (UnreadableDocumentException e) {
            counters.failed().add(1);
            return rejected(file, a.id(), "unreadable: " + e.getMessage(), line);
        } catch (RuntimeException | StackOverflowError e) {
            // one pathological text must not fail the task (and, after retries, the job): set it aside
            counters.failed().add(1);
            return rejected(file, a.id(), "analysis failed: " + e, line);
        }
        List<Row> events = EventRows.of(a, analysis);
        counters.analysed().add(1);
        counters.events().add(events.size());
        // Spark's row encoder takes a Scala Seq for an array column
        return RowFactory.create(
                file, a.id(), null, null, CollectionConverters.asScala(events).toSeq());
    }

    private static Row rejected(String file, String id, String reason, String line) {
        return RowFactory.create(file, id, reason, ArticleInput.cut(line, EXCERPT), null);
    }
}
