package org.sitrep.tracker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sitrep.analysis.places.Gazetteer;
import org.sitrep.analysis.places.GazetteerEntry;
import org.sitrep.intel.BoundingBox;
import org.springframework.stereotype.Component;

/**
 * Town and city labels for the offline basemap, from the analysis engine's GeoNames gazetteer: the
 * most populous places inside the map's view. Loaded once, on the first map that asks.
 */
@Component
public class PopulatedPlaces {
    static final long MIN_POPULATION = 20_000;

    /** A labelled place; {@code id} is the GeoNames id the place pages use. */
    public record Label(long id, String name, String country, double lat, double lon, long population) {}

    private volatile List<Label> largestFirst;

    public List<Label> largestIn(BoundingBox box, int limit) {
        List<Label> out = new ArrayList<>();
        for (Label l : labels()) {
            if (out.size() >= limit) break;
            if (l.lon() >= box.west() && l.lon() <= box.east() && l.lat() >= box.south() && l.lat() <= box.north())
                out.add(l);
        }
        return out;
    }

    private List<Label> labels() {
        List<Label> l = largestFirst;
        if (l == null) {
            synchronized (this) {
                if (largestFirst == null) largestFirst = load(Gazetteer.worldwide());
                l = largestFirst;
            }
        }
        return l;
    }

    static List<Label> load(Gazetteer gazetteer) {
        List<Label> all = new ArrayList<>();
        for (int i = 0; i < gazetteer.size(); i++) {
            GazetteerEntry e = gazetteer.entry(i);
            if (e.featureCode().startsWith("PPL") && e.population() >= MIN_POPULATION && e.id() > 0) {
                all.add(new Label(e.id(), e.name(), e.country(), e.lat(), e.lon(), e.population()));
            }
        }
        all.sort(Comparator.comparingLong(Label::population).reversed());
        return List.copyOf(all);
    }
}
