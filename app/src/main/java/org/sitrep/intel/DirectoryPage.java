package org.sitrep.intel;

import java.util.List;

/**
 * One page of a place or actor directory, most events first. {@code more} says whether a next page
 * starts at {@code offset + items.size()}.
 */
public record DirectoryPage<T>(List<T> items, int offset, boolean more) {
    public static final int MAX_PAGE = 1000;

    static void check(int offset, int limit) {
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidEventFilter("limit must be between 1 and " + MAX_PAGE);
        if (offset < 0) throw new InvalidEventFilter("offset must not be negative");
    }

    static <T> DirectoryPage<T> of(List<T> rows, int offset, int limit) {
        return rows.size() > limit
                ? new DirectoryPage<>(List.copyOf(rows.subList(0, limit)), offset, true)
                : new DirectoryPage<>(List.copyOf(rows), offset, false);
    }
}
