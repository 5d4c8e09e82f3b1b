package org.sitrep.analysis.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Distances in km between where the engine put each recognised place and where it is. */
public final class GeoErrors {
    private static final double EARTH_KM = 6371.0088;
    /** An engine place without coordinates counts as this far off: wrong, but it must not poison the mean. */
    static final double UNPLACED_KM = 20_000;

    private final List<Double> km = new ArrayList<>();

    public void add(double errorKm) {
        km.add(Double.isFinite(errorKm) ? errorKm : UNPLACED_KM);
    }

    public void addAll(GeoErrors other) {
        km.addAll(other.km);
    }

    public int count() {
        return km.size();
    }

    /** Share of errors of at most {@code limitKm}; NaN when there are none. */
    public double within(double limitKm) {
        if (km.isEmpty()) return Double.NaN;
        return km.stream().filter(d -> d <= limitKm).count() / (double) km.size();
    }

    public double mean() {
        return km.isEmpty()
                ? Double.NaN
                : km.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public double median() {
        if (km.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(km);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Great-circle distance (haversine). */
    public static double km(double lat1, double lon1, double lat2, double lon2) {
        if (!Double.isFinite(lat1) || !Double.isFinite(lon1) || !Double.isFinite(lat2) || !Double.isFinite(lon2)) {
            return Double.NaN;
        }
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
