package org.sitrep.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.evaluation.GoldEngine;
import org.sitrep.analysis.evaluation.SharedData;
import org.sitrep.analysis.evaluation.plover.PloverRecords;
import picocli.CommandLine;

/** The evaluate command's plumbing: paths, formats, errors. The engine answers with the gold. */
class EvaluateCommandTest {
    static final String CORPUS = "corpus/dev";

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(new EvaluateCommand(GoldEngine::new));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aCorpusDirectoryGivesTheTableForEachSplit() {
        Run r = run(CORPUS);
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("engine gold")
                .contains("dev (")
                .contains("test (")
                .contains("all (")
                .contains("place mentions")
                .contains("events (type + evidence)")
                .contains("within 161 km");
        assertThat(r.out()).containsPattern("place mentions\\s+1\\.000\\s+1\\.000\\s+1\\.000");
    }

    @Test
    void jsonAndMarkdownFormats() throws Exception {
        Run json = run("--format", "json", CORPUS);
        assertThat(json.status()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("engineVersion").asText()).isEqualTo("gold");
        assertThat(root.path("splits").path("test").path("events").path("f1").asDouble())
                .isEqualTo(1.0);
        assertThat(root.path("splits")
                        .path("dev")
                        .path("geocoding")
                        .path("within10")
                        .asDouble())
                .isEqualTo(1.0);

        Run md = run("--format=markdown", CORPUS);
        assertThat(md.out())
                .contains("| split | texts | component | P | R | F1 | gold | found |")
                .contains("| test | ");
    }

    @Test
    void floorsFormatWritesAFloorsFileBelowTheMeasuredFigures() throws Exception {
        Run r = run("--format", "floors", CORPUS);
        assertThat(r.status()).isZero();
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(r.out()));
        // The gold engine is perfect: floors sit 0.03 (dev) and 0.05 (test) under 1.
        assertThat(p.getProperty("dev.events.f1")).startsWith("0.97");
        assertThat(p.getProperty("test.places.recall")).startsWith("0.95");
        assertThat(p.getProperty("dev.geocoding.medianKm")).startsWith("2");
        assertThat(p.stringPropertyNames()).noneMatch(k -> k.startsWith("all."));
    }

    @Test
    void detailsListTheDevSplitOnly() {
        Run r = run("--details", CORPUS);
        assertThat(r.out()).contains("dev misses:").doesNotContain("test misses");
        Run json = run("--details", "--format", "json", CORPUS);
        assertThat(json.out()).contains("\"devMisses\"").doesNotContain("dev misses:");
    }

    @Test
    void aMissingPathOrAFileThatIsNoCorpusIsAClearError(@TempDir Path dir) throws Exception {
        Run missing = run(dir.resolve("nope").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("nope: no such file or directory");

        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        Run other = run(notes.toString());
        assertThat(other.status()).isEqualTo(2);
        assertThat(other.err()).contains("notes.txt: not a corpus");
    }

    @Test
    void unreadableGeoparsingAndPloverFilesAreClearErrors(@TempDir Path dir) throws Exception {
        Path jsonl = Files.writeString(dir.resolve("news.jsonl"), "not json\n{\"half\": \n");
        Run geo = run(jsonl.toString());
        assertThat(geo.status()).isEqualTo(1);
        assertThat(geo.err())
                .contains("news.jsonl: not a geoparsing corpus: no readable documents")
                .doesNotContain("\tat ");

        Path plover = Files.writeString(dir.resolve("PLOVER_sample.txt"), "{\"not\": \"an array\"}");
        Run p = run(plover.toString());
        assertThat(p.status()).isEqualTo(1);
        assertThat(p.err())
                .contains("PLOVER_sample.txt: not a PLOVER gold file")
                .doesNotContain("\tat ");
    }

    @Test
    void theSharedPloverFileIsDelegatedToItsScorerWhenPresent() {
        Path gold = SharedData.require(PloverRecords.locate(), "shared PLOVER file");
        Run r = run(gold.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Event detection F1");
    }

    @Test
    void aBrokenCorpusFileIsNamedWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{ \"id\": \"x\", ");
        Run r = run(dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .contains("broken.json: not valid JSON")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
