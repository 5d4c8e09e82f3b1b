package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark corpus lands where the load script expects it: /{kind}/synthetic-{n}, live. */
@SpringBootTest(properties = "sitrep.sample-content=false")
class SyntheticCorpusTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) { TestDatabases.h2(registry); }

    @Autowired SyntheticCorpus corpus;
    @Autowired PieceCatalog catalog;

    @Test
    void writesLivePiecesAtPredictablePaths() {
        assertThat(corpus.generate(8, 7L)).isEqualTo(8);
        assertThat(catalog.countLive()).isEqualTo(8);
        PieceKind[] kinds = PieceKind.values();
        for (int n = 1; n <= 8; n++) {
            Piece p = catalog.findLive(kinds[(n - 1) % 4], "synthetic-" + n).orElseThrow();
            assertThat(p.bodyMarkdown().split("\\s+").length).isGreaterThan(400);
            assertThat(p.authors()).hasSize(1);
            assertThat(p.tags()).hasSizeGreaterThanOrEqualTo(3);
        }
    }
}
