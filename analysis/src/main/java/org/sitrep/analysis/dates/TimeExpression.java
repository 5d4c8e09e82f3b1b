package org.sitrep.analysis.dates;

import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Span;

/** A date or period named in the text ("in late March", "on Tuesday"), resolved to a range. */
public record TimeExpression(Span span, DateRange range) {}
