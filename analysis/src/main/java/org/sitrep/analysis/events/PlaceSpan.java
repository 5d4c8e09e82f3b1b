package org.sitrep.analysis.events;

import org.sitrep.analysis.Place;

/** A place mentioned from token {@code at}; locative when "in", "near" … lead to it. */
record PlaceSpan(int at, int to, Place place, boolean locative) {}
