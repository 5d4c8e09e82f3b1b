package org.sitrep.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;
import picocli.CommandLine;

/** {@code sitrep train} in-process on a small corpus of its own: check, measure, write both models only if not worse. */
class TrainCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SitrepCli.commandLine(CommandLine.defaultFactory());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** Every third line of the shipped corpus for training, every seventh of the others held out. */
    Path corpus(boolean mislabel) throws IOException {
        Path c = dir.resolve(mislabel ? "bad" : "good");
        Files.createDirectories(c.resolve("train"));
        Files.createDirectories(c.resolve("heldout"));
        List<String> train = new ArrayList<>();
        List<String> heldout = new ArrayList<>();
        int n = 0;
        try (var files = Files.list(Path.of("corpus/train"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    n++;
                    if (n % 3 == 0) {
                        // every passage "Other": a model that can only say one thing
                        train.add(
                                mislabel
                                        ? line.replaceAll(
                                                "\"type\":\\s*\"[^\"]*\",\\s*\"subtype\":\\s*\"[^\"]*\"",
                                                "\"type\":\"Strategic developments\",\"subtype\":\"Other\"")
                                        : line);
                    } else if (n % 7 == 0) {
                        heldout.add(line);
                    }
                }
            }
        }
        if (mislabel) assertThat(train).allMatch(l -> l.contains("\"subtype\":\"Other\""));
        Files.write(c.resolve("train/part.jsonl"), train);
        Files.write(c.resolve("heldout/part.jsonl"), heldout);
        return c;
    }

    @Test
    void checkListsTheBrokenLinesAndTrainsNothing() throws IOException {
        Path c = dir.resolve("broken");
        Files.createDirectories(c.resolve("train"));
        Files.writeString(
                c.resolve("train/x.jsonl"),
                "{\"id\":\"x-1\",\"text\":\"Floods.\",\"type\":\"None\","
                        + "\"subtype\":\"Flood\",\"source\":\"wire\"}\n");
        Run r = run("train", "--corpus", c.toString(), "--check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("x.jsonl:1:", "sub-type 'Flood'").doesNotContain("Exception");
        Run t = run(
                "train", "--corpus", c.toString(), "--out", dir.resolve("m.bin").toString());
        assertThat(t.exit()).isEqualTo(1);
        assertThat(dir.resolve("m.bin")).doesNotExist();
        assertThat(run("train", "--corpus", dir.resolve("nowhere").toString()).err())
                .contains("no folder");
    }

    @Test
    void aModelIsWrittenWhenNotWorseAndKeptWhenTheNewOneIsWorse() throws IOException {
        Path model = dir.resolve("models/event-model.bin");
        // the bundled model was trained on some of this small corpus's held-out passages: this first model
        // of a new corpus is written with --force
        Path good = corpus(false);
        Run first = run(
                "train",
                "--corpus",
                good.toString(),
                "--out",
                model.toString(),
                "--force",
                "--report",
                dir.resolve("report.md").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("written: ", "measuring on", "analysis/corpus/heldout");
        byte[] written = Files.readAllBytes(model);
        assertThat(LearnedEventClassifier.of(written).version()).matches("ev-[0-9a-f]{10}");
        // both learned slots: the actor-role model, trained beside the new event model, next to it
        Path roles = dir.resolve("models/event-model.roles.bin");
        byte[] rolesWritten = Files.readAllBytes(roles);
        String roleVersion = LearnedActorRolePicker.of(rolesWritten).version();
        assertThat(roleVersion)
                .matches("ar-[0-9a-f]{10}")
                .as("trained on a third of the corpus, not the shipped model")
                .isNotEqualTo(LearnedActorRolePicker.bundled().orElseThrow().version());
        assertThat(first.out()).contains("(" + roleVersion + ")", "actor2");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("sub-type weighted F1", "| Armed clash |");
        Run same = run("train", "--corpus", good.toString(), "--out", model.toString());
        assertThat(same.exit()).as("as good as the model in use: not worse").isZero();
        assertThat(Files.readAllBytes(model)).isEqualTo(written);
        assertThat(Files.readAllBytes(roles)).isEqualTo(rolesWritten);

        Path reviews = dir.resolve("reviews.jsonl");
        Files.writeString(
                reviews,
                "{\"id\":\"rv-1\",\"text\":\"Houthi fighters set up a new base near Marib.\","
                        + "\"type\":\"Strategic developments\",\"subtype\":\"Headquarters or base established\","
                        + "\"actor1\":\"Houthi fighters\",\"source\":\"local\"}\n");
        Run worse = run(
                "train",
                "--corpus",
                corpus(true).toString(),
                "--reviews",
                reviews.toString(),
                "--out",
                model.toString());
        assertThat(worse.out()).contains("1 reviewed");
        assertThat(worse.exit()).isEqualTo(1);
        assertThat(worse.err()).contains("worse");
        assertThat(Files.readAllBytes(model)).isEqualTo(written);
        assertThat(Files.readAllBytes(roles))
                .as("the pair is kept out together")
                .isEqualTo(rolesWritten);
    }
}
