package org.sitrep.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {
    static final String TEXT = "Rebels seize Kessab\n\nIslamist rebels captured Kessab on Sunday.";

    static Analysis sample() {
        Place kessab = new Place(
                "Kessab",
                "Kassab",
                35.9236,
                35.9875,
                "SY",
                "Latakia",
                "PPL",
                170063L,
                Precision.CITY,
                List.of(new Span(13, 19), new Span(47, 53)));
        Actor rebels = new Actor(
                "Islamist rebels",
                "Islamic Front",
                ActorKind.REBEL_GROUP,
                "opposition",
                "SY",
                List.of(new Span(21, 36)));
        Event capture = new Event(
                "Strategic developments",
                "Non-violent transfer of territory",
                "Islamic Front",
                null,
                new EventPlace("Kassab", 35.9236, 35.9875, Precision.CITY, "SY", "Latakia", 170063L),
                new DateRange(LocalDate.of(2014, 3, 23), LocalDate.of(2014, 3, 23), "on Sunday"),
                "captured",
                new Evidence("Islamist rebels captured Kessab on Sunday.", 21, 63),
                0.85);
        Event unplaced = new Event("Battles", "Armed clash", null, null, null, null, null, null, 0.4);
        return new Analysis(
                1,
                "0.1.0+r1",
                LocalDate.of(2014, 3, 24),
                "Rebels seize Kessab",
                TEXT,
                List.of(kessab),
                List.of(rebels),
                List.of(capture, unplaced));
    }

    @Test
    void roundTrip() {
        Analysis a = sample();
        assertThat(AnalysisJson.read(AnalysisJson.write(a))).isEqualTo(a);
    }

    @Test
    void fieldsAreNamedAsDocumented() throws IOException {
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(sample()));
        assertThat(json.get("schema").asInt()).isEqualTo(1);
        assertThat(json.get("published").asText()).isEqualTo("2014-03-24");
        JsonNode place = json.get("places").get(0);
        assertThat(place.fieldNames())
                .toIterable()
                .containsExactly(
                        "text",
                        "name",
                        "lat",
                        "lon",
                        "country",
                        "admin1",
                        "featureCode",
                        "gazetteerId",
                        "precision",
                        "mentions");
        assertThat(place.get("precision").asText()).isEqualTo("city");
        assertThat(place.get("mentions").get(1).get("start").asInt()).isEqualTo(47);
        JsonNode actor = json.get("actors").get(0);
        assertThat(actor.get("kind").asText()).isEqualTo("rebel_group");
        assertThat(actor.get("side").asText()).isEqualTo("opposition");
        JsonNode event = json.get("events").get(0);
        assertThat(event.get("place").get("precision").asText()).isEqualTo("city");
        assertThat(event.get("date").get("earliest").asText()).isEqualTo("2014-03-23");
        assertThat(event.get("evidence").get("start").asInt()).isEqualTo(21);
        assertThat(json.get("events").get(1).get("place").isNull()).isTrue();
    }

    @Test
    void writtenJsonMatchesThePublishedJsonSchema() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(schemaFile()));
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(sample()));
        assertThat(schema.validate(json)).isEmpty();

        JsonNode empty = new ObjectMapper()
                .readTree(AnalysisJson.write(
                        new Analysis(1, "x", LocalDate.of(2014, 1, 1), null, "", List.of(), List.of(), List.of())));
        assertThat(schema.validate(empty)).isEmpty();

        // and the schema is strict enough to catch a wrong document
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("places").get(0)).put("precision", "street");
        assertThat(schema.validate(json)).isNotEmpty();
    }

    @Test
    void adjectivalReferencesAreAnOptionalArrayOfTheirOwnThatRoundTrips() throws IOException {
        Place syrian = new Place(
                "Syrian", "Syria", 35.0, 38.0, "SY", null, "PCLI", 163843L, Precision.COUNTRY, List.of(new Span(0, 6)));
        Analysis base = sample();
        Analysis a = new Analysis(
                base.schema(),
                base.engineVersion(),
                base.published(),
                base.title(),
                base.text(),
                base.places(),
                base.actors(),
                base.events(),
                List.of(syrian));
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(a));
        assertThat(json.get("adjectival").get(0).get("name").asText()).isEqualTo("Syria");
        assertThat(json.get("adjectival")
                        .get(0)
                        .get("mentions")
                        .get(0)
                        .get("end")
                        .asInt())
                .isEqualTo(6);
        assertThat(AnalysisJson.read(AnalysisJson.write(a))).isEqualTo(a);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(schemaFile()));
        assertThat(schema.validate(json)).isEmpty();
        // Without any, the field is left out: JSON written before it existed reads the same.
        assertThat(new ObjectMapper().readTree(AnalysisJson.write(base)).has("adjectival"))
                .isFalse();
        assertThat(AnalysisJson.read(AnalysisJson.write(base)).adjectival()).isEmpty();
    }

    @Test
    void theEngineReportsAdjectivalReferencesButNeverPlacesAnEventThere() {
        Analysis a = Analyzer.create()
                .analyze(Document.text(
                        "Syrian troops shelled Idlib on Monday, killing three civilians.", LocalDate.of(2020, 3, 2)));
        assertThat(a.adjectival()).extracting(Place::text).contains("Syrian");
        assertThat(a.places()).extracting(Place::text).doesNotContain("Syrian");
        assertThat(a.events()).isNotEmpty().allSatisfy(e -> assertThat(
                        e.place() == null ? null : e.place().name())
                .isNotEqualTo("Syria"));
    }

    static Path schemaFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs/analysis/analysis-schema-v1.json");
            if (Files.exists(p)) return p;
        }
        throw new IllegalStateException("docs/analysis/analysis-schema-v1.json not found above "
                + Path.of("").toAbsolutePath());
    }

    @Test
    void readRejectsOtherSchemasAndGarbageWithAMessage() {
        assertThatThrownBy(() -> AnalysisJson.read("{\"schema\": 2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported analysis schema 2");
        assertThatThrownBy(() -> AnalysisJson.read("{not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> AnalysisJson.read("[]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a JSON object");
    }
}
