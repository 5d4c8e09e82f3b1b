package org.sitrep.intel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.analysis.places.Gazetteer;
import org.sitrep.analysis.places.GazetteerEntry;
import org.sitrep.analysis.places.Geoparser;
import org.sitrep.analysis.places.NameKey;
import org.springframework.stereotype.Component;

/**
 * The analyst's place look-up in the engine's GeoNames gazetteer: names starting with what was typed
 * (type-ahead, the most populous first, each with its country and province so two Al-Mayadins can be
 * told apart), the place nearest a point clicked on the map, and one place by its gazetteer id, which a
 * correction stores. The gazetteer is the one the engine already loaded; the sorted name index is built
 * on the first look-up.
 */
@Component
public class PlaceLookup {
    public static final int MAX_RESULTS = 20;

    /** A gazetteer place as the correction form shows and stores it. */
    public record Place(
            long id,
            String name,
            String country,
            String admin1,
            double lat,
            double lon,
            String precision,
            long population) {
        static Place of(GazetteerEntry e) {
            return new Place(
                    e.id(),
                    e.name(),
                    e.country(),
                    e.admin1().isEmpty() ? null : e.admin1(),
                    e.lat(),
                    e.lon(),
                    e.precision().word(),
                    e.population());
        }
    }

    private record Index(Gazetteer gazetteer, String[] keys, int[] entries, Map<Long, Integer> byId) {}

    private volatile Index index;

    /** Places whose name (or, for a whole name, an alternate name) starts with {@code typed}; exact names first, then by population. */
    public List<Place> startingWith(String typed, int limit) {
        String key = typed == null ? "" : NameKey.exact(typed);
        if (key.isEmpty()) return List.of();
        Index ix = index();
        Map<Integer, Boolean> found = new LinkedHashMap<>();
        // Only GeoNames places (positive ids) can be stored and found again by id; curated aliases are left out.
        for (int i : ix.gazetteer().byExactKey(key)) if (ix.gazetteer().entry(i).id() > 0) found.put(i, true);
        int from = lowerBound(ix.keys(), key);
        // Names sharing a common prefix can run to thousands ("al"): gather a bounded slice, then rank it.
        for (int k = from; k < ix.keys().length && ix.keys()[k].startsWith(key) && found.size() < 5_000; k++) {
            if (ix.gazetteer().entry(ix.entries()[k]).id() > 0) found.putIfAbsent(ix.entries()[k], false);
        }
        return found.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Integer, Boolean> f) -> !f.getValue())
                        .thenComparing(f -> -ix.gazetteer().entry(f.getKey()).population()))
                .limit(Math.max(1, Math.min(limit, MAX_RESULTS)))
                .map(f -> Place.of(ix.gazetteer().entry(f.getKey())))
                .toList();
    }

    /** The populated place (or, failing that, any place) nearest a point: what a click on the map means. */
    public Optional<Place> nearest(double lat, double lon) {
        Index ix = index();
        GazetteerEntry best = null;
        double bestKm = Double.MAX_VALUE;
        for (int i = 0; i < ix.gazetteer().size(); i++) {
            GazetteerEntry e = ix.gazetteer().entry(i);
            if (e.id() <= 0 || !e.featureCode().startsWith("PPL")) continue;
            if (Math.abs(e.lat() - lat) > 2 || Math.abs(e.lon() - lon) > 3) continue; // cheap box first
            double km = Geoparser.km(lat, lon, e.lat(), e.lon());
            if (km < bestKm) {
                bestKm = km;
                best = e;
            }
        }
        return Optional.ofNullable(best).map(Place::of);
    }

    public Optional<Place> byId(long gazetteerId) {
        Index ix = index();
        Integer i = ix.byId().get(gazetteerId);
        return i == null
                ? Optional.empty()
                : Optional.of(Place.of(ix.gazetteer().entry(i)));
    }

    private Index index() {
        Index ix = index;
        if (ix == null) {
            synchronized (this) {
                if (index == null) index = build(Gazetteer.worldwide());
                ix = index;
            }
        }
        return ix;
    }

    static Index build(Gazetteer g) {
        Integer[] order = new Integer[g.size()];
        Map<Long, Integer> byId = new HashMap<>(g.size() * 2);
        for (int i = 0; i < g.size(); i++) {
            order[i] = i;
            if (g.entry(i).id() > 0) byId.putIfAbsent(g.entry(i).id(), i);
        }
        Arrays.sort(order, Comparator.comparing(i -> keyOf(g, i)));
        String[] keys = new String[order.length];
        int[] entries = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            keys[k] = keyOf(g, order[k]);
            entries[k] = order[k];
        }
        return new Index(g, keys, entries, byId);
    }

    private static String keyOf(Gazetteer g, int i) {
        String k = g.nameKey(i);
        return k == null ? "" : k;
    }

    private static int lowerBound(String[] keys, String key) {
        int lo = 0, hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].compareTo(key) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
