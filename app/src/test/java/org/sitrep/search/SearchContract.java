package org.sitrep.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestPieces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Site search: ranking, highlighting, paging, hostile input, scheduled pieces, following the newsroom. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.base-url=https://sitrep.example", "sitrep.sample-content=false"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchContract {
    static final Instant T0 = TestClockConfig.START.minus(Duration.ofDays(2));

    @Autowired
    SearchIndex index;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    PieceCatalog catalog;

    TestPieces fixture;
    long headlineMatch;
    long bodyMatch;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        fixture = new TestPieces(jdbc, events);
        long author = fixture.author("lina-khoury", "Lina Khoury", null);
        long yemen = fixture.tag("yemen", "Yemen");
        // The body match comes first and is newer: only ranking can put the headline match above it.
        bodyMatch = fixture.piece("port-traffic")
                .kind("ANALYSIS")
                .headline("Shipping through the Red Sea slows")
                .standfirst("Insurers raise premiums.")
                .body("<p>Cargo volumes fell again. One captain mentioned a drone seen near the convoy, "
                        + "but the main cause is insurance.</p><p>Rates doubled in a month.</p>")
                .publishAt(T0.plusSeconds(600))
                .insert();
        headlineMatch = fixture.piece("drone-strike-hodeidah")
                .kind("NEWS")
                .headline("Drone strike hits Hodeidah port")
                .standfirst("Two cranes were damaged in the early hours.")
                .section("Yemen")
                .author(author)
                .tag(yemen)
                .body("<p>An attack damaged two cranes at the port overnight.</p>")
                .publishAt(T0)
                .insert();
        fixture.piece("leaflet")
                .kind("MEMO")
                .headline("Leaflets over Taiz")
                .body("<p>The leaflet read &lt;script&gt;alert(1)&lt;/script&gt; and warned residents of a curfew.</p>")
                .publishAt(T0.minusSeconds(60))
                .insert();
        for (int i = 0; i < 15; i++) {
            fixture.piece("ceasefire-" + i)
                    .kind("NEWS")
                    .headline("Ceasefire talks, day " + (i + 1))
                    .body("<p>Negotiators met again about the ceasefire.</p>")
                    .publishAt(T0.minus(Duration.ofDays(i + 1)))
                    .insert();
        }
        fixture.piece("draft-with-secret")
                .kind("NEWS")
                .headline("Quixotic draft")
                .status("DRAFT")
                .publishAt(null)
                .insert();
    }

    @Test
    void headlineMatchesRankAboveBodyMatches() {
        SearchResults r = index.search("drone", 1, 10);
        assertThat(r.problem()).isNull();
        assertThat(r.hits()).extracting(SearchResults.Hit::pieceId).containsExactly(headlineMatch, bodyMatch);
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.hits().get(0).path()).isEqualTo("/news/drone-strike-hodeidah");
        assertThat(r.hits().get(0).authors()).containsExactly("Lina Khoury");
        assertThat(r.hits().get(0).section()).isEqualTo("Yemen");
    }

    @Test
    void tagsAreSearchedAndStemmingFindsOtherForms() {
        assertThat(index.search("yemen", 1, 10).hits())
                .extracting(SearchResults.Hit::pieceId)
                .contains(headlineMatch);
        assertThat(index.search("drones", 1, 10).total()).isEqualTo(2);
    }

    @Test
    void matchesAreMarkedAndEverythingElseEscaped() {
        SearchResults r = index.search("drone", 1, 10);
        assertThat(r.hits().get(0).headlineHtml()).isEqualTo("<mark>Drone</mark> strike hits Hodeidah port");
        assertThat(r.hits().get(1).snippetHtml()).contains("a <mark>drone</mark> seen near the convoy");
        SearchResults leaflet = index.search("leaflet curfew", 1, 10);
        assertThat(leaflet.hits()).hasSize(1);
        String snippet = leaflet.hits().get(0).snippetHtml();
        assertThat(snippet).contains("&lt;script&gt;").doesNotContain("<script").contains("<mark>curfew</mark>");
    }

    @Test
    void pagesThroughResults() {
        SearchResults first = index.search("ceasefire", 1, 10);
        assertThat(first.total()).isEqualTo(15);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.hasNext()).isTrue();
        SearchResults second = index.search("ceasefire", 2, 10);
        assertThat(second.hits()).hasSize(5);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.firstShown()).isEqualTo(11);
        assertThat(first.hits())
                .extracting(SearchResults.Hit::pieceId)
                .doesNotContainAnyElementsOf(
                        second.hits().stream().map(SearchResults.Hit::pieceId).toList());
        assertThat(index.search("ceasefire", 3, 10).hits()).isEmpty();
    }

    @Test
    void oddQueriesNeverFail() {
        for (String q : List.of(
                "\"unbalanced quote",
                "drone AND",
                "(",
                ")",
                "*",
                "?",
                "title:",
                "[a TO",
                "drone~~",
                "\\",
                "a:b:c",
                "/.*/",
                "{}",
                "&&",
                "!",
                "NOT",
                "-",
                "\"\"",
                "headline:\"drone",
                "^3",
                "drone^",
                "🙂",
                "x".repeat(5000))) {
            SearchResults r = index.search(q, 1, 10);
            // the result is never null, so what it says is the test: a reader's problem, never the parser's own words
            assertThat(r.problem() == null ? "" : r.problem())
                    .as(q)
                    .doesNotContain("Exception", "Cannot parse", "lucene");
            ResponseEntity<String> page = http.getForEntity("/search?q={q}", String.class, q);
            assertThat(page.getStatusCode()).as(q).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).as(q).doesNotContain("Exception", "Cannot parse", "at org.");
        }
        assertThat(index.search("\"drone strike", 1, 10).hits())
                .extracting(SearchResults.Hit::pieceId)
                .contains(headlineMatch);
        assertThat(index.search("", 1, 10).problem()).isEqualTo("Type a word or phrase to search for.");
        assertThat(index.search("the and of", 1, 10).problem()).isNotNull();
    }

    @Test
    void searchPageShowsRankedHighlightedResultsAndEscapesTheQuery() {
        ResponseEntity<String> r = http.getForEntity("/search?q={q}", String.class, "drone");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document page = Jsoup.parse(r.getBody());
        assertThat(page.select("h1").text()).isEqualTo("Search");
        assertThat(page.select(".search-summary").text()).startsWith("2 pieces match");
        assertThat(page.select(".result h2 a").eachAttr("href"))
                .containsExactly("/news/drone-strike-hodeidah", "/analysis/port-traffic");
        assertThat(page.select(".result h2 mark").first().text()).isEqualTo("Drone");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");

        String hostile = "<script>alert('x')</script>";
        String html = http.getForObject("/search?q={q}", String.class, hostile);
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        assertThat(Jsoup.parse(html).select("#search-q").attr("value")).isEqualTo(hostile);

        Document paged = Jsoup.parse(http.getForObject("/search?q=ceasefire&page=2", String.class));
        assertThat(paged.select(".result")).hasSize(5);
        assertThat(paged.select("a[rel=prev]").attr("href")).isEqualTo("/search?q=ceasefire");
        assertThat(Jsoup.parse(http.getForObject("/search?q=ceasefire", String.class))
                        .select("a[rel=next]")
                        .attr("href"))
                .isEqualTo("/search?q=ceasefire&page=2");
        assertThat(Jsoup.parse(http.getForObject("/search", String.class)).select(".result"))
                .isEmpty();
        assertThat(Jsoup.parse(http.getForObject("/search?q=", String.class))
                        .select(".notice")
                        .text())
                .isEqualTo("Type a word or phrase to search for.");
    }

    @Test
    void relatedPiecesShareTagsRarerFirstAndOnlyLiveOnes() {
        long rare = fixture.tag("qalamoun-tunnels", "Qalamoun tunnels");
        long common = fixture.tag("syria-common", "Syria");
        long self = fixture.piece("related-self")
                .kind("ANALYSIS")
                .headline("Tunnels under the border")
                .tag(rare)
                .tag(common)
                .publishAt(T0)
                .insert();
        long sharesRare = fixture.piece("related-rare")
                .kind("NEWS")
                .headline("Another tunnel found")
                .tag(rare)
                .publishAt(T0.minus(Duration.ofDays(30)))
                .insert();
        long sharesCommon = fixture.piece("related-common")
                .kind("NEWS")
                .headline("Elsewhere in Syria")
                .tag(common)
                .publishAt(T0.minusSeconds(5))
                .insert();
        for (int i = 0; i < 6; i++) {
            fixture.piece("related-filler-" + i)
                    .kind("NEWS")
                    .headline("Syria filler " + i)
                    .tag(common)
                    .publishAt(T0.minus(Duration.ofDays(40 + i)))
                    .insert();
        }
        long draft = fixture.piece("related-draft")
                .kind("NEWS")
                .headline("Draft about tunnels")
                .tag(rare)
                .status("DRAFT")
                .publishAt(null)
                .insert();

        Piece piece = catalog.byIds(List.of(self)).get(0);
        List<Long> related = index.related(piece, 4);
        assertThat(related).hasSize(4).doesNotContain(self, draft);
        assertThat(related.get(0))
                .as("the rarer shared tag outranks a newer common one")
                .isEqualTo(sharesRare);
        assertThat(related.get(1)).as("among equals, newest first").isEqualTo(sharesCommon);
    }

    @Test
    void draftsAreNeverFound() {
        assertThat(index.search("quixotic", 1, 10).total()).isZero();
    }

    @Test
    void aScheduledPieceAppearsOnTimeWithoutReindexing() {
        Instant start = clock.instant();
        try {
            fixture.piece("scheduled-zanzibar")
                    .kind("REPORT")
                    .headline("Zanzibarian shipping report")
                    .status("SCHEDULED")
                    .publishAt(start.plus(Duration.ofHours(1)))
                    .insert();
            assertThat(index.search("zanzibarian", 1, 10).total()).isZero();
            clock.set(start.plus(Duration.ofMinutes(59)));
            assertThat(index.search("zanzibarian", 1, 10).total()).isZero();
            clock.set(start.plus(Duration.ofHours(1)));
            assertThat(index.search("zanzibarian", 1, 10).hits())
                    .extracting(SearchResults.Hit::path)
                    .containsExactly("/reports/scheduled-zanzibar");
        } finally {
            clock.set(start);
        }
    }

    @Test
    void followsTheNewsroomThroughPieceChanged() {
        long id = fixture.piece("edited-later")
                .kind("NEWS")
                .headline("Original headline about grain")
                .publishAt(T0)
                .insert();
        assertThat(index.search("grain", 1, 10).total()).isEqualTo(1);

        jdbc.sql("UPDATE pieces SET headline = 'Revised headline about wheat' WHERE id = :id")
                .param("id", id)
                .update();
        assertThat(index.search("wheat", 1, 10).total()).as("not yet announced").isZero();
        fixture.changed(id);
        assertThat(index.search("wheat", 1, 10).total()).isEqualTo(1);
        assertThat(index.search("grain", 1, 10).total()).isZero();

        fixture.setStatus(id, "UNPUBLISHED", T0, T0.plusSeconds(3600));
        assertThat(index.search("wheat", 1, 10).total()).isZero();

        jdbc.sql("DELETE FROM pieces WHERE id = :id").param("id", id).update();
        fixture.changed(id);
        assertThat(index.search("wheat", 1, 10).total()).isZero();
    }

    @Test
    void aStaleIndexIsRebuiltFromTheDatabase() {
        assertThat(index.isStale()).isFalse();
        // Written behind the application's back: no event, so only a rebuild can find it.
        jdbc.sql(
                        "INSERT INTO pieces (slug, kind, headline, body_markdown, body_html, status, publish_at, created_at, updated_at) "
                                + "VALUES ('quiet-insert', 'NEWS', 'Unannounced piece on xylophones', '', '', 'PUBLISHED', :t, :t, :u)")
                .param("t", java.time.OffsetDateTime.ofInstant(T0, java.time.ZoneOffset.UTC))
                .param("u", java.time.OffsetDateTime.ofInstant(TestClockConfig.START, java.time.ZoneOffset.UTC))
                .update();
        assertThat(index.search("xylophones", 1, 10).total()).isZero();
        assertThat(index.isStale()).isTrue();
        index.rebuildIfStale();
        assertThat(index.isStale()).isFalse();
        assertThat(index.search("xylophones", 1, 10).total()).isEqualTo(1);
        assertThat(index.search("drone", 1, 10).total()).isEqualTo(2);

        // Deleted behind the application's back: the rebuild replaces documents in place and drops that one.
        jdbc.sql("DELETE FROM pieces WHERE slug = 'quiet-insert'").update();
        assertThat(index.isStale()).isTrue();
        index.rebuildIfStale();
        assertThat(index.isStale()).isFalse();
        assertThat(index.search("xylophones", 1, 10).total()).isZero();
        assertThat(index.search("drone", 1, 10).total()).isEqualTo(2);
    }
}
