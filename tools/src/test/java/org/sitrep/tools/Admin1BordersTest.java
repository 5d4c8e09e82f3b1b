package org.sitrep.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin-1 layer from a hand-made map: two provinces of country AA side by side (sharing the border x = 1), and
 * a province of country BB next to them (sharing x = 2, an international border). Only AA's internal border is kept.
 */
class Admin1BordersTest {
    // AA-W: [0,0]-[1,1]; AA-E: [1,0]-[2,1], its shared side drawn with an extra, nearly collinear point; BB-X:
    // [2,0]-[3,1]
    static final String MAP = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"iso_a2": "AA", "name": "West", "name_en": "West Province", "iso_3166_2": "AA-W",
                "longitude": 0.51234, "latitude": 0.5, "gn_id": 1, "name_fr": "Ouest"},
               "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,0.5],[1,1],[0,1],[0,0]]]}},
              {"type": "Feature", "properties": {"iso_a2": "AA", "name": "East", "iso_3166_2": "AA-E", "longitude": 1.5, "latitude": 0.5},
               "geometry": {"type": "MultiPolygon", "coordinates": [[[[1,0],[2,0],[2,1],[1,1],[1,0.5],[1,0]]]]}},
              {"type": "Feature", "properties": {"iso_a2": "-99", "adm0_a3": "BBB", "name": "Other", "longitude": 2.5, "latitude": 0.5},
               "geometry": {"type": "Polygon", "coordinates": [[[2,0],[3,0],[3,1],[2,1],[2,0]]]}}
            ]}""";

    JsonNode layer(String geojson) throws IOException {
        Admin1Borders.Layer layer =
                Admin1Borders.read(new ByteArrayInputStream(geojson.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Admin1Borders.write(layer, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void keepsOnlyTheBorderBetweenTwoDivisionsOfOneCountryMergedAndSimplified() throws IOException {
        JsonNode features = layer(MAP).path("features");
        List<JsonNode> lines = new ArrayList<>();
        features.forEach(f -> {
            if (f.path("geometry").path("type").asText().equals("MultiLineString")) lines.add(f);
        });
        // AA's border x = 1 from y = 0 to 1, one line (two segments merged, the middle point simplified away);
        // no coast, and no line for BBB, whose only neighbour is across the international border
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("properties").path("country").asText()).isEqualTo("AA");
        JsonNode line = lines.get(0).path("geometry").path("coordinates");
        assertThat(line).hasSize(1);
        assertThat(line.get(0).toString()).isIn("[[1.0,0.0],[1.0,1.0]]", "[[1.0,1.0],[1.0,0.0]]");
    }

    @Test
    void labelsEveryDivisionWithItsEnglishNameCodeAndRoundedPointOnly() throws IOException {
        List<String> labels = new ArrayList<>();
        layer(MAP).path("features").forEach(f -> {
            if (f.path("geometry").path("type").asText().equals("Point")) labels.add(f.toString());
        });
        assertThat(labels)
                .containsExactly(
                        "{\"type\":\"Feature\",\"properties\":{\"name\":\"West Province\",\"country\":\"AA\",\"code\":\"AA-W\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[0.512,0.5]}}",
                        "{\"type\":\"Feature\",\"properties\":{\"name\":\"East\",\"country\":\"AA\",\"code\":\"AA-E\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5,0.5]}}",
                        "{\"type\":\"Feature\",\"properties\":{\"name\":\"Other\",\"country\":\"BBB\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.5,0.5]}}");
    }

    @Test
    void malformedDataIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> layer("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a GeoJSON FeatureCollection");
        assertThatThrownBy(
                        () -> layer(
                                "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"iso_a2\":\"AA\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1 is a Point, not a Polygon or MultiPolygon");
        assertThatThrownBy(
                        () -> layer(
                                "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"iso_a2\":\"AA\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[\"x\",1]]]}}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1 has a position that is not [lon, lat]");
        assertThatThrownBy(
                        () -> layer(
                                "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1 names no country");
        assertThatThrownBy(() -> layer("{\"type\": ")).isInstanceOf(IOException.class);
    }
}
