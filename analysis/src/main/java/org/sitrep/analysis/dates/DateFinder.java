package org.sitrep.analysis.dates;

import java.util.List;
import org.sitrep.analysis.text.CleanText;

/** Finds time expressions and resolves them against the publication date, never into the future. */
public interface DateFinder {
    List<TimeExpression> find(CleanText text);
}
