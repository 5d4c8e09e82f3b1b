package org.sitrep.analysis.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.events.LearnedEventClassifier;

/** The build keeps a bundled model only while nothing it is trained from has changed. */
class ModelInputsTest {

    @Test
    void aModelIsUpToDateUntilTheCorpusOrTheEngineChanges(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/train"));
        Files.writeString(corpus.resolve("a.jsonl"), "{\"id\":\"a\"}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path model = classes.resolve(LearnedEventClassifier.BUNDLED.substring(1));
        Files.createDirectories(model.getParent());
        Files.writeString(model.resolveSibling("triggers.tsv"), "attack\tATTACK\n");
        assertThat(ModelInputs.classesOf(model, LearnedEventClassifier.BUNDLED)).isEqualTo(classes.toAbsolutePath());
        assertThat(ModelInputs.classesOf(dir.resolve("elsewhere.bin"), LearnedEventClassifier.BUNDLED))
                .isNull();

        String before = ModelInputs.digest(dir.resolve("corpus"), classes);
        assertThat(ModelInputs.upToDate(model, before)).as("no model yet").isFalse();
        Files.write(model, new byte[] {1, 2, 3});
        ModelInputs.record(model, before);
        assertThat(ModelInputs.upToDate(model, before)).isTrue();

        // the model's own files are outputs: writing them changes nothing
        Files.write(model, new byte[] {4, 5, 6});
        Files.writeString(model.resolveSibling("event-corpus-train.jsonl"), "copied\n");
        assertThat(ModelInputs.digest(dir.resolve("corpus"), classes)).isEqualTo(before);

        // a corpus line, a rule file, or a file's name changed: train again
        Files.writeString(corpus.resolve("a.jsonl"), "{\"id\":\"b\"}\n");
        String corpusChanged = ModelInputs.digest(dir.resolve("corpus"), classes);
        assertThat(corpusChanged).isNotEqualTo(before);
        assertThat(ModelInputs.upToDate(model, corpusChanged)).isFalse();
        Files.writeString(model.resolveSibling("triggers.tsv"), "attack\tARMED_CLASH\n");
        assertThat(ModelInputs.digest(dir.resolve("corpus"), classes)).isNotEqualTo(corpusChanged);
        String rules = ModelInputs.digest(dir.resolve("corpus"), classes);
        Files.move(corpus.resolve("a.jsonl"), corpus.resolve("b.jsonl"));
        assertThat(ModelInputs.digest(dir.resolve("corpus"), classes)).isNotEqualTo(rules);
    }

    @Test
    void theRoleModelAlsoDependsOnTheEventModel(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("event-model.bin");
        Files.write(events, new byte[] {1});
        String one = ModelInputs.digest(dir.resolve("corpus"), dir.resolve("classes"), events);
        Files.write(events, new byte[] {2});
        assertThat(ModelInputs.digest(dir.resolve("corpus"), dir.resolve("classes"), events))
                .isNotEqualTo(one);
    }
}
