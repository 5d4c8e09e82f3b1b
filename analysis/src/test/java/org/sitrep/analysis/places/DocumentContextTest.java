package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;

/**
 * The article's own evidence for same-named places: the divisions it names, and a name it pins
 * down once with its container. Sentences written for the project, over the bundled gazetteer.
 */
class DocumentContextTest {
    static final Geoparser PARSER = Geoparser.worldwide();

    static List<Place> named(String text, String name) {
        return PARSER.find(text).stream().filter(p -> p.text().equals(name)).toList();
    }

    @Test
    void aNamePinnedDownOnceMeansThatPlaceWhereverItStandsAlone() {
        List<Place> paris = named(
                "The fire began in Paris, Texas, on Monday. By noon crews in Paris had it under control.", "Paris");
        assertThat(paris).hasSize(1); // both mentions resolve to one place
        assertThat(paris.get(0).country()).isEqualTo("US");
        assertThat(paris.get(0).mentions()).hasSize(2);
        // Without the container, the capital.
        assertThat(named("By noon crews in Paris had the fire under control.", "Paris")
                        .get(0)
                        .country())
                .isEqualTo("FR");
    }

    @Test
    void aListOfCountriesPinsNothing() {
        // "China, the U.S." reads like a town and its container; China stays the country everywhere.
        List<Place> china =
                named("Talks between China, the U.S. and Japan stalled. China said it would wait.", "China");
        assertThat(china).allSatisfy(p -> assertThat(p.featureCode()).startsWith("PCL"));
    }

    @Test
    void aDivisionTheTextNamesBreaksATieBetweenNamesakes() {
        String alone = "A tractor was stolen near Hinton last week.";
        String withState = "Sheriffs in Oklahoma said a tractor was stolen near Hinton last week.";
        assertThat(named(alone, "Hinton").get(0).admin1()).isNotEqualTo("Oklahoma");
        assertThat(named(withState, "Hinton").get(0).admin1()).isEqualTo("Oklahoma");
    }

    @Test
    void aNamedDivisionGivesNoEvidenceToANamesakeATenthAsLargeOrToACountrysName() {
        PlaceStages.Found f =
                PlaceStages.resolved("The team from Mississippi beat Louisville and flew to China, Maine.");
        DocumentContext context = DocumentContext.of(PlaceStages.GAZETTEER, f.mentions());
        PlaceMention louisville = f.named("Louisville");
        double inMississippi = 0, elsewhere = 0;
        for (int c : louisville.candidates) {
            GazetteerEntry e = PlaceStages.GAZETTEER.entry(c);
            if (e.admin1().equals("Mississippi")) inMississippi += 1 + context.namedDivision(e, louisville);
        }
        assertThat(inMississippi)
                .as("a Louisville in Mississippi is a candidate, without evidence")
                .isEqualTo(1.0);
        PlaceMention china = f.named("China");
        for (int c : china.candidates) elsewhere += context.namedDivision(PlaceStages.GAZETTEER.entry(c), china);
        assertThat(elsewhere).isZero();
        // The same division does give evidence to a namesake of like size.
        PlaceStages.Found g = PlaceStages.resolved("Oklahoma state troopers said a tractor was stolen near Hinton.");
        DocumentContext named = DocumentContext.of(PlaceStages.GAZETTEER, g.mentions());
        PlaceMention hinton = g.named("Hinton");
        double evidence = 0;
        for (int c : hinton.candidates) evidence += named.namedDivision(PlaceStages.GAZETTEER.entry(c), hinton);
        assertThat(evidence).isEqualTo(DocumentContext.NAMED_DIVISION_WEIGHT);
    }

    @Test
    void aContainerAfterACompassWordIsStillAContainer() {
        assertThat(named("The family bought land in Monroe County in northeast Missouri.", "Monroe County")
                        .get(0)
                        .admin1())
                .isEqualTo("Missouri");
    }
}
