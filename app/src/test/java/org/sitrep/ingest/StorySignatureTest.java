package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Two wires' rewrites of one story are alike; two different stories on the same town are not. */
class StorySignatureTest {
    private static String text(String fixture) {
        return fixture.endsWith(".xml")
                ? NewsMl.read(Fixtures.bytes(fixture)).get(0).text()
                : Ninjs.read(Fixtures.bytes(fixture)).get(0).text();
    }

    @Test
    void rewritesOfOneStoryAreNearDuplicatesAndAnotherStoryOnTheSameTownIsNot() {
        StorySignature levant = StorySignature.of(text("newsml-maarat-shelling.xml"));
        StorySignature gulf = StorySignature.of(text("ninjs-maarat-shelling.json"));
        StorySignature water = StorySignature.of(text("ninjs-maarat-water.json"));
        double same = levant.similarity(gulf);
        double different = levant.similarity(water);
        double exactShingles = jaccard(text("newsml-maarat-shelling.xml"), text("ninjs-maarat-shelling.json"));
        assertThat(same)
                .as("two wires' versions (shingle Jaccard %.2f)", exactShingles)
                .isGreaterThanOrEqualTo(0.3);
        assertThat(different).isLessThan(0.12);
        assertThat(gulf.similarity(water)).isLessThan(0.12);
        assertThat(Math.abs(same - exactShingles))
                .as("MinHash estimates the Jaccard similarity")
                .isLessThan(0.2);
        // Banding finds the pair: at least one band in common.
        assertThat(Arrays.stream(levant.bandKeys())
                        .anyMatch(k -> Arrays.stream(gulf.bandKeys()).anyMatch(g -> g == k)))
                .isTrue();
    }

    @Test
    void identicalTextsAreIdenticalAndShortOnesAreNotCompared() {
        String t = text("ninjs-maarat-water.json");
        assertThat(StorySignature.of(t).similarity(StorySignature.of(t))).isEqualTo(1.0);
        assertThat(StorySignature.decode(StorySignature.of(t).encode()).similarity(StorySignature.of(t)))
                .isEqualTo(1.0);
        assertThat(StorySignature.of("Smoke rises over Maarat al-Numan after shelling."))
                .isNull();
        assertThat(StorySignature.decode("not base64 of the right length")).isNull();
    }

    private static double jaccard(String a, String b) {
        var sa = StorySignature.shingles(a);
        var sb = StorySignature.shingles(b);
        var inter = new java.util.HashSet<>(sa);
        inter.retainAll(sb);
        var union = new java.util.HashSet<>(sa);
        union.addAll(sb);
        return (double) inter.size() / union.size();
    }
}
