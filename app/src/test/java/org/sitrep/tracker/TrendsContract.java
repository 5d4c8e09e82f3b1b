package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventTrends;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.newsletters.Newsletter;
import org.sitrep.newsletters.Newsletters;
import org.sitrep.newsroom.PhotoLibrary;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceDraft;
import org.sitrep.newsroom.PieceEditor;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.PieceStatus;
import org.sitrep.testsupport.TestEvents;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

/**
 * Trends, exports and situation reports over real HTTP on each database: the weekly figures, the change by area,
 * new actors (a rejected event's actor is not new; an actor new to one area is new there only), the page and its
 * downloads (PNG, SVG, CSV, and 400 for a bad filter), and a situation report drafted from the events whose every
 * number is a count of stored events, published and sent as a newsletter whose map arrives as an image.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "sitrep.newsletters.tick=300ms",
            "sitrep.newsletters.initial-delay=300ms",
            "sitrep.newsletters.rate-per-second=0",
            "sitrep.base-url=http://localhost:8080",
            "sitrep.mail.from=desk@sitrep.example",
            "spring.datasource.hikari.maximum-pool-size=4"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrendsContract {
    static final GreenMail MAIL = TestMail.start();
    static final String PASSWORD = "long enough passphrase";
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
    static final String NUMBERED_TITLE = "Clashes kill 12 near Aleppo, 3 villages emptied";

    static void mail(DynamicPropertyRegistry registry) {
        TestMail.properties(registry, MAIL);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EventTrends trends;

    @Autowired
    SituationReports reports;

    @Autowired
    PieceCatalog catalog;

    @Autowired
    PieceEditor pieces;

    @Autowired
    PhotoLibrary photos;

    @Autowired
    Newsletters newsletters;

    WebSession analyst, editor;
    final List<String> storedTexts = new ArrayList<>();

    @BeforeAll
    void setUp() {
        TestEvents ev = new TestEvents(jdbc);
        long doc = document(ev, NUMBERED_TITLE, "Wire A", AS_OF);
        long older = document(ev, "Earlier fighting", "Wire B", LocalDate.of(2026, 10, 31));
        // Aleppo: 4 battles in the last 30 days (Northern Brigade new there), 3 in the 90 before, one long before
        for (LocalDate d : days("2026-11-02", "2026-11-10", "2026-11-25", "2026-11-30")) {
            TestEvents.Spec battle = TestEvents.battle(d)
                    .actors("Northern Brigade", "Government forces")
                    .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063);
            ev.event(doc, d.equals(LocalDate.of(2026, 11, 10)) ? battle.deaths(5) : battle);
        }
        for (LocalDate d : days("2026-08-10", "2026-09-15", "2026-10-20")) {
            ev.event(
                    older,
                    TestEvents.battle(d)
                            .actors("Old Militia", "Government forces")
                            .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063));
        }
        ev.event(
                older,
                TestEvents.battle(LocalDate.of(2026, 1, 1))
                        .actors("Students", null)
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063));
        // Idlib: one explosion by a new actor against an old one, six in the 90 days before; a rejected event by "Ghost
        // Group"
        ev.event(
                doc,
                TestEvents.spec("Explosions/Remote violence", "Shelling", LocalDate.of(2026, 11, 20))
                        .actors("New Front", "Government forces")
                        .at("Idlib", "SY", "Idlib", 35.93, 36.63, 169389)
                        .deaths(3));
        for (LocalDate d : days("2026-08-05", "2026-08-20", "2026-09-01", "2026-09-20", "2026-10-05", "2026-10-30")) {
            TestEvents.Spec shelling = TestEvents.spec("Explosions/Remote violence", "Shelling", d)
                    .actors("Government forces", null)
                    .at("Idlib", "SY", "Idlib", 35.93, 36.63, 169389);
            ev.event(older, d.equals(LocalDate.of(2026, 9, 1)) ? shelling.deaths(6) : shelling);
        }
        ev.event(
                doc,
                TestEvents.battle(LocalDate.of(2026, 11, 21))
                        .actors("Ghost Group", null)
                        .at("Idlib", "SY", "Idlib", 35.93, 36.63, 169389)
                        .state("rejected")
                        .deaths(40));
        // Damascus: two protests by students, new in Damascus though seen in Aleppo in January
        for (LocalDate d : days("2026-11-12", "2026-11-13")) {
            ev.event(
                    doc,
                    TestEvents.spec("Protests", "Peaceful protest", d)
                            .actors("Students", null)
                            .at("Damascus", "SY", "Damascus", 33.51, 36.29, 170654));
        }
        // Iraq: outside a Syrian view
        ev.event(
                doc,
                TestEvents.spec("Protests", "Peaceful protest", LocalDate.of(2026, 11, 11))
                        .actors("Teachers", null)
                        .at("Baghdad", "IQ", "Baghdad", 33.34, 44.4, 98182)
                        .deaths(7));
        storedTexts.addAll(List.of(NUMBERED_TITLE, "Earlier fighting", "Wire A", "Wire B"));
        accounts.create("analyst@example.org", "Analyst", PASSWORD, Role.ANALYST);
        accounts.create("editor@example.org", "Editor", PASSWORD, Role.EDITOR);
        analyst = signedIn("analyst@example.org");
        editor = signedIn("editor@example.org");
    }

    private static long document(TestEvents ev, String title, String source, LocalDate published) {
        return ev.document(title, source, published, "Text of " + title + ".");
    }

    private static List<LocalDate> days(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
    }

    WebSession signedIn(String email) {
        WebSession s = new WebSession(port);
        HttpResponse<String> r = s.post("/signin", "/signin", Map.of("username", email, "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        return s;
    }

    static EventFilter syria() {
        return new EventFilter(null, null, Set.of(), null, null, null, "SY", null, null, Set.of(), null, null);
    }

    @Test
    void weeklyCountsByTypeUpToTheNewestEvent() {
        EventTrends.Weekly weekly = trends.weekly(syria());
        assertThat(weekly.asOf()).isEqualTo(AS_OF);
        assertThat(weekly.weeks()).hasSize(EventTrends.WEEKS);
        assertThat(weekly.weeks().get(EventTrends.WEEKS - 1).monday())
                .isEqualTo(AS_OF.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        EventTrends.Week nov9 = weekly.weeks().stream()
                .filter(w -> w.monday().equals(LocalDate.of(2026, 11, 9)))
                .findFirst()
                .orElseThrow();
        assertThat(nov9.byType())
                .containsEntry("Battles", 1L)
                .containsEntry("Protests", 2L)
                .containsEntry("Explosions/Remote violence", 0L);
        // every shown Syrian event since the first week, the rejected one and Iraq's left out; January's before the
        // window
        assertThat(weekly.weeks().stream().mapToLong(EventTrends.Week::total).sum())
                .isEqualTo(4 + 3 + 1 + 6 + 2);
        assertThat(weekly.types()).containsExactly("Battles", "Explosions/Remote violence", "Protests");
        // reported deaths: the week's shown events' own figures; the rejected event's 40 and Iraq's 7 left out
        assertThat(nov9.fatalities()).isEqualTo(5);
        EventTrends.Week nov16 = weekly.weeks().stream()
                .filter(w -> w.monday().equals(LocalDate.of(2026, 11, 16)))
                .findFirst()
                .orElseThrow();
        assertThat(nov16.fatalities()).isEqualTo(3);
        assertThat(weekly.weeks().stream()
                        .mapToLong(EventTrends.Week::fatalities)
                        .sum())
                .isEqualTo(5 + 3 + 6);
    }

    @Test
    void eachAreasLastThirtyDaysAgainstTheNinetyBefore() {
        EventTrends.Changes changes = trends.changes(syria());
        assertThat(changes.recentFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(changes.earlierFrom()).isEqualTo(LocalDate.of(2026, 8, 3));
        Map<String, EventTrends.AreaChange> byArea = new java.util.HashMap<>();
        changes.areas().forEach(a -> byArea.put(a.admin1(), a));
        assertThat(byArea).containsOnlyKeys("Aleppo", "Idlib", "Damascus");
        assertThat(byArea.get("Aleppo"))
                .extracting(
                        EventTrends.AreaChange::recent,
                        EventTrends.AreaChange::earlier,
                        EventTrends.AreaChange::change,
                        EventTrends.AreaChange::percent)
                .containsExactly(4L, 3L, 3L, 300L);
        assertThat(byArea.get("Idlib"))
                .extracting(
                        EventTrends.AreaChange::recent,
                        EventTrends.AreaChange::earlier,
                        EventTrends.AreaChange::change,
                        EventTrends.AreaChange::percent)
                .containsExactly(1L, 6L, -1L, -50L);
        assertThat(byArea.get("Damascus").percent()).isNull();
        // reported deaths the same way: Aleppo 5 now and none before; Idlib 3 now (the rejected event's 40 left out)
        // against 6 in the 90 days before, 2 a month
        assertThat(byArea.get("Aleppo"))
                .extracting(
                        EventTrends.AreaChange::recentDeaths,
                        EventTrends.AreaChange::earlierDeaths,
                        EventTrends.AreaChange::deathsChange,
                        EventTrends.AreaChange::deathsPercent)
                .containsExactly(5L, 0L, 5L, null);
        assertThat(byArea.get("Idlib"))
                .extracting(
                        EventTrends.AreaChange::recentDeaths,
                        EventTrends.AreaChange::earlierDeaths,
                        EventTrends.AreaChange::deathsChange,
                        EventTrends.AreaChange::deathsPercent)
                .containsExactly(3L, 6L, 1L, 50L);
        assertThat(byArea.get("Damascus"))
                .extracting(EventTrends.AreaChange::recentDeaths, EventTrends.AreaChange::deathsChange)
                .containsExactly(0L, 0L);
        assertThat(changes.areas().get(0).admin1()).isEqualTo("Aleppo");
    }

    @Test
    void newActorsAreNewToTheirAreaAndRejectedEventsDoNotCount() {
        List<EventTrends.NewActor> fresh = trends.newActors(syria());
        assertThat(fresh)
                .extracting(a -> a.actor() + "@" + a.admin1())
                .containsExactlyInAnyOrder("Northern Brigade@Aleppo", "New Front@Idlib", "Students@Damascus");
        EventTrends.NewActor brigade = fresh.stream()
                .filter(a -> a.actor().equals("Northern Brigade"))
                .findFirst()
                .orElseThrow();
        assertThat(brigade.firstSeen()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(brigade.events()).isEqualTo(4);
    }

    @Test
    void theTrendsPageHasTheChartItsTableTheChangeTableAndNewActors() {
        HttpResponse<String> r = analyst.get("/tracker/trends?country=SY");
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select(".trend-chart svg[role=img] title").text()).isEqualTo("Events per week by type");
        assertThat(d.select(".trend-table tbody tr")).hasSize(EventTrends.WEEKS);
        assertThat(d.select(".changes tbody tr").first().select("th").text()).isEqualTo("Aleppo, SY");
        assertThat(d.select(".changes tbody tr").first().select("td").eachText())
                .containsExactly("4", "3", "1.0", "+3 (+300%)", "5", "0", "+5 (none before)");
        assertThat(d.select(".changes tbody tr:has(th:contains(Idlib)) td").eachText())
                .containsExactly("1", "6", "2.0", "-1 (-50%)", "3", "6", "+1 (+50%)");
        // the change map in events (shown) and in reported deaths (chosen with the radio pair), each with its own text
        assertThat(d.select(".change-maps img.change-map-events").attr("src"))
                .isEqualTo("/tracker/trends/changes.png?country=SY");
        assertThat(d.select(".change-maps img.change-map-deaths").attr("src"))
                .isEqualTo("/tracker/trends/changes.png?country=SY&measure=deaths");
        assertThat(d.select(".change-maps img.change-map-deaths").attr("alt"))
                .startsWith("Change map of reported deaths");
        assertThat(d.select(".change-measure input[type=radio]")).hasSize(2);
        assertThat(d.select(".new-actors tbody th").eachText()).contains("Northern Brigade", "New Front", "Students");
        assertThat(d.select("a[href^=/tracker/trends/weekly.csv]").attr("href")).contains("country=SY");
        // place and actor pages carry the same section for their own events
        Document place = Jsoup.parse(analyst.get("/tracker/places/170063").body());
        assertThat(place.select(".changes tbody th").eachText()).containsExactly("Aleppo, SY");
        // the tracker links to the trends of its view
        assertThat(Jsoup.parse(analyst.get("/tracker?country=SY").body())
                        .select("#trends-link")
                        .attr("href"))
                .isEqualTo("/tracker/trends?country=SY");
        // a member without data access is refused, a bad filter is a 400 with its message
        assertThat(analyst.get("/tracker/trends?from=nonsense").statusCode()).isEqualTo(400);
        assertThat(analyst.get("/tracker/trends/weekly.csv?country=SYR").body())
                .contains("country must be a two-letter");
        assertThat(new WebSession(port).get("/tracker/trends").statusCode()).isEqualTo(302);
    }

    @Test
    void chartsMapsAndTablesDownload() throws Exception {
        HttpResponse<String> csv = analyst.get("/tracker/trends/weekly.csv?country=SY");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains("weekly.csv");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .isEqualTo("week_starting,Battles,Explosions/Remote violence,Protests,total,fatalities");
        assertThat(csv.body().lines()).contains("2026-11-09,1,0,2,3,5");
        assertThat(csv.body()).contains("2026-11-09,1,0,2,3");
        String changes = analyst.get("/tracker/trends/changes.csv?country=SY").body();
        assertThat(changes.lines().findFirst().orElseThrow())
                .isEqualTo("country,admin1,recent_30_days,earlier_90_days,earlier_per_30_days,"
                        + "change,change_percent,fatalities_recent_30_days,fatalities_earlier_90_days,fatalities_earlier_per_30_days,"
                        + "fatalities_change,fatalities_change_percent,recent_from,as_of");
        assertThat(changes)
                .contains("SY,Aleppo,4,3,1.0,3,300,5,0,0.0,5,,2026-11-01,2026-11-30")
                .contains("SY,Idlib,1,6,2.0,-1,-50,3,6,2.0,1,50,2026-11-01,2026-11-30");
        assertThat(analyst.get("/tracker/trends/new-actors.csv?country=SY").body())
                .contains("Northern Brigade,SY,Aleppo,2026-11-02,4");
        for (String path : List.of("/tracker/trends/weekly", "/tracker/trends/changes", "/tracker/map")) {
            HttpResponse<byte[]> png = bytes(analyst, path + ".png?country=SY");
            assertThat(png.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(png.body())))
                    .as(path)
                    .isNotNull();
            HttpResponse<String> svg = analyst.get(path + ".svg?country=SY");
            assertThat(svg.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("image/svg+xml");
            assertThat(svg.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("sandbox");
            assertThat(svg.body()).as(path).startsWith("<svg").endsWith("</svg>");
        }
        assertThat(analyst.get("/tracker/map.svg?country=SY").body())
                .contains("Battles: 8")
                .contains("Explosions/Remote violence: 7")
                .contains("Protests: 2");
        assertThat(analyst.get("/tracker/trends/changes.svg?country=SY").body())
                .contains(">+3<")
                .contains(">\u22121<");
        assertThat(analyst.get("/tracker/trends/weekly.gif?country=SY").statusCode())
                .isEqualTo(404);
        // deaths in the chart: a second series with its key when the weeks report any; none without
        assertThat(analyst.get("/tracker/trends/weekly.svg?country=SY").body())
                .contains("Reported deaths (right scale)")
                .contains("and their reported deaths");
        assertThat(analyst.get("/tracker/trends/weekly.svg?country=SY&type=Protests")
                        .body())
                .doesNotContain("Reported deaths");
        // the change map of deaths: its own legend and labels (Aleppo +5, Idlib +1), as PNG too; a bad measure is a 400
        HttpResponse<String> deathsMap = analyst.get("/tracker/trends/changes.svg?country=SY&measure=deaths");
        assertThat(deathsMap.body())
                .contains("More reported deaths than the earlier monthly average")
                .contains(">+5<")
                .contains(">+1<")
                .doesNotContain(">+3<");
        assertThat(deathsMap.headers().firstValue("Content-Disposition").orElse(""))
                .contains("changes-deaths.svg");
        assertThat(ImageIO.read(
                        new ByteArrayInputStream(bytes(analyst, "/tracker/trends/changes.png?country=SY&measure=deaths")
                                .body())))
                .isNotNull();
        HttpResponse<String> badMeasure = analyst.get("/tracker/trends/changes.png?country=SY&measure=%3Cscript%3E");
        assertThat(badMeasure.statusCode()).isEqualTo(400);
        assertThat(badMeasure.body())
                .contains("measure must be events or deaths")
                .doesNotContain("<script>");
    }

    private HttpResponse<byte[]> bytes(WebSession s, String path) throws Exception {
        // WebSession reads text; an image is fetched with the session's cookie on a plain client
        HttpClient client = HttpClient.newHttpClient();
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", "SESSION=" + s.cookie("SESSION") + "; JSESSIONID=" + s.cookie("JSESSIONID"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSituationReportIsDraftedFromTheEventsAndEveryNumberInItIsACountOfStoredEvents() throws Exception {
        LocalDate from = LocalDate.of(2026, 11, 1), to = AS_OF;
        HttpResponse<String> refused = editor.post(
                "/newsroom/situation-reports/new",
                "/newsroom/situation-reports",
                Map.of("from", "2026-11-01", "to", "2026-11-30"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".error").text()).isEqualTo("choose at least one country");
        assertThat(analyst.get("/newsroom/situation-reports/new").statusCode()).isEqualTo(403);

        HttpResponse<String> made = editor.post(
                "/newsroom/situation-reports/new",
                "/newsroom/situation-reports",
                Map.of("country", "SY", "from", from.toString(), "to", to.toString()));
        assertThat(made.statusCode()).isEqualTo(302);
        long id = Long.parseLong(
                made.headers().firstValue("Location").orElseThrow().replaceAll(".*/newsroom/pieces/", ""));
        Piece piece = catalog.findById(id).orElseThrow();
        assertThat(piece.kind()).isEqualTo(PieceKind.REPORT);
        assertThat(piece.status()).isEqualTo(PieceStatus.DRAFT);
        assertThat(piece.headline()).isEqualTo("Syria situation report, 1 Nov 2026 to 30 Nov 2026");
        var photo = piece.leadPhoto();
        assertThat(photo).isNotNull();
        assertThat(photo.caption()).startsWith("Events in Syria, 1 Nov 2026 to 30 Nov 2026, by type");
        assertThat(photo.credit()).contains("Natural Earth");
        assertThat(photo.contentType()).isEqualTo("image/png");

        // what it was built from is recorded
        SituationReports.Drafted recorded = reports.recorded(id).orElseThrow();
        assertThat(recorded.query())
                .contains("country=SY")
                .contains("from=2026-11-01")
                .contains("to=2026-11-30");
        assertThat(recorded.dataVersion()).startsWith(count("SY", from, to) + " events, last changed ");

        String body = piece.bodyMarkdown();
        // each key event cites its source with a link; the sources are listed
        assertThat(body)
                .contains("](<https://wire.example/")
                .contains("## Key events")
                .contains("## Sources");
        assertThat(body).contains(SituationReportText.escape(NUMBERED_TITLE));
        // every number in headline, standfirst and body is a count of stored events, a percentage of two such counts,
        // or part of a date of the query, an event or a source; the provenance line names the recorded query
        String text = piece.headline() + "\n" + piece.standfirst() + "\n" + body;
        String provenance = text.substring(text.indexOf("*Drafted from"));
        assertThat(provenance).contains("/tracker?" + recorded.query());
        text = text.substring(0, text.indexOf("*Drafted from"));
        text = text.replaceAll("\\(<[^>]*>\\)", "");
        for (String stored : storedTexts) text = text.replace(SituationReportText.escape(stored), "");
        Set<LocalDate> allowedDates =
                new HashSet<>(List.of(from, to, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 31)));
        allowedDates.addAll(jdbc.sql("SELECT DISTINCT date_earliest FROM intel_events")
                .query(LocalDate.class)
                .list());
        allowedDates.addAll(jdbc.sql("SELECT DISTINCT published_on FROM intel_documents")
                .query(LocalDate.class)
                .list());
        Matcher dates = Pattern.compile("(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4})")
                .matcher(text);
        while (dates.find()) {
            LocalDate date = LocalDate.parse(
                    dates.group(), java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
            assertThat(allowedDates).as("date %s", dates.group()).contains(date);
        }
        text = dates.replaceAll("");
        long now = count("SY", from, to), before = count("SY", LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 31));
        Set<Long> figures = new HashSet<>(
                List.of(now, before, Math.abs(now - before), Math.round(100.0 * Math.abs(now - before) / before)));
        figures.addAll(jdbc.sql(
                        "SELECT COUNT(*) FROM intel_events WHERE country = 'SY' AND review_state NOT IN ('rejected', 'merged')"
                                + " AND date_latest >= :from AND date_earliest <= :to GROUP BY event_type")
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .list());
        figures.addAll(jdbc.sql(
                        "SELECT COUNT(*) FROM intel_events WHERE country = 'SY' AND review_state NOT IN ('rejected', 'merged')"
                                + " AND date_latest >= :from AND date_earliest <= :to GROUP BY admin1")
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .list());
        Matcher numbers = Pattern.compile("\\d+").matcher(text);
        List<Long> found = new ArrayList<>();
        while (numbers.find()) found.add(Long.parseLong(numbers.group()));
        assertThat(found).as("numbers in the draft").isNotEmpty().allSatisfy(n -> assertThat(figures)
                .contains(n));
        // and the figures are the right ones, not merely figures: 7 events now (4 + 1 + 2), 3 in October's window
        assertThat(now).isEqualTo(7);
        assertThat(before).isEqualTo(3);
        assertThat(piece.standfirst())
                .isEqualTo("7 events recorded, up by 4 (133%) on the previous period of the same length.");
        assertThat(body).contains("4 Battles, 2 Protests and 1 Explosions/Remote violence");

        // the editor publishes it and sends it as a newsletter issue: its map arrives as an image
        PieceDraft edit = PieceDraft.of(piece, ZoneId.of("Asia/Beirut"));
        edit.setHeadline("Syria: fighting up around Aleppo");
        edit.setStatus(PieceStatus.PUBLISHED.name());
        edit.setPublishAt("2026-01-01T08:00");
        pieces.update(id, edit, "editor@example.org");
        long reader = jdbc.sql("SELECT id FROM users WHERE email = 'editor@example.org'")
                .query(Long.class)
                .single();
        Newsletter n =
                newsletters.save(null, "weekly-sitrep", "Weekly situation", "The week", Newsletter.Access.FREE, true);
        newsletters.optIn(reader, n.id());
        HttpResponse<String> saved = editor.post(
                "/newsroom/newsletters/issues/new",
                "/newsroom/newsletters/issues",
                Map.of(
                        "newsletter",
                        Long.toString(n.id()),
                        "subject",
                        "This week in Syria",
                        "intro",
                        "The week's report.",
                        "piece",
                        Long.toString(id)));
        String issuePage = saved.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        MAIL.purgeEmailFromAllMailboxes();
        HttpResponse<String> sent = editor.post(issuePage, issuePage + "/send", Map.of("confirmed", "yes"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(MAIL.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage message = MAIL.getReceivedMessages()[0];
        Document html = Jsoup.parse(htmlPart(message));
        var img = html.select("img[src*=/media/]").first();
        assertThat(img).as("the report's map in the mail").isNotNull();
        assertThat(img.attr("alt")).startsWith("Map of the events in Syria");
        HttpResponse<byte[]> image = bytes(editor, img.attr("src").replaceAll("^https?://[^/]+", ""));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body()))).isNotNull();
        assertThat(html.text()).contains("Syria: fighting up around Aleppo");
    }

    private long count(String country, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM intel_events WHERE country = :c AND review_state NOT IN ('rejected', 'merged')"
                                + " AND date_latest >= :from AND date_earliest <= :to")
                .param("c", country)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    private static String htmlPart(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                var part = mp.getBodyPart(i);
                if (part.isMimeType("text/html")) return (String) part.getContent();
                if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                    for (int j = 0; j < inner.getCount(); j++) {
                        if (inner.getBodyPart(j).isMimeType("text/html"))
                            return (String) inner.getBodyPart(j).getContent();
                    }
                }
            }
        }
        return GreenMailUtil.getBody(message);
    }
}
