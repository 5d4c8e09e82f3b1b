package org.sitrep.analysis.evaluation.geo;

/**
 * Geoparsing scores as the literature reports them: recognition by offset overlap, and over the
 * recognised toponyms the geocoding error.
 *
 * @param accuracy161 share of recognised toponyms placed within 161 km (100 miles) of the gold point
 * @param accuracy10  share within 10 km
 * @param auc         area under the curve of scaled log error, {@code mean(ln(1+km)) / ln(20039)}
 *                    (Gritta et al. 2018): 0 is perfect, lower is better
 */
public record GeoparsingScore(String corpus, int documents, int gold, int predicted, int truePositives,
                              double precision, double recall, double f1, double accuracy161, double accuracy10,
                              double meanKm, double medianKm, double auc) {

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d docs, P %.3f R %.3f F1 %.3f, Acc@161 %.3f, Acc@10 %.3f, mean %.0f km, median %.1f km, AUC %.3f",
                corpus, documents, precision, recall, f1, accuracy161, accuracy10, meanKm, medianKm, auc);
    }
}
