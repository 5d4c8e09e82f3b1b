package org.sitrep.analysis.places;

import java.util.List;
import org.sitrep.analysis.Place;

/** Finds and resolves the places named in cleaned text (geoparsing: recognition + geocoding). */
public interface PlaceFinder {
    /** Finds no places: the stand-in while no gazetteer is configured. */
    PlaceFinder NONE = text -> List.of();

    /** Places in {@code text}, each with every mention's offsets, in order of first mention. */
    List<Place> find(String text);
}
