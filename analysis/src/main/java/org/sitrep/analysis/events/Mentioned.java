package org.sitrep.analysis.events;

/** A mention of something (actor, place, date) at [start, end) of the text. */
record Mentioned<T>(int start, int end, T value) {}
