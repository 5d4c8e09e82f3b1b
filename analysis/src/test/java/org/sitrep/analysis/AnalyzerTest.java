package org.sitrep.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.actors.ActorFinder;
import org.sitrep.analysis.dates.DateFinder;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.events.EventExtractor;
import org.sitrep.analysis.fatalities.FatalityReader;
import org.sitrep.analysis.places.PlaceFinder;
import org.sitrep.analysis.places.PlacesInText;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.TokenisedText;

class AnalyzerTest {
    static final String ARTICLE = """
            Rebels seize border crossing near Kessab

            BEIRUT — Syrian rebels on Sunday captured the Kessab border crossing with Turkey, activists said.

            Government warplanes bombed the area in response on Monday, residents said. Clashes have continued \
            in the past few days.
            """;
    static final LocalDate PUB = LocalDate.of(2014, 3, 26);

    /** The default parts end to end: gazetteer, actor dictionary, dates and events on a short wire story. */
    @Test
    void defaultAnalyzerFindsPlacesActorsAndDatedEvents() {
        Analysis a = Analyzer.create().analyze(Document.text(ARTICLE, PUB));
        assertThat(a.schema()).isEqualTo(Analysis.SCHEMA);
        // the rules' revision and the learned model's digest: every event stored with it says what coded it
        assertThat(a.engineVersion())
                .matches(".+\\+r" + Analyzer.ENGINE_REVISION + "\\+ev-[0-9a-f]{10}\\+ar-[0-9a-f]{10}");
        assertThat(a.published()).isEqualTo(PUB);
        assertThat(a.title()).isEqualTo("Rebels seize border crossing near Kessab");
        assertThat(a.text())
                .startsWith("Rebels seize border crossing near Kessab\n\nBEIRUT — Syrian rebels")
                .endsWith("in the past few days.");

        Place kessab = a.places().stream()
                .filter(p -> p.text().equals("Kessab"))
                .findFirst()
                .orElseThrow();
        assertThat(kessab.country()).isEqualTo("SY");
        assertThat(kessab.lat()).isCloseTo(35.93, org.assertj.core.data.Offset.offset(0.1));
        assertThat(kessab.lon()).isCloseTo(35.99, org.assertj.core.data.Offset.offset(0.1));
        for (Span m : kessab.mentions())
            assertThat(a.text().substring(m.start(), m.end())).isEqualTo("Kessab");

        assertThat(a.actors()).anySatisfy(x -> {
            assertThat(x.name()).containsIgnoringCase("rebels");
            assertThat(x.side()).isEqualTo("opposition");
        });

        Event capture = a.events().stream()
                .filter(e -> "captured".equals(e.trigger()))
                .findFirst()
                .orElseThrow();
        assertThat(capture.place().name()).isEqualTo(kessab.name());
        assertThat(capture.date().earliest()).isEqualTo(LocalDate.of(2014, 3, 23));
        assertThat(capture.date().latest()).isEqualTo(LocalDate.of(2014, 3, 23));
        assertThat(a.text()
                        .substring(
                                capture.evidence().start(), capture.evidence().end()))
                .isEqualTo(capture.evidence().sentence())
                .contains("captured the Kessab border crossing");
        assertThat(a.events()).allSatisfy(e -> {
            if (e.date() != null) assertThat(e.date().latest()).isBeforeOrEqualTo(PUB);
        });
    }

    @Test
    void withoutTaggingTokensHaveNoTagsAndTheEventsStillCome() {
        Analyzer untagged = Analyzer.builder().tagging(false).build();
        assertThat(untagged.clean(Document.text(ARTICLE, PUB)).sentences())
                .allSatisfy(s -> assertThat(s.tokens()).allSatisfy(t -> {
                    assertThat(t.tag()).isNull();
                    assertThat(t.lemma()).isNull();
                }));
        Analysis a = untagged.analyze(Document.text(ARTICLE, PUB));
        assertThat(a.events()).anySatisfy(e -> assertThat(e.trigger()).isEqualTo("captured"));
    }

    @Test
    void stagesCanBeSwitchedOff() {
        Analysis a = Analyzer.builder()
                .placeFinder(PlaceFinder.NONE)
                .actorFinder(ActorFinder.NONE)
                .eventExtractor(EventExtractor.NONE)
                .build()
                .analyze(Document.text(ARTICLE, PUB));
        assertThat(a.places()).isEmpty();
        assertThat(a.actors()).isEmpty();
        assertThat(a.events()).isEmpty();
        assertThat(a.text()).contains("captured the Kessab border crossing");
    }

