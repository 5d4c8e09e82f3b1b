package org.sitrep.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.AnalysisJson;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.text.Sentence;
import picocli.CommandLine;

/** Runs {@code sitrep analyze} in-process, as the launcher would, and reads what it prints. */
class AnalyzeCommandTest {
    static final String ARTICLE =
            "Rebels seize Kessab\n\nSyrian rebels captured the town of Kessab on Sunday, activists said.\n";
    static Analyzer analyzer;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void analyzer() {
        analyzer = Analyzer.builder()
                .placeFinder(text -> {
                    int at = text.indexOf("Kessab");
                    return at < 0
                            ? List.of()
                            : List.of(new Place(
                                    "Kessab",
                                    "Kassab",
                                    35.9236,
                                    35.9875,
                                    "SY",
                                    "Latakia",
                                    "PPL",
                                    170063L,
                                    Precision.CITY,
                                    List.of(new Span(at, at + 6))));
                })
                .eventExtractor((text, places, actors, dates) -> {
                    Sentence s = text.sentences().get(1);
                    return List.of(new Event(
                            "Strategic developments",
                            "Non-violent transfer of territory",
                            "Syrian rebels",
                            null,
                            new EventPlace("Kassab", 35.9236, 35.9875, Precision.CITY, "SY", "Latakia", 170063L),
                            dates.get(0).range(),
                            "captured",
                            new Evidence(s.text(), s.start(), s.end()),
                            0.8));
                })
                .build();
    }

    Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == AnalyzeCommand.class) return cls.cast(new AnalyzeCommand(stdin, analyzer));
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cli = SitrepCli.commandLine(factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void jsonOutputFromAFile() throws IOException {
        Path f = file("article.txt", ARTICLE.getBytes(StandardCharsets.UTF_8));
        Run r = run("analyze", "--published", "2014-03-24", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Analysis a = AnalysisJson.read(r.out());
        assertThat(a.published()).isEqualTo(LocalDate.of(2014, 3, 24));
        assertThat(a.title()).isEqualTo("Rebels seize Kessab");
        assertThat(a.events()).hasSize(1);
        assertThat(a.events().get(0).date().earliest()).isEqualTo(LocalDate.of(2014, 3, 23));
    }

    @Test
    void textSummaryFromStandardInput() {
        Run r = run(
                new ByteArrayInputStream(ARTICLE.getBytes(StandardCharsets.UTF_8)),
                "analyze",
                "--published=2014-03-24",
                "--format",
                "text",
                "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "Rebels seize Kessab",
                        "published 2014-03-24",
                        "Places (1)",
                        "Kassab",
                        "35.9236",
                        "35.9875",
                        "SY, Latakia",
                        "city",
                        "Events (1)",
                        "Strategic developments / Non-violent transfer of territory",
                        "Syrian rebels",
                        "2014-03-23 (\"on Sunday\")",
                        "Syrian rebels captured the town of Kessab on Sunday, activists said.");
    }

    @Test
    void missingFileIsOneLineAndExitOne() {
        Run r = run("analyze", dir.resolve("nope.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip())
                .contains("no such file")
                .doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void binaryFileIsRefused() throws IOException {
        Path f = file(
                "photo.jpg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0});
        Run r = run("analyze", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).contains("binary").doesNotContain("\n").doesNotContain("at org.");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Run r = run("analyze", file("empty.txt", new byte[0]).toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).endsWith("is empty: nothing to analyse");
        Run blank = run(new ByteArrayInputStream(" \n\n ".getBytes(StandardCharsets.UTF_8)), "analyze", "-");
        assertThat(blank.exit()).isEqualTo(1);
        assertThat(blank.err()).contains("standard input is empty");
    }

    @Test
    void anEmptyFolderIsOneLineAndExitOne() {
        Run r = run("analyze", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).contains("no files").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badArgumentsExitTwo() throws IOException {
        Path f = file("a.txt", ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertThat(run("analyze", "--published", "24/03/2014", f.toString()).exit())
                .isEqualTo(2);
        assertThat(run("analyze", "--format", "xml", f.toString()).exit()).isEqualTo(2);
        assertThat(run("analyze").exit()).isEqualTo(2);
        assertThat(run("analyze", "--published", "24/03/2014", f.toString()).err())
                .contains("--published", "'24/03/2014' is not a date like 2014-03-24")
                .doesNotContain("Exception");
    }

    @Test
    void latin1FileIsRead() throws IOException {
        byte[] latin1 =
                "Caf\u00e9 owners in Kessab said rebels arrived on Sunday. D\u00e9j\u00e0 vu, said one. \u00a9 \u00e8 \u00e0 \u00f9 \u00e9 \u00e9"
                        .getBytes(StandardCharsets.ISO_8859_1);
        Run r = run(
                "analyze", "--published", "2014-03-24", file("old.txt", latin1).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(AnalysisJson.read(r.out()).text()).contains("Caf\u00e9", "D\u00e9j\u00e0");
    }

    @Test
    void helpListsTheCommand() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("analyze");
        assertThat(run("analyze", "--help").out()).contains("--published", "--format", "FILE|DIR|-");
    }

    @Test
    void aFolderAndAFileGiveOneJsonLineEachWithItsFileNameAndABrokenInputDoesNotStopTheRest() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("inbox"));
        Files.writeString(folder.resolve("b.txt"), ARTICLE);
        Files.write(folder.resolve("a.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 'J', 'F', 'I', 'F', 0});
        Files.writeString(folder.resolve(".hidden"), ARTICLE);
        Path single = file("c.md", ARTICLE.getBytes(StandardCharsets.UTF_8));
        Run r = run("analyze", "--published", "2014-03-24", folder.toString(), single.toString());
        assertThat(r.exit()).isEqualTo(1);
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var first = json.readTree(lines[0]);
        assertThat(first.get("file").asText()).endsWith("a.jpg");
        assertThat(first.get("error").asText()).contains("binary");
        var second = json.readTree(lines[1]);
        assertThat(second.get("file").asText()).endsWith("b.txt");
        assertThat(second.get("events").get(0).get("subType").asText()).isEqualTo("Non-violent transfer of territory");
        assertThat(second.get("published").asText()).isEqualTo("2014-03-24");
        assertThat(json.readTree(lines[2]).get("file").asText()).endsWith("c.md");
        assertThat(r.err()).contains("a.jpg").doesNotContain("Exception");
    }

    @Test
    void standardInputCannotBeMixedWithFiles() throws IOException {
        Path f = file("article.txt", ARTICLE.getBytes(StandardCharsets.UTF_8));
        Run r = run("analyze", "-", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("standard input");
    }
}
