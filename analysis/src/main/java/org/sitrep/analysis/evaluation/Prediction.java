package org.sitrep.analysis.evaluation;

import java.util.List;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.dates.TimeExpression;

/**
 * What the engine said about one text: its analysis and, when the engine exposes them, every time
 * expression it resolved (an {@link Analysis} only carries the dates attached to events). With
 * {@code dates} null, the dates are read from the events.
 */
public record Prediction(Analysis analysis, List<TimeExpression> dates) {
    public static Prediction of(Analysis analysis) {
        return new Prediction(analysis, null);
    }
}
