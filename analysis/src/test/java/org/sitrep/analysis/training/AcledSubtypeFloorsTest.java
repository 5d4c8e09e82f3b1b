package org.sitrep.analysis.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.events.EventClassifier;

/**
 * The engine as shipped (rules with the bundled learned model) on the held-out passages: no figure below
 * its floor ({@code acled-subtype-floors.properties}), and the learned stage never worse than the rules
 * alone on sub-types and on events. The figures are on {@code docs/evaluation/acled-subtypes.md}.
 */
class AcledSubtypeFloorsTest {
    static PassageEvaluation learned;
    static PassageEvaluation rules;

    @BeforeAll
    static void measure() {
        HeldOut split = HeldOut.of(Path.of("corpus"));
        learned = PassageEvaluation.run(Analyzer.create(), split.test());
        rules = PassageEvaluation.run(
                Analyzer.builder().eventClassifier(EventClassifier.NONE).build(), split.test());
    }

    @Test
    void noFigureIsBelowItsFloor() throws IOException {
        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream("acled-subtype-floors.properties")) {
            assertThat(in).isNotNull();
            floors.load(in);
        }
        Map<String, Double> measured = learned.metrics("learned");
        List<String> below = new ArrayList<>();
        for (String name : floors.stringPropertyNames()) {
            assertThat(measured).as("floor for an unknown figure").containsKey(name);
            double floor =
                    Double.parseDouble(floors.getProperty(name).split("#")[0].trim());
            if (!(measured.get(name) >= floor))
                below.add(String.format(Locale.ROOT, "%s = %.3f < %.3f", name, measured.get(name), floor));
        }
        assertThat(below).isEmpty();
    }

    @Test
    void theLearnedStageIsNotWorseThanTheRulesAlone() {
        assertThat(learned.weightedF1()).isGreaterThanOrEqualTo(rules.weightedF1());
        assertThat(learned.detection()[2]).isGreaterThanOrEqualTo(rules.detection()[2]);
    }
}
