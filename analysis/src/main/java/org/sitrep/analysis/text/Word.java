package org.sitrep.analysis.text;

/**
 * A word of the text as names are read (the word view of {@link TokenisedText}): offsets [start,
 * end) into the text, its folded form, whether it is written with a capital, whether it opens a
 * sentence or line, and how it joins the previous word: {@code ' '} (a space), {@code '-'} (a
 * hyphen), {@code ','} (other punctuation) or {@code '.'} (the first word, or a new line).
 *
 * <p>Unlike the linguistic {@link Token}s, a possessive "'s" is left out ("Syria's" is Syria) and
 * initials stay together ("U.S.", "St. Louis").
 */
public record Word(int start, int end, String word, boolean capitalised, boolean sentenceStart, char joint) {}
