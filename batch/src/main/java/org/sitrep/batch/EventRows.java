package org.sitrep.batch;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Event;

/**
 * One row per event, with its evidence: the columns of the app's tracker export (ACLED's names, in
 * ACLED's meanings, see {@code docs/tracker.md}) first, then what an archive run adds: the article it
 * came from, the evidence's offsets in the cleaned text, the trigger word and the engine that coded it, then
 * what {@code ./sitrep import-batch} needs to store the event as the server would (precision word, deaths).
 */
final class EventRows {
    /** The ACLED-named columns, in the tracker export's order (without its review_state: nothing is reviewed yet). */
    static final List<String> ACLED_COLUMNS = List.of(
            "event_id",
            "event_date",
            "year",
            "time_precision",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "country",
            "iso",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "source_url",
            "notes",
            "confidence");

    static final StructType SCHEMA = new StructType(new StructField[] {
        field("event_id", StringType),
        field("event_date", DateType),
        field("year", IntegerType),
        field("time_precision", IntegerType),
        field("event_type", StringType),
        field("sub_event_type", StringType),
        field("actor1", StringType),
        field("actor2", StringType),
        field("country", StringType),
        field("iso", StringType),
        field("admin1", StringType),
        field("location", StringType),
        field("latitude", DoubleType),
        field("longitude", DoubleType),
        field("geo_precision", IntegerType),
        field("source", StringType),
        field("source_url", StringType),
        field("notes", StringType),
        field("confidence", DoubleType),
        field("article_id", StringType),
        field("article_title", StringType),
        field("published", DateType),
        field("date_latest", DateType),
        field("date_text", StringType),
        field("gazetteer_id", LongType),
        field("trigger", StringType),
        field("evidence_start", IntegerType),
        field("evidence_end", IntegerType),
        field("engine_version", StringType),
        // For ./sitrep import-batch: the place's own precision word (ACLED's 1-3 loses the difference between a
        // neighbourhood and a city) and the deaths reported, as the app stores them.
        field("place_precision", StringType),
        field("fatalities", IntegerType),
        field("fatalities_low", IntegerType),
        field("fatalities_high", IntegerType),
        field("fatalities_text", StringType),
        field("fatalities_start", IntegerType),
        field("fatalities_end", IntegerType)
    });

    private EventRows() {}

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    static List<Row> of(Article article, Analysis analysis) {
        List<Row> rows = new ArrayList<>(analysis.events().size());
        int n = 0;
        for (Event e : analysis.events()) {
            n++;
            LocalDate earliest = e.date() == null ? null : e.date().earliest();
            LocalDate latest = e.date() == null ? null : e.date().latest();
            var p = e.place();
            var f = e.fatalities();
            rows.add(RowFactory.create(
                    (article.id() == null ? "?" : article.id()) + "-" + n,
                    sqlDate(earliest),
                    earliest == null ? null : earliest.getYear(),
                    timePrecision(earliest, latest),
                    e.type(),
                    e.subType(),
                    e.actor1(),
                    e.actor2(),
                    p == null ? null : countryName(p.country()),
                    p == null ? null : p.country(),
                    p == null ? null : p.admin1(),
                    p == null ? null : p.name(),
                    p == null ? null : p.lat(),
                    p == null ? null : p.lon(),
                    p == null || p.precision() == null
                            ? null
                            : geoPrecision(p.precision().word()),
                    article.source(),
                    article.url(),
                    e.evidence() == null ? null : e.evidence().sentence(),
                    e.confidence(),
                    article.id(),
                    article.title() != null ? article.title() : analysis.title(),
                    sqlDate(analysis.published()),
                    sqlDate(latest),
                    e.date() == null ? null : e.date().text(),
                    p == null ? null : p.gazetteerId(),
                    e.trigger(),
                    e.evidence() == null ? null : e.evidence().start(),
                    e.evidence() == null ? null : e.evidence().end(),
                    analysis.engineVersion(),
                    p == null || p.precision() == null ? null : p.precision().word(),
                    f == null ? null : f.best(),
                    f == null ? null : f.low(),
                    f == null ? null : f.high(),
                    f == null ? null : f.text(),
                    f == null ? null : f.start(),
                    f == null ? null : f.end()));
        }
        return rows;
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** ACLED's time precision: 1 the exact day is known, 2 within a week, 3 a longer span (as the tracker export). */
    static Integer timePrecision(LocalDate earliest, LocalDate latest) {
        if (earliest == null) return null;
        long days = latest == null ? 0 : ChronoUnit.DAYS.between(earliest, latest);
        return days <= 0 ? 1 : days <= 6 ? 2 : 3;
    }

    /** ACLED's geo precision: 1 a town or part of one, 2 a district, 3 a province or country (as the tracker export). */
    static Integer geoPrecision(String level) {
        if (level == null) return null;
        return switch (level) {
            case "neighbourhood", "city" -> 1;
            case "admin2" -> 2;
            case "admin1", "country" -> 3;
            default -> null;
        };
    }

    static String countryName(String iso2) {
        if (iso2 == null || iso2.isBlank()) return null;
        String name = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? iso2 : name;
    }
}
