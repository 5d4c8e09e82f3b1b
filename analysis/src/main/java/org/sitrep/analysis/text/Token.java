package org.sitrep.analysis.text;

/** A word or punctuation mark with its offsets into the cleaned text, part-of-speech tag and lemma. */
public record Token(int start, int end, String text, String tag, String lemma) {}
