package org.sitrep.analysis.evaluation.plover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.evaluation.SharedData;

/**
 * Guards the PLOVER figures recorded in docs/evaluation/events-plover.md; skipped where the shared
 * evaluation data is absent.
 */
class PloverEvaluationTest {

    @Test
    void scoresStayAboveTheirRecordedFloors() throws Exception {
        Path gold = SharedData.require(PloverRecords.locate(), "shared PLOVER data");
        PloverEvaluation.Score s = PloverEvaluation.score(gold);
        System.out.print(s.toMarkdown());
        if (Boolean.getBoolean("plover.misses")) s.misses().forEach(System.out::println);
        assertThat(s.records()).isGreaterThan(300);
        assertThat(s.precision()).isGreaterThanOrEqualTo(FLOOR_PRECISION);
        assertThat(s.recall()).isGreaterThanOrEqualTo(FLOOR_RECALL);
        assertThat(s.f1()).isGreaterThanOrEqualTo(FLOOR_F1);
        assertThat(s.violentRecall()).isGreaterThanOrEqualTo(FLOOR_VIOLENT_RECALL);
        assertThat(s.typeAccuracy()).isGreaterThanOrEqualTo(FLOOR_TYPE);
        assertThat(s.actor1Accuracy()).isGreaterThanOrEqualTo(FLOOR_ACTOR1);
        assertThat(s.actor2Accuracy()).isGreaterThanOrEqualTo(FLOOR_ACTOR2);
    }

    // Recorded floors (a little under the figures in docs/evaluation/events-plover.md).
    static final double FLOOR_PRECISION = 0.90;
    static final double FLOOR_RECALL = 0.66;
    static final double FLOOR_VIOLENT_RECALL = 0.88;
    static final double FLOOR_F1 = 0.77;
    static final double FLOOR_TYPE = 0.89;
    static final double FLOOR_ACTOR1 = 0.66;
    static final double FLOOR_ACTOR2 = 0.31;

    @Test
    void readsRecordsAndSkipsBadOnes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("gold.txt");
        Files.writeString(f, """
                [ {"id": "D", "event": "DOCUMENT", "eventText": "docs"},
                  {"id": "A", "event": "FIGHT", "mode": "heavy-weapons", "text": "Sudanese rebels shelled Juba.",
                   "source": [{"actorText": "Sudanese rebels", "code": "SDN"}], "target": [{"actorText": "Juba"}]},
                  {"id": "B", "event": "DEMAND", "text": "Syria demanded talks.", "source": "", "target": ""},
                  {"id": "C", "event": "AGREE"} ]
                """);
        List<PloverRecord> records = PloverRecords.read(f);
        assertThat(records).extracting(PloverRecord::id).containsExactly("A", "B");
        assertThat(records.get(0).sources()).containsExactly("Sudanese rebels");
        assertThat(records.get(1).targets()).isEmpty();
        PloverEvaluation.Score s = PloverEvaluation.score(f);
        assertThat(s.truePositives()).isEqualTo(1);
        assertThat(s.trueNegatives()).isEqualTo(1);
        assertThat(s.actor1Correct()).isEqualTo(1);
    }

    @Test
    void malformedFileIsAClearError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "{\"not\": \"an array\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PloverRecords.read(f))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("JSON array");
    }
}
