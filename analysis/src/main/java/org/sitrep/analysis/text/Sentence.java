package org.sitrep.analysis.text;

import java.util.List;

/** One sentence of the cleaned text: offsets [start, end) and its tokens. */
public record Sentence(int index, int start, int end, String text, List<Token> tokens) {}
