package org.sitrep.analysis.dates;

import java.util.List;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.TokenisedText;

/** Finds time expressions and resolves them against the publication date, never into the future. */
public interface DateFinder {
    List<TimeExpression> find(CleanText text);

    /** Time expressions in a document the engine has already tokenised (the pipeline's call). */
    default List<TimeExpression> find(TokenisedText document) {
        return find(document.clean());
    }
}
