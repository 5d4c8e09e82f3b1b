package org.sitrep.analysis.text;

import java.time.LocalDate;
import java.util.List;

/**
 * A document after cleaning: title, the text every offset refers to (headline, standfirst, photo
 * caption and body, separated by blank lines), its publication date and its sentences.
 */
public record CleanText(String title, String text, LocalDate published, List<Sentence> sentences) {}
