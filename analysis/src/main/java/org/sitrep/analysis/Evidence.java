package org.sitrep.analysis;

/** The sentence a fact came from, with its offsets into {@link Analysis#text()}. */
public record Evidence(String sentence, int start, int end) {}
