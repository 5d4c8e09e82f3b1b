package org.sitrep.analysis.places;

import java.util.List;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.text.TokenisedText;

/** Finds and resolves the places named in cleaned text (geoparsing: recognition + geocoding). */
public interface PlaceFinder {
    /** Finds no places: the stand-in while no gazetteer is configured. */
    PlaceFinder NONE = text -> List.of();

    /** Places in {@code text}, each with every mention's offsets, in order of first mention. */
    List<Place> find(String text);

    /**
     * Places in a document the engine has already tokenised (the pipeline's call, so that the text
     * is split once), with the mentions that are not event places. A finder that reads only the
     * text inherits this and marks none.
     */
    default PlacesInText find(TokenisedText document) {
        return new PlacesInText(find(document.text()), List.of());
    }
}
