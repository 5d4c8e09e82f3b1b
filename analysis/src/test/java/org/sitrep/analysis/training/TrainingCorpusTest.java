package org.sitrep.analysis.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.SubEventType;

class TrainingCorpusTest {
    @TempDir
    Path dir;

    /** The corpus the build trains from: every line usable, every label present. */
    @Test
    void theShippedCorpusIsClean() {
        TrainingCorpus train = TrainingCorpus.load(Path.of("corpus/train"));
        TrainingCorpus heldout = TrainingCorpus.load(Path.of("corpus/heldout"));
        assertThat(train.problems()).as("problems in corpus/train").isEmpty();
        assertThat(heldout.problems()).as("problems in corpus/heldout").isEmpty();
        assertThat(train.size()).isGreaterThanOrEqualTo(400);
        Set<SubEventType> labels = EnumSet.noneOf(SubEventType.class);
        train.passages().forEach(p -> labels.add(p.label()));
        assertThat(labels).containsAll(Arrays.asList(SubEventType.values()));
        Set<String> ids = new java.util.HashSet<>();
        train.passages().forEach(p -> ids.add(p.id()));
        heldout.passages().forEach(p -> assertThat(ids.add(p.id()))
                .as("id in both splits: " + p.id())
                .isTrue());
    }

    @Test
    void everyBrokenLineIsReportedWithItsFileAndLineAndTheRestIsRead() throws IOException {
        Files.writeString(
                dir.resolve("a.jsonl"),
                String.join(
                        "\n",
                        line(
                                "x-1",
                                "Troops clashed with rebels near Goma.",
                                "Battles",
                                "Armed clash",
                                "Troops",
                                "rebels"),
                        "{not json",
                        line(
                                "x-3",
                                "Rebels shelled the town.",
                                "Battles",
                                "Shelling/artillery/missile attack",
                                null,
                                null),
                        line("x-4", "Rebels shelled the town.", "Explosions/Remote violence", "Shelling", null, null),
                        line(
                                "x-5",
                                "Police seized rifles.",
                                "Strategic developments",
                                "Disrupted weapons use",
                                "Army",
                                null),
                        line("x-1", "A second passage with a used id.", "None", "Background", null, null),
                        "{\"id\":\"x-7\",\"text\":\"Floods.\",\"type\":\"None\",\"subtype\":\"Natural disaster\",\"source\":\"tv\"}",
                        "{\"id\":\"x-8\",\"text\":\"Floods.\",\"type\":\"None\",\"subtype\":\"Natural disaster\",\"source\":\"wire\",\"labels\":1}",
                        "{\"id\":8,\"text\":\"Floods.\",\"type\":\"None\",\"subtype\":\"Natural disaster\",\"source\":\"wire\"}",
                        "[1,2]",
                        "",
                        line(
                                "x-12",
                                "Gunmen killed five villagers.",
                                "Violence against civilians",
                                "Attack",
                                "Gunmen",
                                "villagers")));
        TrainingCorpus c = TrainingCorpus.load(dir);
        assertThat(c.passages()).extracting(Passage::id).containsExactly("x-1", "x-12");
        assertThat(c.passages().get(1).label()).isEqualTo(SubEventType.ATTACK);
        assertThat(c.problems().stream().map(CorpusProblem::line).distinct())
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(c.problems())
                .extracting(CorpusProblem::toString)
                .anySatisfy(s -> assertThat(s).startsWith("a.jsonl:2: not a JSON object"))
                .anySatisfy(s -> assertThat(s)
                        .contains("no ACLED type 'Battles' with sub-type 'Shelling/artillery/missile attack'"))
                .anySatisfy(s -> assertThat(s).contains("sub-type 'Shelling'"))
                .anySatisfy(s -> assertThat(s).contains("actor 'Army' is not in the text"))
                .anySatisfy(s -> assertThat(s).contains("id x-1 is already used at a.jsonl:1"))
                .anySatisfy(s -> assertThat(s).contains("source 'tv'"))
                .anySatisfy(s -> assertThat(s).contains("unknown field 'labels'"))
                .anySatisfy(s -> assertThat(s).contains("'id' is not a string"));
    }

    @Test
    void filesAreReadInNameOrderAndOnlyJsonLines() throws IOException {
        Files.writeString(
                dir.resolve("b.jsonl"), line("b-1", "Floods hit the city.", "None", "Natural disaster", null, null));
        Files.writeString(
                dir.resolve("a.jsonl"), line("a-1", "Floods hit the town.", "None", "Natural disaster", null, null));
        Files.writeString(dir.resolve("notes.txt"), "not a corpus file");
        assertThat(TrainingCorpus.load(dir).passages()).extracting(Passage::id).containsExactly("a-1", "b-1");
        assertThat(TrainingCorpus.load(dir.resolve("missing")).size()).isZero();
    }

    @Test
    void withoutHeldOutPassagesAFixedFifthStandsInAndIsNotTrainedOn() {
        TrainingCorpus train = TrainingCorpus.load(Path.of("corpus/train"));
        HeldOut split = HeldOut.of(train, TrainingCorpus.of(java.util.List.of()));
        assertThat(split.byHash()).isTrue();
        assertThat(split.test().size()).isBetween(train.size() / 10, train.size() * 3 / 10);
        assertThat(split.train()).doesNotContainAnyElementsOf(split.test());
        assertThat(split.train().size() + split.test().size()).isEqualTo(train.size());
        assertThat(HeldOut.of(train, TrainingCorpus.of(split.test())).train()).hasSize(train.size());
    }

    static String line(String id, String text, String type, String subtype, String a1, String a2) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"type\":\"" + type + "\",\"subtype\":\"" + subtype
                + "\""
                + (a1 == null ? "" : ",\"actor1\":\"" + a1 + "\"") + (a2 == null ? "" : ",\"actor2\":\"" + a2 + "\"")
                + ",\"country\":\"Nowhere\",\"source\":\"wire\"}";
    }
}
