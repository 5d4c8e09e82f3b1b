package org.sitrep.analysis.evaluation.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.analysis.evaluation.SharedData;
import org.sitrep.analysis.places.Geoparser;

/**
 * Guards the scores recorded in docs/evaluation/geoparsing.md on the shared public corpora (skipped
 * where {@code shared/geoparsing} is absent, failed there in CI). Floors sit a little under the
 * recorded figures: recognition, Acc@161 over the recognised names and end-to-end Acc@161 (found
 * and placed within 161 km, over all gold names), without and with adjectival references.
 */
class SharedCorporaScoreTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // corpus,     P,    R,    Acc@161, e2e,  with adjectival references: P, e2e
        "geowebnews, 0.92, 0.69, 0.90,    0.63, 0.93, 0.76",
        "trnews,     0.91, 0.83, 0.87,    0.73, 0.90, 0.83",
    })
    void scoresStayAboveTheirFloors(
            String corpus,
            double precision,
            double recall,
            double acc161,
            double e2e,
            double adjectivalPrecision,
            double adjectivalE2e)
            throws Exception {
        Path dir = SharedData.require(GeoparsingEvaluation.sharedCorpora(), "shared/geoparsing");
        Path file = SharedData.require(
                Optional.of(dir.resolve(corpus + ".jsonl")), "shared/geoparsing/" + corpus + ".jsonl");
        GeoparsingCorpus.Corpus c = GeoparsingCorpus.read(file);
        GeoparsingScore s = GeoparsingEvaluation.score(c, Geoparser.worldwide());
        System.out.println(s.summary());
        System.out.println(s.errorSummary());
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(precision);
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(recall);
        assertThat(s.accuracy161()).as("Acc@161").isGreaterThanOrEqualTo(acc161);
        assertThat(s.endToEnd161()).as("end-to-end Acc@161").isGreaterThanOrEqualTo(e2e);
        GeoparsingScore with = GeoparsingEvaluation.score(
                c,
                GeoparsingEvaluation.withAdjectivalReferences(Geoparser.worldwide()),
                Geoparser.worldwide().gazetteer());
        System.out.println("with adjectival references: " + with.summary());
        assertThat(with.precision())
                .as("precision with adjectival references")
                .isGreaterThanOrEqualTo(adjectivalPrecision);
        assertThat(with.endToEnd161())
                .as("end-to-end Acc@161 with adjectival references")
                .isGreaterThanOrEqualTo(adjectivalE2e);
    }
}
