package org.sitrep.analysis.training;

/** A line of a corpus file that cannot be used, and why; {@code line} counts from 1. */
public record CorpusProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
