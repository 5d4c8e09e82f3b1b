package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark corpus lands where the load script expects it: /{kind}/synthetic-{n}, live. The generator lives
 * here, beside the benchmarks, and runs inside the application's own context (its classes come from the app).
 */
@SpringBootTest(properties = "sitrep.sample-content=false")
class SyntheticCorpusTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        // the app's TestDatabases.h2, which lives in the app's tests: a fresh in-memory H2 and data directory
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        String data = Files.createTempDirectory("sitrep-bench-test-").toString();
        registry.add("sitrep.data-dir", () -> data);
    }

    @Autowired
    SyntheticCorpus corpus;

    @Autowired
    PieceCatalog catalog;

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
