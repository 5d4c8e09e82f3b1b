package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.sitrep.analysis.training.EventModelTrainer;
import org.sitrep.analysis.training.Passage;
import org.sitrep.analysis.training.TrainingCorpus;

/** {@code sitrep.intel.event-model}: a retrained model is used when its file is there, the shipped one otherwise. */
class AnalysisEngineModelTest {
    @TempDir Path dir;

    @Test
    void aRetrainedModelFileReplacesTheShippedOneAndABadOneDoesNotStopAnalysis() throws Exception {
        String shipped = LearnedEventClassifier.bundled().orElseThrow().version();
        List<Passage> some = TrainingCorpus.load(Path.of("../analysis/corpus/train/seed-eur.jsonl")).passages();
        Path model = dir.resolve("event-model.bin");
        Files.write(model, new EventModelTrainer().train(some));
        String retrained = LearnedEventClassifier.read(model).version();
        assertThat(retrained).isNotEqualTo(shipped);

        assertThat(new AnalysisEngine(Clock.systemUTC(), model.toString()).version()).endsWith("+" + retrained);
        assertThat(new AnalysisEngine(Clock.systemUTC(), "").version()).endsWith("+" + shipped);
        assertThat(new AnalysisEngine(Clock.systemUTC(), dir.resolve("missing.bin").toString()).version()).endsWith("+" + shipped);
        Path broken = Files.writeString(dir.resolve("broken.bin"), "not a model");
        assertThat(new AnalysisEngine(Clock.systemUTC(), broken.toString()).version()).endsWith("+" + shipped);
    }
}
