package org.sitrep.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.fatalities.FatalityReader;

/**
 * Reported deaths on the held-out split (its event passages carry gold {@code fatalities}): no figure
 * below its floor. The figures and how they are measured are on {@code docs/evaluation/fatalities.md};
 * raise a floor when the engine improves, lower one only with a reason in the commit message.
 */
class FatalityFloorsTest {
    static FatalityEvaluation shipped;

    @BeforeAll
    static void measure() {
        shipped = FatalityEvaluation.run(Analyzer.create(), FatalityEvaluation.load(Path.of("corpus/heldout")));
    }

    @Test
    void theHeldOutSplitCarriesGoldFiguresForEveryEventPassage() {
        assertThat(shipped.passages()).isEqualTo(308);
        assertThat(shipped.reportingDeaths()).isEqualTo(73);
    }

    @Test
    void noFigureIsBelowItsFloor() {
        assertThat(shipped.exact()).as("exact, all event passages").isGreaterThanOrEqualTo(0.95);
        assertThat(shipped.withinRange()).as("within range, all").isGreaterThanOrEqualTo(0.95);
        assertThat(shipped.deathsFound()).as("deaths found where reported").isGreaterThanOrEqualTo(0.90);
        assertThat(shipped.exactWhereDeaths()).as("exact where deaths reported").isGreaterThanOrEqualTo(0.85);
        assertThat(shipped.withinRangeWhereDeaths())
                .as("within range where deaths reported")
                .isGreaterThanOrEqualTo(0.86);
        assertThat(shipped.falseDeaths())
                .as("passages with no deaths given some")
                .isLessThanOrEqualTo(3);
    }

    @Test
    void theFloorsMeasureTheStageNotTheSilence() {
        // with the stage off every passage reads 0: right only where no deaths are reported, far below the floors
        FatalityEvaluation off = FatalityEvaluation.run(
                Analyzer.builder().fatalityReader(FatalityReader.NONE).build(),
                FatalityEvaluation.load(Path.of("corpus/heldout")));
        assertThat(off.deathsFound()).isZero();
        assertThat(off.exact()).isLessThan(0.80);
    }
}
