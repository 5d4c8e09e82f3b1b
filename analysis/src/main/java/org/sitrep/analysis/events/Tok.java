package org.sitrep.analysis.events;

/** A token of a sentence with its lower-case form, light stem and part-of-speech tag (null without a tagger). */
record Tok(int start, int end, String text, String lower, String stem, String tag) {}
