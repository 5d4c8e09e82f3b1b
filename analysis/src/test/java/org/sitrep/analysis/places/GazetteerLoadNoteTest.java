package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Prints how long the bundled worldwide gazetteer takes to load and how much heap it holds: a note
 * for docs/evaluation/geoparsing.md, not a benchmark (numbers are only printed, never asserted).
 * Run alone for clean figures: {@code mvn -pl analysis test -Dtest=GazetteerLoadNoteTest}.
 */
class GazetteerLoadNoteTest {
    @Test
    void loadTimeAndHeap() throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.bundled();
        Geoparser parser = new Geoparser(g);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf(
                "gazetteer: %d entries loaded in %d ms, about %d MB of heap (max heap %d MB)%n",
                g.size(), ms, (after - before) >> 20, rt.maxMemory() >> 20);
        assertThat(parser.find("Aleppo")).isNotEmpty();
    }
}
