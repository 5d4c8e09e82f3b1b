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
 * where {@code shared/geoparsing} is absent, failed there in CI). Floors sit a little under the recorded figures.
 */
class SharedCorporaScoreTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // corpus,     P,    R,    Acc@161
            "geowebnews, 0.90, 0.67, 0.86",
            "trnews,     0.90, 0.81, 0.84",
    })
    void scoresStayAboveTheirFloors(String corpus, double precision, double recall, double acc161) throws Exception {
        Path dir = SharedData.require(GeoparsingEvaluation.sharedCorpora(), "shared/geoparsing");
        Path file = SharedData.require(Optional.of(dir.resolve(corpus + ".jsonl")), "shared/geoparsing/" + corpus + ".jsonl");
        GeoparsingScore s = GeoparsingEvaluation.score(file, Geoparser.worldwide());
        System.out.println(s.summary());
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(precision);
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(recall);
        assertThat(s.accuracy161()).as("Acc@161").isGreaterThanOrEqualTo(acc161);
    }
}
