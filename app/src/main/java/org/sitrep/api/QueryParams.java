package org.sitrep.api;

/**
 * The API's own paging and path parameters, checked one by one so a client learns which one was wrong. The
 * events' filter parameters are intel's {@link org.sitrep.intel.EventFilterParams}, shared with the tracker.
 */
final class QueryParams {
    static final int DEFAULT_LIMIT = 100;

    private QueryParams() {}

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

    static Long number(String name, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a whole number");
        }
    }

    /** A moment written ISO 8601 with its offset ({@code 2024-03-10T08:00:00Z}, {@code 2024-03-10T10:00:00+02:00}); null when absent. */
    static java.time.Instant instant(String name, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest(name + " must be a date-time with its offset, such as 2024-03-10T08:00:00Z");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
