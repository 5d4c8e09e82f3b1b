package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A retraining that would make the engine worse is refused and the model in use stays, through the command
 * line's path ({@code ./sitrep train --with-reviews}): a corpus (set by {@code sitrep.intel.training-corpus})
 * whose training passages all say "Other" or "Peaceful protest" gives a model that can say only those; measured on real held-out
 * passages it is worse, so nothing is stored, nothing made active, the engine keeps the shipped model, and
 * the run is recorded as kept out with the figures that say why. Exit code 1.
 */
@SpringBootTest(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.scheduler.initial-delay=1h"})
class RetrainRefusedH2Test {
    static final Path CORPUS = corpus();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("sitrep.intel.training-corpus", CORPUS::toString);
    }

    @Autowired
    TrainFromReviewsCommand command;

    @Autowired
    ModelRetraining retraining;

    @Autowired
    AnalysisEngine engine;

    @Test
    void aWorseModelIsKeptOutAndTheModelInUseStays() {
        String shipped = LearnedEventClassifier.bundled().orElseThrow().version();
        assertThat(engine.model().version()).isEqualTo(shipped);

        assertThat(command.run()).isEqualTo(1);

        ModelRetraining.Training t = retraining.recent(1).get(0);
        assertThat(t.state()).isEqualTo("kept");
        assertThat(t.reason())
                .startsWith("Kept out: worse than the models in use")
                .contains("weighted F1");
        assertThat(t.modelVersion()).isNotEqualTo(shipped);
        assertThat(t.previousVersion()).isEqualTo(shipped);
        assertThat(t.compared().get("sub-type weighted F1")[1])
                .isLessThan(t.compared().get("sub-type weighted F1")[0]);
        assertThat(t.corpusSize()).isEqualTo(80);
        assertThat(t.heldoutSize()).isEqualTo(60);
        assertThat(engine.model().version()).isEqualTo(shipped);
        assertThat(engine.files().dir().resolve(EventModelFiles.ACTIVE)).doesNotExist();
        assertThat(engine.files().dir().resolve(EventModelFiles.fileName(t.modelVersion())))
                .doesNotExist();
        assertThat(engine.files()
                        .dir()
                        .resolve(EventModelFiles.fileName(t.modelVersion()).replace(".bin", ".roles.bin")))
                .as("nor the role model trained beside it")
                .doesNotExist();
        assertThat(engine.models().roles().version())
                .isEqualTo(LearnedActorRolePicker.bundled().orElseThrow().version());
        assertThat(retraining.running()).as("the run no longer blocks the next").isEmpty();
    }

    /** 80 passages of the shipped corpus relabelled "Other" or "Peaceful protest" to train on, 60 real held-out ones to measure on. */
    static Path corpus() {
        try {
            Path dir = Files.createTempDirectory("retrain-refused");
            Files.createDirectories(dir.resolve("train"));
            Files.createDirectories(dir.resolve("heldout"));
            List<String> lines = Files.readAllLines(Path.of("../analysis/corpus/train/seed-afr.jsonl")).stream()
                    .filter(l -> !l.isBlank())
                    .limit(80)
                    .toList();
            List<String> train = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                // two labels (a model needs more than one outcome), both wrong for nearly every passage
                train.add(lines.get(i)
                        .replaceAll(
                                "\"type\":\\s*\"[^\"]*\",\\s*\"subtype\":\\s*\"[^\"]*\"",
                                i % 2 == 0
                                        ? "\"type\":\"Strategic developments\",\"subtype\":\"Other\""
                                        : "\"type\":\"Protests\",\"subtype\":\"Peaceful protest\""));
            }
            assertThat(train)
                    .hasSize(80)
                    .allMatch(
                            l -> l.contains("\"subtype\":\"Other\"") || l.contains("\"subtype\":\"Peaceful protest\""));
            Files.write(dir.resolve("train/other.jsonl"), train);
            Files.write(
                    dir.resolve("heldout/part.jsonl"),
                    Files.readAllLines(Path.of("../analysis/corpus/heldout/acled-heldout.jsonl")).stream()
                            .filter(l -> !l.isBlank())
                            .limit(60)
                            .toList());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
