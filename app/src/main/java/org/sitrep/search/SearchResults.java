package org.sitrep.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of search results, best first.
 *
 * @param total       matching pieces (exact when {@code totalExact}, otherwise a lower bound)
 * @param problem     a message for the reader when the query could not be used as typed, or null
 */
public record SearchResults(
        String query, List<Hit> hits, long total, boolean totalExact, int page, int pageSize, String problem) {

    /**
     * One matching piece. {@code headlineHtml} and {@code snippetHtml} are escaped HTML in which
     * only the {@code <mark>} elements around matched words are markup.
     */
    public record Hit(
            long pieceId,
            String path,
            String kind,
            String kindLabel,
            String kindPath,
            String section,
            String headlineHtml,
            String snippetHtml,
            Instant publishAt,
            List<String> authors) {}

    public static SearchResults empty(String query, int pageSize, String problem) {
        return new SearchResults(query, List.of(), 0, true, 1, pageSize, problem);
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public long firstShown() {
        return hits.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
    }

    public long lastShown() {
        return (long) (page - 1) * pageSize + hits.size();
    }
}
