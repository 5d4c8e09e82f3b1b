package org.sitrep.analysis.evaluation.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.places.Geoparser;
import org.sitrep.analysis.places.PlaceFinder;

class GeoparsingEvaluationTest {
    /** Predicts fixed names at fixed points wherever they occur: the scorer's arithmetic is what is tested. */
    static final PlaceFinder FIXED = text -> {
        List<Place> out = new ArrayList<>();
        add(out, text, "Aleppo", 36.20124, 37.16117); // exact
        add(out, text, "Homs", 32.64861, 14.26191); // resolved to Al Khums, Libya: far off
        add(out, text, "Deal", 51.22, 1.4); // not a toponym here: a false positive
        add(out, text, "Vienna", 48.2, 16.37); // unscored in the gold: neither for nor against
        return out;
    };

    static void add(List<Place> out, String text, String name, double lat, double lon) {
        int i = text.indexOf(name);
        if (i >= 0)
            out.add(new Place(
                    name,
                    name,
                    lat,
                    lon,
                    "XX",
                    null,
                    "PPL",
                    1,
                    Precision.CITY,
                    List.of(new Span(i, i + name.length()))));
    }

    static Path sample() throws Exception {
        return Path.of(GeoparsingEvaluationTest.class
                .getResource("/geoparsing/sample.jsonl")
                .toURI());
    }

    @Test
    void readerConvertsCodePointOffsetsAndSkipsBrokenLines() throws Exception {
        GeoparsingCorpus.Corpus c = GeoparsingCorpus.read(sample());
        assertThat(c.documents()).hasSize(2);
        assertThat(c.skippedLines()).isEqualTo(1);
        GeoparsingCorpus.Doc d = c.documents().get(0);
        GeoparsingCorpus.Toponym aleppo = d.toponyms().get(0);
        assertThat(d.text().substring(aleppo.span().start(), aleppo.span().end()))
                .isEqualTo("Aleppo");
        assertThat(d.text()
                        .substring(
                                d.unscored().get(0).start(), d.unscored().get(0).end()))
                .isEqualTo("Vienna");
    }

    @Test
    void scoresRecognitionAndGeocoding() throws Exception {
        GeoparsingScore s = GeoparsingEvaluation.score(sample(), FIXED);
        assertThat(s.gold()).isEqualTo(3);
        assertThat(s.truePositives()).isEqualTo(2);
        assertThat(s.predicted()).isEqualTo(3);
        assertThat(s.precision()).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(s.recall()).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(s.accuracy161()).isEqualTo(0.5);
        assertThat(s.accuracy10()).isEqualTo(0.5);
        double homsError = Geoparser.km(32.64861, 14.26191, 34.72682, 36.72339);
        assertThat(homsError).isGreaterThan(2000);
        assertThat(s.meanKm()).isCloseTo(homsError / 2, offset(1e-6));
        assertThat(s.medianKm()).isCloseTo(homsError / 2, offset(1e-6));
        assertThat(s.auc()).isCloseTo(Math.log(1 + homsError) / 2 / Math.log(20039), offset(1e-9));
        // End to end: Aleppo found and placed; Homs found but misplaced; Paris missed: 1 of 3 gold names.
        assertThat(s.endToEnd161()).isCloseTo(1 / 3.0, offset(1e-9));
        assertThat(s.errors()).isEmpty(); // no gazetteer given: not classified
    }

    @Test
    void sortsTheErrorsIntoClasses() throws Exception {
        GeoparsingScore s = GeoparsingEvaluation.score(
                GeoparsingCorpus.read(sample()), FIXED, Geoparser.worldwide().gazetteer());
        // Homs placed in Libya while the gazetteer holds the Syrian Homs: the wrong place of the right name.
        assertThat(s.errors())
                .containsEntry(GeoparsingErrors.Kind.WRONG_SAME_NAMED_PLACE, 1)
                // "Deal" opens its sentence and stands alone: a word read as a place.
                .containsEntry(GeoparsingErrors.Kind.FALSE_FRIEND, 1)
                // Paris is in the gazetteer, and FIXED never predicts it.
                .containsEntry(GeoparsingErrors.Kind.REJECTED_PLACE, 1)
                .hasSize(3);
        assertThat(s.errorSummary()).contains("wrong same-named place 1").contains("false friend 1");
    }

    @Test
    void classesNamesInsideNamesAdjectivesAndAreas() {
        String text = "The Bank of England met Syrian envoys. Alberta voted. Zyxwvuton flooded.";
        GeoparsingCorpus.Doc doc = new GeoparsingCorpus.Doc(
                "d",
                text,
                List.of(
                        toponym(text, "Bank of England", 51.51, -0.09), toponym(text, "Syrian", 35, 38),
                        toponym(text, "Alberta", 52.28, -117.47), toponym(text, "Zyxwvuton", 10, 10)),
                List.of());
        PlaceFinder finder = t -> {
            List<Place> out = new ArrayList<>();
            add(out, t, "England", 53.5, -2.0); // inside the gold's longer name, 250 km off
            out.add(new Place(
                    "Alberta",
                    "Alberta",
                    55.0,
                    -115.0,
                    "CA",
                    null,
                    "ADM1",
                    1,
                    Precision.ADMIN1,
                    List.of(new Span(t.indexOf("Alberta"), t.indexOf("Alberta") + 7))));
            return out;
        };
        GeoparsingScore s = GeoparsingEvaluation.score(
                new GeoparsingCorpus.Corpus("c", List.of(doc), 0),
                finder,
                Geoparser.worldwide().gazetteer());
        assertThat(s.errors())
                .containsEntry(GeoparsingErrors.Kind.NAME_INSIDE_NAME, 1)
                .containsEntry(GeoparsingErrors.Kind.ADJECTIVAL, 1)
                .containsEntry(GeoparsingErrors.Kind.AREA_CONVENTION, 1)
                .containsEntry(GeoparsingErrors.Kind.MISSING_FROM_GAZETTEER, 1)
                .hasSize(4);
    }

    @Test
    void adjectivalReferencesCountOnlyInTheWithFigures() {
        String text = "Syrian troops entered Manbij.";
        GeoparsingCorpus.Doc doc = new GeoparsingCorpus.Doc(
                "d",
                text,
                List.of(toponym(text, "Syrian", 35.0, 38.0), toponym(text, "Manbij", 36.52815, 37.95495)),
                List.of());
        GeoparsingCorpus.Corpus c = new GeoparsingCorpus.Corpus("c", List.of(doc), 0);
        assertThat(GeoparsingEvaluation.score(c, Geoparser.worldwide()).recall())
                .isEqualTo(0.5);
        GeoparsingScore with = GeoparsingEvaluation.score(
                c, GeoparsingEvaluation.withAdjectivalReferences(Geoparser.worldwide()), null);
        assertThat(with.recall()).isEqualTo(1.0);
        assertThat(with.endToEnd161()).isEqualTo(1.0);
    }

    static GeoparsingCorpus.Toponym toponym(String text, String name, double lat, double lon) {
        int i = text.indexOf(name);
        return new GeoparsingCorpus.Toponym(new Span(i, i + name.length()), name, lat, lon, "");
    }

    @Test
    void theRealGeoparserFindsTheSampleToponyms() throws Exception {
        GeoparsingScore s = GeoparsingEvaluation.score(sample(), Geoparser.worldwide());
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.accuracy10()).isEqualTo(1.0);
    }
}
