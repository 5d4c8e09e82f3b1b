package org.sitrep.intel;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.sitrep.members.CsvCell;
import org.springframework.stereotype.Service;

/**
 * Events as files other tools read: CSV with ACLED's column names (pandas, R, spreadsheets) and
 * GeoJSON (QGIS, web maps). Both are written while the events are read, a page at a time, so an
 * export of a million events needs no more memory than one page.
 */
@Service
public class EventExports {
    /**
     * The CSV header, in this order. {@code fatalities} is ACLED's column, where ACLED has it (after the notes): the
     * deaths reported for the event, 0 when its text reports none or says nothing of deaths, as in ACLED's data.
     */
    public static final List<String> COLUMNS = List.of(
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
            "fatalities",
            "confidence",
            "review_state");

    private static final int BATCH = EventSearch.MAX_PAGE;
    private static final JsonFactory JSON = new JsonFactory();

    private final EventSearch search;
    private final EventChanges changes;

    public EventExports(EventSearch search, EventChanges changes) {
        this.search = search;
        this.changes = changes;
    }

    /** Writes every event matching the filter as UTF-8 CSV (RFC 4180, CRLF line ends); returns the number of rows. */
    public long csv(EventFilter filter, OutputStream out) throws IOException {
        return csv(filter, null, out);
    }

    /**
     * The same, only the events added or changed at or after {@code updatedSince} when it is given (in the order
     * of their changes, oldest first, as the JSON API's {@code updatedSince} lists them), so a client keeping a
     * copy in a spreadsheet or a GIS layer fetches only what changed.
     */
    public long csv(EventFilter filter, Instant updatedSince, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
        long[] rows = {0};
        forEach(filter, updatedSince, e -> {
            try {
                row(w, e);
                rows[0]++;
            } catch (IOException ex) {
                throw new ExportInterrupted(ex);
            }
        });
        w.flush();
        return rows[0];
    }

    /**
     * Writes the events as an RFC 7946 FeatureCollection of Points ([longitude, latitude]) with the CSV's
     * columns as properties. Events without coordinates cannot be features: they are counted in the
     * foreign member {@code "unlocated"}, written after the features. Returns the number of features.
     */
    public long geojson(EventFilter filter, OutputStream out) throws IOException {
        return geojson(filter, null, out);
    }

    /** The same, only the events added or changed at or after {@code updatedSince} when it is given (see {@link #csv(EventFilter, Instant, OutputStream)}). */
    public long geojson(EventFilter filter, Instant updatedSince, OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
        long[] counts = {0, 0};
        forEach(filter, updatedSince, e -> {
            if (!e.located()) {
                counts[1]++;
                return;
            }
            try {
                feature(g, e);
                counts[0]++;
            } catch (IOException ex) {
                throw new ExportInterrupted(ex);
            }
        });
        g.writeEndArray();
        g.writeNumberField("unlocated", counts[1]);
        g.writeEndObject();
        g.flush();
        return counts[0];
    }