    /** The pipeline hands each stage what the earlier ones found, with offsets into the same text. */
    @Test
    void stagesSeeEachOthersResults() {
        PlaceFinder kessab = text -> {
            int at = text.indexOf("Kessab");
            return at < 0
                    ? List.of()
                    : List.of(new Place(
                            "Kessab",
                            "Kassab",
                            35.92,
                            35.99,
                            "SY",
                            "Latakia",
                            "PPL",
                            170063L,
                            Precision.CITY,
                            List.of(new Span(at, at + 6))));
        };
        AtomicReference<List<TimeExpression>> datesSeen = new AtomicReference<>();
        EventExtractor captures = (text, places, actors, dates) -> {
            datesSeen.set(dates);
            List<Event> events = new ArrayList<>();
            for (Sentence s : text.sentences()) {
                if (!s.text().contains("captured")) continue;
                TimeExpression when = dates.stream()
                        .filter(d -> d.span().start() >= s.start() && d.span().end() <= s.end())
                        .findFirst()
                        .orElseThrow();
                Place where = places.get(0);
                events.add(new Event(
                        "Strategic developments",
                        "Non-violent transfer of territory",
                        null,
                        null,
                        new EventPlace(
                                where.name(),
                                where.lat(),
                                where.lon(),
                                where.precision(),
                                where.country(),
                                where.admin1(),
                                where.gazetteerId()),
                        when.range(),
                        "captured",
                        new Evidence(s.text(), s.start(), s.end()),
                        0.9));
            }
            return events;
        };
        Analysis a = Analyzer.builder()
                .placeFinder(kessab)
                .actorFinder(ActorFinder.NONE)
                .eventExtractor(captures)
                .build()
                .analyze(Document.text(ARTICLE, PUB));

        assertThat(a.places()).extracting(Place::name).containsExactly("Kassab");
        Span mention = a.places().get(0).mentions().get(0);
        assertThat(a.text().substring(mention.start(), mention.end())).isEqualTo("Kessab");
        assertThat(datesSeen.get())
                .extracting(t -> t.range().text())
                .containsExactly("on Sunday", "on Monday", "in the past few days");
        assertThat(a.events()).hasSize(1);
        Event e = a.events().get(0);
        assertThat(e.date().earliest()).isEqualTo(LocalDate.of(2014, 3, 23));
        assertThat(a.text().substring(e.evidence().start(), e.evidence().end()))
                .isEqualTo(e.evidence().sentence())
                .startsWith("BEIRUT — Syrian rebels on Sunday captured");
    }

    /**
     * The text is tokenised once: places, actors, dates, events and fatalities are all handed the one
     * document the cleaner made, tagged sentences and all, not a text to split again.
     */
    @Test
    void everyStageReadsTheOneTokenisedDocument() {
        List<TokenisedText> seen = new ArrayList<>();
        PlaceFinder places = new PlaceFinder() {
            @Override
            public List<Place> find(String text) {
                throw new AssertionError("the pipeline passes the document");
            }

            @Override
            public PlacesInText find(TokenisedText document) {
                seen.add(document);
                return new PlacesInText(List.of(), List.of());
            }
        };
        ActorFinder actors = (document, ps) -> {
            seen.add(document);
            return List.of();
        };
        DateFinder dates = new DateFinder() {
            @Override
            public List<TimeExpression> find(CleanText text) {
                throw new AssertionError("the pipeline passes the document");
            }

            @Override
            public List<TimeExpression> find(TokenisedText document) {
                seen.add(document);
                return List.of();
            }
        };
        EventExtractor events = (document, ps, as, ds) -> {
            seen.add(document);
            return List.of();
        };
        FatalityReader deaths = (document, es) -> {
            seen.add(document);
            return es;
        };
        Analyzer.builder()
                .placeFinder(places)
                .actorFinder(actors)
                .dateFinder(dates)
                .eventExtractor(events)
                .fatalityReader(deaths)
                .build()
                .analyze(Document.text(ARTICLE, PUB));

        assertThat(seen).hasSize(5);
        for (TokenisedText d : seen) assertThat(d).isSameAs(seen.get(0));
        assertThat(seen.get(0).sentences()).hasSize(4);
        assertThat(seen.get(0).sentences().get(1).tokens())
                .extracting(t -> t.tag())
                .contains("VBD", "NNP");
    }

    @Test
    void oneAnalyzerServesManyThreads() throws Exception {
        Analyzer analyzer = Analyzer.create();
        Analysis expected = analyzer.analyze(Document.text(ARTICLE, PUB));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Analysis>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) results.add(pool.submit(() -> analyzer.analyze(Document.text(ARTICLE, PUB))));
            for (Future<Analysis> f : results) assertThat(f.get()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
        assertThat(analyzer.clean(Document.text(ARTICLE, PUB)).sentences()).hasSize(4);
    }

    @Test
    void missingPublicationDateIsReadFromThePageOrToday() {
        Analysis fromPage = Analyzer.create()
                .analyze(Document.html(
                        "<html><head><meta property='article:published_time' content='2014-03-24T10:00:00Z'></head>"
                                + "<body><article><h1>Kessab falls</h1><p>Rebels captured Kessab yesterday.</p></article></body></html>",
                        null));
        assertThat(fromPage.published()).isEqualTo(LocalDate.of(2014, 3, 24));
        assertThat(fromPage.text()).isEqualTo("Kessab falls\n\nRebels captured Kessab yesterday.");
    }
}
