package org.sitrep.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Document;

class DevCorpusTest {

    static final Path CORPUS = Path.of("corpus/dev");

    @Test
    void theShippedCorpusLoadsAndEveryGoldFitsItsText() {
        List<CorpusText> texts = DevCorpus.load(CORPUS);
        assertThat(texts).isNotEmpty();
        assertThat(texts).allSatisfy(t -> {
            assertThat(t.content()).isNotBlank();
            assertThat(t.split()).isIn(CorpusText.DEV, CorpusText.TEST);
        });
    }

    @Test
    void theCorpusScoredAgainstItsOwnGoldIsPerfect() {
        // Proves loader, gold and scorer agree on every text: any gold the scorer cannot find again
        // (a surface inside another, a context that moved, a place an event cannot point to) shows here.
        List<CorpusText> texts = DevCorpus.load(CORPUS);
        GoldEngine gold = new GoldEngine();
        EvaluationReport report =
                EvaluationReport.run(texts, gold::analyze, gold.version(), "dev", java.time.LocalDate.now());
        Scores all = report.split("all");
        assertThat(all.misses()).isEmpty();
        assertThat(report.metrics()).allSatisfy((name, value) -> {
            if (name.endsWith("Km")) assertThat(value).as(name).isZero();
            else assertThat(value).as(name).isEqualTo(1.0);
        });
        assertThat(all.texts()).isEqualTo(texts.size());
        assertThat(report.split(CorpusText.TEST).texts()).isBetween(8, 12);
    }

    @Test
    void readsAWellFormedFile(@TempDir Path dir) throws IOException {
        Path f = write(dir, "ok.json", good("Aleppo", "shelled"));
        CorpusText t = DevCorpus.read(f);
        assertThat(t.id()).isEqualTo("t1");
        assertThat(t.format()).isEqualTo(Document.Format.TEXT);
        assertThat(t.gold().places()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Aleppo");
            assertThat(p.lat()).isEqualTo(36.2);
        });
        assertThat(t.gold().events()).singleElement().satisfies(e -> assertThat(e.subType())
                .isEqualTo("Shelling/artillery/missile attack"));
    }

    @Test
    void aGoldSurfaceMissingFromTheTextIsALoudError(@TempDir Path dir) throws IOException {
        Path f = write(dir, "bad.json", good("Kessab", "shelled"));
        assertThatThrownBy(() -> DevCorpus.read(f))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("'Kessab' does not occur in the text");
    }

    @Test
    void aSurfaceOnlyMatchesWholeWords(@TempDir Path dir) throws IOException {
        // "Homs" must not be found inside "Homsi".
        String json = good("Aleppo", "shelled")
                .replace("\"text\": \"Aleppo\"", "\"text\": \"Homs\"")
                .replace("shelled Aleppo", "shelled Aleppo; a Homsi family fled");
        Path f = write(dir, "homs.json", json);
        assertThatThrownBy(() -> DevCorpus.read(f)).hasMessageContaining("'Homs' does not occur");
    }

    @Test
    void everyProblemOfAFileIsListed(@TempDir Path dir) throws IOException {
        String json = good("Aleppo", "shelled")
                .replace("\"Shelling/artillery/missile attack\"", "\"Shelling\"")
                .replace(
                        "\"earliest\": \"2014-03-28\", \"latest\": \"2014-03-28\"",
                        "\"earliest\": \"2014-03-28\", \"latest\": \"2014-04-02\"")
                .replace("\"precision\": \"city\"", "\"precision\": \"town\"")
                .replace("\"evidence\": \"shelled\"", "\"evidence\": \"bombed\"");
        Path f = write(dir, "many.json", json);
        assertThatThrownBy(() -> DevCorpus.read(f))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("not an ACLED event type")
                .hasMessageContaining("after publication")
                .hasMessageContaining("precision must be one of")
                .hasMessageContaining("evidence 'bombed' occurs 0 times");
    }

    @Test
    void eventsMayOnlyNameGoldActorsAndPlaces(@TempDir Path dir) throws IOException {
        String json = good("Aleppo", "shelled")
                .replace("\"place\": \"Aleppo\"", "\"place\": \"Homs\"")
                .replace("\"actor1\": \"Syrian Arab Army\"", "\"actor1\": \"Syrian Army\"");
        Path f = write(dir, "refs.json", json);
        assertThatThrownBy(() -> DevCorpus.read(f))
                .hasMessageContaining("place 'Homs' is not among this text's gold places")
                .hasMessageContaining("actor 'Syrian Army' is not among this text's gold actors");
    }

    @Test
    void malformedJsonUnknownFieldsAndDuplicateIdsAreErrors(@TempDir Path dir) throws IOException {
        Path broken = write(dir, "broken.json", "{ \"id\": ");
        assertThatThrownBy(() -> DevCorpus.read(broken)).hasMessageContaining("broken.json: not valid JSON");

        Path extra = write(
                dir, "extra.json", good("Aleppo", "shelled").replace("\"style\"", "\"colour\": \"red\", \"style\""));
        assertThatThrownBy(() -> DevCorpus.read(extra)).hasMessageContaining("unknown field 'colour'");

        Path other = Files.createDirectory(dir.resolve("dups"));
        write(other, "a.json", good("Aleppo", "shelled"));
        write(other, "b.json", good("Aleppo", "shelled"));
        assertThatThrownBy(() -> DevCorpus.load(other)).hasMessageContaining("id 't1' already used");
    }

    @Test
    void aMissingOrEmptyDirectoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> DevCorpus.load(dir.resolve("nope"))).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> DevCorpus.load(dir)).hasMessageContaining("no corpus files");
    }

    @Test
    void htmlGoldIsCheckedAgainstTheVisibleText(@TempDir Path dir) throws IOException {
        String json = good("Aleppo", "shelled")
                .replace("\"format\": \"text\"", "\"format\": \"html\"")
                .replace(
                        "Government forces shelled Aleppo on March 28, 2014.",
                        "<p>Government forces <b>shelled</b> <a href='/tag/Aleppo-x'>Aleppo</a> on March 28, 2014.</p>");
        assertThat(DevCorpus.read(write(dir, "page.json", json)).gold().places())
                .hasSize(1);
    }

    static Path write(Path dir, String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    /** A small valid file; {@code place} and {@code evidence} are the gold surfaces to vary. */
    static String good(String place, String evidence) {
        return """
                { "id": "t1", "split": "dev", "style": "wire", "published": "2014-03-30", "format": "text",
                  "content": "Government forces shelled Aleppo on March 28, 2014.",
                  "gold": {
                    "places": [ { "text": "%s", "name": "Aleppo", "lat": 36.2, "lon": 37.13, "country": "SY", "precision": "city" } ],
                    "actors": [ { "text": "Government forces", "canonical": "Syrian Arab Army", "kind": "state_forces", "side": "government" } ],
                    "dates": [ { "text": "March 28, 2014", "earliest": "2014-03-28", "latest": "2014-03-28" } ],
                    "events": [ { "type": "Explosions/Remote violence", "subType": "Shelling/artillery/missile attack",
                                  "actor1": "Syrian Arab Army", "actor2": null, "place": "Aleppo",
                                  "earliest": "2014-03-28", "latest": "2014-03-28", "evidence": "%s" } ]
                  } }
                """.formatted(place, evidence);
    }
}
