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
        add(out, text, "Aleppo", 36.20124, 37.16117);   // exact
        add(out, text, "Homs", 32.64861, 14.26191);     // resolved to Al Khums, Libya: far off
        add(out, text, "Deal", 51.22, 1.4);             // not a toponym here: a false positive
        add(out, text, "Vienna", 48.2, 16.37);          // unscored in the gold: neither for nor against
        return out;
    };

    static void add(List<Place> out, String text, String name, double lat, double lon) {
        int i = text.indexOf(name);
        if (i >= 0) out.add(new Place(name, name, lat, lon, "XX", null, "PPL", 1, Precision.CITY,
                List.of(new Span(i, i + name.length()))));
    }

    static Path sample() throws Exception {
        return Path.of(GeoparsingEvaluationTest.class.getResource("/geoparsing/sample.jsonl").toURI());
    }

    @Test
    void readerConvertsCodePointOffsetsAndSkipsBrokenLines() throws Exception {
        GeoparsingCorpus.Corpus c = GeoparsingCorpus.read(sample());
        assertThat(c.documents()).hasSize(2);
        assertThat(c.skippedLines()).isEqualTo(1);
        GeoparsingCorpus.Doc d = c.documents().get(0);
        GeoparsingCorpus.Toponym aleppo = d.toponyms().get(0);
        assertThat(d.text().substring(aleppo.span().start(), aleppo.span().end())).isEqualTo("Aleppo");
        assertThat(d.text().substring(d.unscored().get(0).start(), d.unscored().get(0).end())).isEqualTo("Vienna");
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
    }

    @Test
    void theRealGeoparserFindsTheSampleToponyms() throws Exception {
        GeoparsingScore s = GeoparsingEvaluation.score(sample(), Geoparser.worldwide());
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.accuracy10()).isEqualTo(1.0);
    }
}
