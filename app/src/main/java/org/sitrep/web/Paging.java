package org.sitrep.web;

import java.util.Optional;

/** Page numbers in addresses ({@code ?page=N}), read the same way on every paged list. */
public final class Paging {
    private Paging() {}

    /** "?page=N" read leniently: anything that is not a sensible page number is no page at all. */
    public static Optional<Integer> pageNumber(String raw) {
        if (raw == null || raw.isBlank()) return Optional.of(1);
        try {
            int n = Integer.parseInt(raw.trim());
            return n >= 1 && n <= 10_000 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
