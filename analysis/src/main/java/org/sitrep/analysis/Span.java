package org.sitrep.analysis;

/** Character offsets [start, end) into {@link Analysis#text()}. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
