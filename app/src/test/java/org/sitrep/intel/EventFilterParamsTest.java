package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.EventType;

/**
 * The one event filter of the tracker and the API, without a server: every parameter, the tracker's old names as
 * aliases, the messages a caller gets for bad input, and the query string it writes reading back as the same filter.
 */
class EventFilterParamsTest {

    private static EventFilterParams params(Map<String, String> single, List<String> types, List<String> states) {
        return new EventFilterParams(
                single.get("from"),
                single.get("to"),
                types,
                single.get("actor"),
                single.get("place"),
                single.get("gazetteerId"),
                single.containsKey("country") ? List.of(single.get("country").split(";")) : null,
                single.get("admin1"),
                single.get("source"),
                single.get("minConfidence"),
                states,
                single.get("bbox"),
                single.get("placeId"),
                single.get("confidence"));
    }

    private static EventFilterParams params(Map<String, String> single) {
        return params(single, null, null);
    }

    @Test
    void everyParameterIsRead() {
        EventFilter f = params(
                        Map.of(
                                "from",
                                "2024-03-01",
                                "to",
                                " 2024-03-31 ",
                                "actor",
                                "Islamic Front",
                                "place",
                                "Aleppo",
                                "gazetteerId",
                                "170063",
                                "country",
                                "sy",
                                "source",
                                "Wire One",
                                "minConfidence",
                                "0.6",
                                "bbox",
                                "36,35,38,37"),
                        List.of("Battles", " Protests ", ""),
                        List.of("confirmed", "REJECTED"))
                .filter();
        assertThat(f.from()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(f.to()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(f.types()).containsExactlyInAnyOrder("Battles", "Protests");
        assertThat(f.actor()).isEqualTo("Islamic Front");
        assertThat(f.place()).isEqualTo("Aleppo");
        assertThat(f.gazetteerId()).isEqualTo(170063L);
        assertThat(f.country()).isEqualTo("sy");
        assertThat(f.source()).isEqualTo("Wire One");
        assertThat(f.minConfidence()).isEqualTo(0.6);
        assertThat(f.states()).containsExactlyInAnyOrder(ReviewState.CONFIRMED, ReviewState.REJECTED);
        assertThat(f.bbox()).isEqualTo(new BoundingBox(36, 35, 38, 37));
        assertThat(EventFilterParams.none().filter()).isEqualTo(EventFilter.any());
    }

    @Test
    void severalCountriesAndAnAdmin1AreaAreReadCheckedAndWrittenBack() {
        EventFilter f =
                params(Map.of("country", "SY;iq; ;SY", "admin1", " Aleppo ")).filter();
        assertThat(f.countries()).containsExactlyInAnyOrder("SY", "iq");
        assertThat(f.country()).as("not one country").isNull();
        assertThat(f.admin1()).isEqualTo("Aleppo");
        String query = EventFilterParams.queryString(f);
        assertThat(query).isEqualTo("country=SY&country=iq&admin1=Aleppo");
        java.util.Map<String, String[]> back = new java.util.HashMap<>();
        for (String part : query.split("&")) {
            String[] kv = part.split("=", 2);
            back.merge(kv[0], new String[] {kv[1]}, (x, y) -> java.util.stream.Stream.concat(
                            Arrays.stream(x), Arrays.stream(y))
                    .toArray(String[]::new));
        }
        assertThat(EventFilterParams.of(back).filter()).isEqualTo(f);
        assertThatThrownBy(() -> params(Map.of("country", "SY;Syria")).filter())
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessage("country must be a two-letter ISO 3166-1 code");
        assertThat(params(Map.of("country", String.join(";", java.util.Collections.nCopies(51, "SY"))))
                        .filter()
                        .countries())
                .as("51 times the same code is one country")
                .containsExactly("SY");
        String many = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> "" + (char) ('A' + i / 26) + (char) ('A' + i % 26))
                .collect(java.util.stream.Collectors.joining(";"));
        assertThatThrownBy(() -> params(Map.of("country", many)).filter())
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessageContaining("more than 50");
        assertThatThrownBy(() -> params(Map.of("admin1", "x".repeat(301))).filter())
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessageStartingWith("admin1 is too long");
        // one country still reads as it did
        assertThat(params(Map.of("country", "SY")).filter().country()).isEqualTo("SY");
    }

    @Test
    void theTrackersOldNamesStillWork() {
        EventFilter old =
                params(Map.of("placeId", "170063", "confidence", "0.85")).filter();
        EventFilter current =
                params(Map.of("gazetteerId", "170063", "minConfidence", "0.85")).filter();
        assertThat(old).isEqualTo(current);
        assertThat(old.gazetteerId()).isEqualTo(170063L);
        assertThat(old.minConfidence()).isEqualTo(0.85);
        assertThat(EventFilterParams.ALIASES)
                .containsEntry("placeId", "gazetteerId")
                .containsEntry("confidence", "minConfidence");
        // a blank old name next to the current one is no conflict (an empty form field)
        assertThat(params(Map.of("gazetteerId", "1", "placeId", " ")).filter().gazetteerId())
                .isEqualTo(1L);
    }

    @Test
    void bothNamesOfOneFilterAreRefusedNotGuessed() {
        assertThatThrownBy(
                        () -> params(Map.of("gazetteerId", "1", "placeId", "2")).filter())
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessage("placeId is the old name of gazetteerId: give one of them, not both");
        assertThatThrownBy(() -> params(Map.of("minConfidence", "0.5", "confidence", "0.5"))
                        .filter())
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessageContaining("confidence is the old name of minConfidence");
    }

    @Test
    void badValuesAreNamedAsTheCallerWroteThem() {
        Map<Map<String, String>, String> cases = Map.ofEntries(
                Map.entry(Map.of("from", "yesterday"), "from must be a date written YYYY-MM-DD"),
                Map.entry(Map.of("to", "2024-02-30"), "to must be a date written YYYY-MM-DD"),
                Map.entry(Map.of("from", "2024-05-01", "to", "2024-04-01"), "from must not be after to"),
                Map.entry(Map.of("gazetteerId", "aleppo"), "gazetteerId must be a gazetteer id (a whole number)"),
                Map.entry(Map.of("placeId", "aleppo"), "placeId must be a gazetteer id (a whole number)"),
                Map.entry(Map.of("minConfidence", "2"), "minConfidence must be between 0 and 1"),
                Map.entry(Map.of("minConfidence", "-0.1"), "minConfidence must be between 0 and 1"),
                Map.entry(Map.of("minConfidence", "NaN"), "minConfidence must be a number between 0 and 1"),
                Map.entry(Map.of("minConfidence", "Infinity"), "minConfidence must be a number between 0 and 1"),
                Map.entry(Map.of("confidence", "2"), "confidence must be between 0 and 1"),
                Map.entry(Map.of("confidence", "lots"), "confidence must be a number between 0 and 1"),
                Map.entry(Map.of("country", "Syria"), "country must be a two-letter ISO 3166-1 code"),
                Map.entry(Map.of("bbox", "1,2,3"), "bbox must have four numbers: west,south,east,north"),
                Map.entry(Map.of("bbox", "40,30,20,10"), "bbox must be west,south,east,north"),
                Map.entry(Map.of("actor", "x".repeat(301)), "actor is too long (300 characters at most)"),
                Map.entry(Map.of("source", "y".repeat(301)), "source is too long (300 characters at most)"));
        for (var c : cases.entrySet()) {
            assertThatThrownBy(() -> params(c.getKey()).filter())
                    .as(c.getKey().toString())
                    .isInstanceOf(InvalidEventFilter.class)
                    .hasMessageStartingWith(c.getValue());
        }
        assertThat(params(Map.of("actor", "x".repeat(300))).filter().actor()).hasSize(300);
    }

    @Test
    void typesAreTheAnalysisLibrarysTaxonomy() {
        String expected = "type must be one of "
                + String.join(
                        ", ",
                        Arrays.stream(EventType.values())
                                .filter(EventType::isEvent)
                                .map(EventType::label)
                                .toList());
        for (String bad : List.of("Skirmish", "battles", "BATTLES", "None")) {
            assertThatThrownBy(() -> params(Map.of(), List.of(bad), null).filter())
                    .as(bad)
                    .isInstanceOf(InvalidEventFilter.class)
                    .hasMessage(expected);
        }
        assertThat(expected)
                .startsWith("type must be one of Battles, Explosions/Remote violence, Violence against civilians");
        for (EventType t : EventFilterParams.TYPES) {
            assertThat(params(Map.of(), List.of(t.label()), null).filter().types())
                    .containsExactly(t.label());
        }
        assertThat(EventFilterParams.TYPES).doesNotContain(EventType.NONE).hasSize(6);
        assertThatThrownBy(() -> params(Map.of(), null, List.of("pending")).filter())
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessage("state must be one of unreviewed, confirmed, corrected, rejected, merged");
    }

    @Test
    void aRequestsParametersAreReadByExactNameOnly() {
        Map<String, String[]> query = Map.of(
                "type",
                new String[] {"Battles", "Riots"},
                "placeId",
                new String[] {"5"},
                "actor[x]",
                new String[] {"1"},
                "class.module.classLoader",
                new String[] {"x"},
                "limit",
                new String[] {"10"});
        EventFilter f = EventFilterParams.of(query).filter();
        assertThat(f.types()).containsExactlyInAnyOrder("Battles", "Riots");
        assertThat(f.gazetteerId()).isEqualTo(5L);
        assertThat(f.actor()).isNull();
        assertThat(EventFilterParams.of(Map.of()).filter()).isEqualTo(EventFilter.any());
        assertThatThrownBy(() -> EventFilterParams.of(Map.of("from", new String[] {"2024-01-01", "2024-02-01"})))
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessage("from is given 2 times: give it once");
        assertThatThrownBy(() -> EventFilterParams.of(Map.of("actor", new String[] {"A", "B"})))
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessageStartingWith("actor is given 2 times");
    }

    @Test
    void theQueryStringUsesTheCurrentNamesAndReadsBackAsTheSameFilter() {
        EventFilter f = params(
                        Map.of(
                                "from",
                                "2024-03-01",
                                "to",
                                "2024-03-31",
                                "actor",
                                "Forces loyal to Haftar & co",
                                "place",
                                "Deir ez-Zor",
                                "placeId",
                                "170794",
                                "country",
                                "SY",
                                "source",
                                "Wire=One",
                                "confidence",
                                "0.25",
                                "bbox",
                                "-10.5,35,38,37.25"),
                        List.of("Riots", "Battles"),
                        List.of("merged", "confirmed"))
                .filter();
        String qs = EventFilterParams.queryString(f);
        assertThat(qs)
                .isEqualTo("from=2024-03-01&to=2024-03-31&type=Battles&type=Riots&actor=Forces+loyal+to+Haftar+%26+co"
                        + "&place=Deir+ez-Zor&gazetteerId=170794&country=SY&source=Wire%3DOne&minConfidence=0.25&state=confirmed&state=merged"
                        + "&bbox=-10.5,35.0,38.0,37.25");
        assertThat(qs).doesNotContain("placeId").doesNotContain("confidence=");
        assertThat(readBack(qs)).isEqualTo(f);
        assertThat(EventFilterParams.queryString(EventFilter.any())).isEmpty();
        assertThat(EventFilterParams.queryString(EventFilter.atPlace(5))).isEqualTo("gazetteerId=5");
    }

    /** The query string as a server would bind it. */
    private static EventFilter readBack(String qs) {
        Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        for (String part : qs.split("&")) {
            String[] kv = part.split("=", 2);
            byName.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>())
                    .add(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> single = new java.util.HashMap<>();
        byName.forEach((k, v) -> single.put(k, v.get(0)));
        return params(single, byName.get("type"), byName.get("state")).filter();
    }
}
