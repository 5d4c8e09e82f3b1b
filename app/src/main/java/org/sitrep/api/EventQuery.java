package org.sitrep.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.analysis.evaluation.AcledTaxonomy;
import org.sitrep.intel.BoundingBox;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.ReviewState;

/** The events endpoints' filter parameters, checked one by one so a client learns which one was wrong. */
final class EventQuery {
    /** ACLED's event types, as the engine and the events table spell them. */
    static final Set<String> TYPES = AcledTaxonomy.all().keySet();
    static final int DEFAULT_LIMIT = 100;

    private EventQuery() {}

    static EventFilter filter(String from, String to, List<String> types, String actor, String place, String gazetteerId,
                              String country, String source, String minConfidence, List<String> states, String bbox) {
        Set<String> typeSet = new LinkedHashSet<>();
        for (String t : types == null ? List.<String>of() : types) {
            if (t == null || t.isBlank()) continue;
            String type = t.trim();
            if (!TYPES.contains(type)) throw ApiProblem.badRequest("type must be one of " + String.join(", ", TYPES.stream().sorted().toList()));
            typeSet.add(type);
        }
        Set<ReviewState> stateSet = new LinkedHashSet<>();
        for (String s : states == null ? List.<String>of() : states) {
            if (s == null || s.isBlank()) continue;
            try {
                stateSet.add(ReviewState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("state must be one of unreviewed, confirmed, corrected, rejected, merged");
            }
        }
        return new EventFilter(date("from", from), date("to", to), typeSet, blankToNull(actor), blankToNull(place),
                number("gazetteerId", gazetteerId), blankToNull(country), blankToNull(source), confidence(minConfidence),
                stateSet, BoundingBox.parse(bbox), null);
    }

    static int limit(String text, int max) {
        if (text == null || text.isBlank()) return Math.min(DEFAULT_LIMIT, max);
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= max) return limit;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("limit must be a whole number between 1 and " + max);
    }

    static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name + " must be a date like 2024-03-31");
        }
    }

    static Long number(String name, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a whole number");
        }
    }

    private static Double confidence(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) return value; // the range is EventFilter's to check
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("minConfidence must be a number between 0 and 1");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
