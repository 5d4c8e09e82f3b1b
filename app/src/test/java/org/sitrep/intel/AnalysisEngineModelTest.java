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

/**
 * Which model the engine uses: {@code sitrep.intel.event-model} pins one when its file is there; else the one
 * {@code <data>/models/active} names (a retraining's); else the shipped one. A bad file never stops analysis, a
 * pointer never leaves the models folder, and a model made active by another process is picked up.
 */
class AnalysisEngineModelTest {
    @TempDir
    Path dir;

    @Test
    void aRetrainedModelFileReplacesTheShippedOneAndABadOneDoesNotStopAnalysis() throws Exception {
        String shipped = LearnedEventClassifier.bundled().orElseThrow().version();
        List<Passage> some = TrainingCorpus.load(Path.of("../analysis/corpus/train/seed-eur.jsonl"))
                .passages();
        byte[] bytes = new EventModelTrainer().train(some);
        Path model = Files.write(dir.resolve("event-model.bin"), bytes);
        String retrained = LearnedEventClassifier.read(model).version();
        assertThat(retrained).isNotEqualTo(shipped);
        Path data = dir.resolve("data");

        assertThat(new AnalysisEngine(Clock.systemUTC(), model.toString(), data.toString()).version())
                .contains("+" + retrained + "+ar-");
        assertThat(new AnalysisEngine(Clock.systemUTC(), "", data.toString()).version())
                .contains("+" + shipped + "+ar-");
        assertThat(new AnalysisEngine(
                                Clock.systemUTC(), dir.resolve("missing.bin").toString(), data.toString())
                        .version())
                .contains("+" + shipped + "+ar-");
        Path broken = Files.writeString(dir.resolve("broken.bin"), "not a model");
        assertThat(new AnalysisEngine(Clock.systemUTC(), broken.toString(), data.toString()).version())
                .contains("+" + shipped + "+ar-");

        // a retraining's model, made active in the data directory, is used at start...
        EventModelFiles files = new EventModelFiles(data);
        files.store(retrained, bytes, "{}");
        files.activate(retrained);
        AnalysisEngine engine = new AnalysisEngine(Clock.systemUTC(), "", data.toString());
        assertThat(engine.version()).contains("+" + retrained + "+ar-");
        // ...unless a model is pinned by the setting
        AnalysisEngine pinned = new AnalysisEngine(Clock.systemUTC(), broken.toString(), data.toString());
        assertThat(pinned.version()).contains("+" + shipped + "+ar-");
        assertThat(pinned.pinned()).isTrue();

        // the pointer names only a model of the folder: a path elsewhere is ignored
        Files.writeString(data.resolve("models/active"), "../../event-model.bin\n");
        assertThat(new AnalysisEngine(Clock.systemUTC(), "", data.toString()).version())
                .contains("+" + shipped + "+ar-");

        // rolling back by hand: the workers' next look picks up the model the pointer now names
        AnalysisEngine running = new AnalysisEngine(Clock.systemUTC(), "", data.toString());
        running.lookEveryNanos = 0;
        assertThat(running.version()).contains("+" + shipped + "+ar-");
        assertThat(running.pickUpNewModel()).isFalse();
        files.activate(retrained);
        assertThat(running.pickUpNewModel()).isTrue();
        assertThat(running.version()).contains("+" + retrained + "+ar-");
        assertThat(running.pickUpNewModel()).as("nothing new since").isFalse();
        Files.delete(data.resolve("models/active"));
        assertThat(running.pickUpNewModel()).as("back to the shipped model").isTrue();
        assertThat(running.version()).contains("+" + shipped + "+ar-");
    }
}
