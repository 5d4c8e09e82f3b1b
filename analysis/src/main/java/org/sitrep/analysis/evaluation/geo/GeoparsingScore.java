package org.sitrep.analysis.evaluation.geo;

import java.util.Locale;
import java.util.Map;

/**
 * Geoparsing scores as the literature reports them: recognition by offset overlap, and over the
 * recognised toponyms the geocoding error.
 *
 * @param accuracy161 share of recognised toponyms placed within 161 km (100 miles) of the gold point
 * @param accuracy10  share within 10 km
 * @param auc         area under the curve of scaled log error, {@code mean(ln(1+km)) / ln(20039)}
 *                    (Gritta et al. 2018): 0 is perfect, lower is better
 * @param endToEnd161 gold toponyms both found and placed within 161 km, over all gold toponyms: what
 *                    a reader of the map gets, recognition and geocoding together
 * @param errors      the errors by class (see {@link GeoparsingErrors}), empty when not classified
 */
public record GeoparsingScore(
        String corpus,
        int documents,
        int gold,
        int predicted,
        int truePositives,
        double precision,
        double recall,
        double f1,
        double accuracy161,
        double accuracy10,
        double meanKm,
        double medianKm,
        double auc,
        double endToEnd161,
        Map<GeoparsingErrors.Kind, Integer> errors) {

    public GeoparsingScore {
        errors = Map.copyOf(errors);
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                "%s: %d docs, P %.3f R %.3f F1 %.3f, Acc@161 %.3f, Acc@10 %.3f, mean %.0f km, median %.1f km, AUC %.3f, end-to-end Acc@161 %.3f",
                corpus,
                documents,
                precision,
                recall,
                f1,
                accuracy161,
                accuracy10,
                meanKm,
                medianKm,
                auc,
                endToEnd161);
    }

    /** One line per error class, largest first: what to work on next. */
    public String errorSummary() {
        StringBuilder out = new StringBuilder(corpus).append(" errors:");
        errors.entrySet().stream()
                .sorted(Map.Entry.<GeoparsingErrors.Kind, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.append(' ')
                        .append(e.getKey().label())
                        .append(' ')
                        .append(e.getValue())
                        .append(','));
        if (out.charAt(out.length() - 1) == ',') out.setLength(out.length() - 1);
        return out.toString();
    }
}
