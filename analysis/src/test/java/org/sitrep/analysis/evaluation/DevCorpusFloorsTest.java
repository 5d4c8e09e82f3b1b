package org.sitrep.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real engine on the development corpus: fails when any score drops below its recorded floor
 * ({@code dev-corpus-floors.properties}; figures ending in "Km" are errors, so there the recorded
 * value is a ceiling). The measured figures are in {@code docs/evaluation/README.md}.
 */
class DevCorpusFloorsTest {
    static EvaluationReport report;

    @BeforeAll
    static void runTheEngineOnTheCorpus() {
        AnalyzerEngine engine = AnalyzerEngine.standard();
        report = EvaluationReport.run(
                DevCorpus.load(Path.of("corpus/dev")),
                engine::analyze,
                engine.version(),
                "corpus/dev",
                LocalDate.now());
    }

    static Properties floors() throws IOException {
        Properties p = new Properties();
        try (InputStream in = DevCorpusFloorsTest.class.getResourceAsStream("dev-corpus-floors.properties")) {
            assertThat(in).as("dev-corpus-floors.properties").isNotNull();
            p.load(in);
        }
        return p;
    }

    @Test
    void theEngineRunsOnEveryText() {
        assertThat(report.failures()).isEmpty();
        assertThat(report.split("all").texts()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void noScoreIsBelowItsFloor() throws IOException {
        Map<String, Double> measured = report.metrics();
        List<String> below = new ArrayList<>();
        for (String name : floors().stringPropertyNames()) {
            assertThat(measured).as("floor for an unknown figure").containsKey(name);
            double limit =
                    Double.parseDouble(floors().getProperty(name).split("#")[0].trim());
            double value = measured.get(name);
            boolean ceiling = name.endsWith("Km");
            if (Double.isNaN(value) || (ceiling ? value > limit : value < limit)) {
                below.add(String.format(
                        Locale.ROOT, "%s = %.3f, %s %.3f", name, value, ceiling ? "ceiling" : "floor", limit));
            }
        }
        assertThat(below)
                .as("scores past their recorded limits:\n" + report.text())
                .isEmpty();
    }

    @Test
    void everyComponentOfBothSplitsHasAFloor() throws IOException {
        Properties floors = floors();
        for (String split : List.of("dev", "test")) {
            for (String c : List.of("placeMentions", "places", "placesResolved", "actors", "dates", "events")) {
                assertThat(floors).as(split + "." + c + ".f1").containsKey(split + "." + c + ".f1");
            }
            assertThat(floors).containsKey(split + ".geocoding.within161");
        }
    }
}