    private void forEach(EventFilter filter, Instant updatedSince, Consumer<TrackedEvent> each) throws IOException {
        String cursor = null;
        try {
            do {
                EventPage page = updatedSince == null
                        ? search.search(filter, cursor, BATCH)
                        : changes.changedSince(filter, updatedSince, cursor, BATCH);
                page.events().forEach(each);
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (ExportInterrupted e) {
            throw e.io;
        }
    }

    private static void row(Writer w, TrackedEvent e) throws IOException {
        // Text goes through CsvCell (quoting, formula guard); numbers and dates are ours and written as they are,
        // so a negative longitude keeps its minus sign.
        w.write(Long.toString(e.id()));
        w.write(',');
        w.write(e.dateEarliest().toString());
        w.write(',');
        w.write(Integer.toString(e.dateEarliest().getYear()));
        w.write(',');
        w.write(Integer.toString(timePrecision(e)));
        for (String text : new String[] {
            e.eventType(),
            e.subEventType(),
            e.actor1(),
            e.actor2(),
            countryName(e.country()),
            e.country(),
            e.admin1(),
            e.placeName()
        }) {
            w.write(',');
            w.write(CsvCell.of(text));
        }
        w.write(',');
        if (e.latitude() != null) w.write(e.latitude().toString());
        w.write(',');
        if (e.longitude() != null) w.write(e.longitude().toString());
        w.write(',');
        Integer precision = geoPrecision(e.geoPrecision());
        if (precision != null) w.write(precision.toString());
        for (String text : new String[] {e.source().name(), e.source().url(), e.evidenceSentence()}) {
            w.write(',');
            w.write(CsvCell.of(text));
        }
        w.write(',');
        w.write(Integer.toString(fatalities(e)));
        w.write(',');
        w.write(Double.toString(e.confidence()));
        w.write(',');
        w.write(e.reviewState().dbValue());
        w.write("\r\n");
    }

    private static void feature(JsonGenerator g, TrackedEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeNumberField("id", e.id());
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeNumber(e.longitude());
        g.writeNumber(e.latitude());
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeNumberField("event_id", e.id());
        g.writeStringField("event_date", e.dateEarliest().toString());
        g.writeNumberField("year", e.dateEarliest().getYear());
        g.writeNumberField("time_precision", timePrecision(e));
        g.writeStringField("event_type", e.eventType());
        g.writeStringField("sub_event_type", e.subEventType());
        g.writeStringField("actor1", e.actor1());
        g.writeStringField("actor2", e.actor2());
        g.writeStringField("country", countryName(e.country()));
        g.writeStringField("iso", e.country());
        g.writeStringField("admin1", e.admin1());
        g.writeStringField("location", e.placeName());
        g.writeNumberField("latitude", e.latitude());
        g.writeNumberField("longitude", e.longitude());
        Integer precision = geoPrecision(e.geoPrecision());
        if (precision == null) g.writeNullField("geo_precision");
        else g.writeNumberField("geo_precision", precision);
        g.writeStringField("source", e.source().name());
        g.writeStringField("source_url", e.source().url());
        g.writeStringField("notes", e.evidenceSentence());
        g.writeNumberField("fatalities", fatalities(e));
        g.writeNumberField("confidence", e.confidence());
        g.writeStringField("review_state", e.reviewState().dbValue());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** ACLED's fatalities: the reported figure, 0 when none is reported. */
    public static int fatalities(TrackedEvent e) {
        return e.fatalities() == null ? 0 : e.fatalities().best();
    }

    /** ACLED's time precision: 1 the exact day is known, 2 within a week, 3 a longer span. */
    public static int timePrecision(TrackedEvent e) {
        long days = ChronoUnit.DAYS.between(e.dateEarliest(), e.dateLatest());
        return days <= 0 ? 1 : days <= 6 ? 2 : 3;
    }

    /**
     * ACLED's geo precision from the gazetteer's level: 1 a town or a part of one (neighbourhood, city),
     * 2 a district (admin2), 3 a province or the whole country (admin1, country); null when unplaced.
     */
    public static Integer geoPrecision(String level) {
        if (level == null) return null;
        return switch (level) {
            case "neighbourhood", "city" -> 1;
            case "admin2" -> 2;
            case "admin1", "country" -> 3;
            default -> null;
        };
    }

    /** The English short name of an ISO 3166-1 alpha-2 code ("SY" → "Syria"). */
    public static String countryName(String iso2) {
        if (iso2 == null || iso2.isBlank()) return null;
        String name = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? iso2 : name;
    }

    /** Carries a write failure (the client went away) out of the per-event callback. */
    private static final class ExportInterrupted extends RuntimeException {
        final IOException io;

        ExportInterrupted(IOException io) {
            super(io);
            this.io = io;
        }
    }
}
