package org.sitrep.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.members.Subscriptions;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Newsletters end to end against a real SMTP server (GreenMail): compose, preview, send, the
 * mail's parts and headers, one-click unsubscribe, paid newsletters, a resumed send, scheduling on
 * the application clock, hostile markup, and a recipient the send cannot reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.newsletters.tick=300ms",
            "sitrep.newsletters.initial-delay=300ms",
            "sitrep.newsletters.rate-per-second=0",
            "sitrep.mail.from=desk@sitrep.example",
            "sitrep.base-url=http://localhost:8080",
            "spring.datasource.hikari.maximum-pool-size=4"
        }) // cached test contexts each hold a pool; PostgreSQL has ~100 slots
@Import(TestClockConfig.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NewslettersContract {
    /** Shared by the H2 and PostgreSQL classes (one JVM): left running, like MembersContract's. */
    static final GreenMail MAIL = TestMail.start();

    private static final Pattern ISSUE_ID = Pattern.compile("/newsroom/newsletters/issues/(\\d+)$");
    private static final RequestPostProcessor EDITOR =
            user("editor@sitrep.example").roles("EDITOR");

    static void mail(DynamicPropertyRegistry registry) {
        TestMail.properties(registry, MAIL);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    Newsletters newsletters;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    IssueDesk desk;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    long memo;
    long report;

    @BeforeAll
    void pieces() {
        clock.set(TestClockConfig.START);
        TestPieces fixture = new TestPieces(jdbc, events);
        memo = fixture.piece("the-week-in-idlib")
                .kind("MEMO")
                .headline("The week in Idlib")
                .standfirst("Why the lines held, and what moves next")
                .access("PAID")
                .insert();
        report = fixture.piece("aden-port-reopens")
                .kind("NEWS")
                .headline("Aden port reopens")
                .standfirst("Ships dock again")
                .insert();
    }

    @BeforeEach
    void fresh() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        clock.set(TestClockConfig.START);
    }

    // --- fixtures ---------------------------------------------------------------------------

    long member(String email) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO users (email, display_name, role, enabled, created_at, email_verified_at) "
                        + "VALUES (:e, :e, 'MEMBER', TRUE, :now, :now)")
                .param("e", email)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Newsletter newsletter(String slug, Newsletter.Access access, String... members) {
        Newsletter n = newsletters.save(null, slug, "List " + slug, "About " + slug, access, true);
        for (String m : members) newsletters.optIn(member(m), n.id());
        return n;
    }

    long compose(Newsletter n, String subject, String intro, long... pieces) throws Exception {
        var request = post("/newsroom/newsletters/issues")
                .with(EDITOR)
                .with(csrf())
                .param("newsletter", String.valueOf(n.id()))
                .param("subject", subject)
                .param("intro", intro);
        for (long p : pieces) request = request.param("piece", String.valueOf(p));
        String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        Matcher m = ISSUE_ID.matcher(location == null ? "" : location);
        assertThat(m.find())
                .as("saved issue redirects to its page, got " + location)
                .isTrue();
        return Long.parseLong(m.group(1));
    }

    void sendNow(long issue) throws Exception {
        assertThat(mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/send")
                                .param("confirmed", "yes")
                                .with(EDITOR)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/newsroom/newsletters/issues/" + issue);
    }

    MimeMessage[] awaitMail(int count) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(20_000, count))
                .as("%d mails arrive", count)
                .isTrue();
        return MAIL.getReceivedMessages();
    }

    void awaitState(long issue, Issue.State state) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (desk.find(issue).orElseThrow().state() != state && System.nanoTime() < until) Thread.sleep(50);
        assertThat(desk.find(issue).orElseThrow().state()).isEqualTo(state);
    }

    static Map<String, Long> byRecipient(MimeMessage[] messages) throws Exception {
        return Arrays.stream(messages)
                .map(m -> {
                    try {
                        return m.getAllRecipients()[0].toString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart alternative = (MimeMultipart) m.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            if (alternative.getBodyPart(i).isMimeType(type))
                return (String) alternative.getBodyPart(i).getContent();
        }
        throw new AssertionError("no " + type + " part");
    }

    String audience(long issue) throws Exception {
        return org.jsoup.Jsoup.parse(body(
                        mvc.perform(get("/newsroom/newsletters/issues/" + issue).with(EDITOR))
                                .andReturn()))
                .select("#audience")
                .text();
    }

    String body(org.springframework.test.web.servlet.MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    // --- tests ------------------------------------------------------------------------------

    @Test
    void anIssueArrivesAsHtmlAndTextWithOneClickUnsubscribeHeaders() throws Exception {
        Newsletter n = newsletter("brief-a", Newsletter.Access.FREE, "amal@example.org", "bassam@example.org");
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(body(mvc.perform(get("/newsroom/newsletters/issues/new")
                        .param("newsletter", String.valueOf(n.id()))
                        .with(EDITOR))
                .andReturn()));
        assertThat(form.select("#newsletter option[selected]").text()).isEqualTo("List brief-a (free)");
        assertThat(form.select("input[name=piece]").eachAttr("value"))
                .contains(String.valueOf(report), String.valueOf(memo));
        long issue = compose(n, "Morning: Aden reopens", "Good morning. **Three** things today.", report);
        org.jsoup.nodes.Document list = org.jsoup.Jsoup.parse(
                body(mvc.perform(get("/newsroom/newsletters").with(EDITOR)).andReturn()));
        assertThat(list.select("a[href=/newsroom/newsletters/issues/" + issue + "]")
                        .text())
                .isEqualTo("Morning: Aden reopens");
        assertThat(list.text()).contains("List brief-a").contains("draft");

        String html = body(mvc.perform(get("/newsroom/newsletters/issues/" + issue + "/preview")
                        .with(EDITOR))
                .andReturn());
        assertThat(html)
                .contains("<strong>Three</strong>")
                .contains("Aden port reopens")
                .contains("Ships dock again")
                .contains("http://localhost:8080/news/aden-port-reopens");
        String text = body(mvc.perform(get("/newsroom/newsletters/issues/" + issue + "/preview.txt")
                        .with(EDITOR))
                .andReturn());
        assertThat(text)
                .contains("Good morning. Three things today.")
                .contains("* Aden port reopens")
                .contains("Ships dock again")
                .contains("http://localhost:8080/news/aden-port-reopens")
                .doesNotContain("<");
        assertThat(audience(issue)).isEqualTo("2 reader(s) would receive it now.");
        assertThat(mvc.perform(get("/newsroom/newsletters/issues/" + issue + "/preview")
                                .with(user("reader@example.org").roles("MEMBER")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        sendNow(issue);
        MimeMessage[] got = awaitMail(2);
        awaitState(issue, Issue.State.SENT);
        assertThat(byRecipient(got))
                .containsOnly(Map.entry("amal@example.org", 1L), Map.entry("bassam@example.org", 1L));
        for (MimeMessage m : got) {
            assertThat(m.getSubject()).isEqualTo("Morning: Aden reopens");
            assertThat(m.getContentType()).startsWith("multipart/alternative");
            assertThat(part(m, "text/plain"))
                    .contains("Good morning. Three things today.")
                    .contains("Aden port reopens");
            assertThat(part(m, "text/html"))
                    .contains("<strong>Three</strong>")
                    .contains("http://localhost:8080/news/aden-port-reopens");
            String unsubscribe = m.getHeader("List-Unsubscribe", null);
            assertThat(unsubscribe)
                    .matches("<http://localhost:8080/newsletters/unsubscribe\\?token=[A-Za-z0-9_-]{43}>");
            assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            String url = unsubscribe.substring(1, unsubscribe.length() - 1);
            assertThat(part(m, "text/html")).contains(url);
            assertThat(part(m, "text/plain")).contains(url);
            long userId = jdbc.sql("SELECT id FROM users WHERE email = :e")
                    .param("e", m.getAllRecipients()[0].toString())
                    .query(Long.class)
                    .single();
            assertThat(m.getMessageID()).isEqualTo("<newsletter." + issue + "." + userId + "@localhost>");
            assertThat(m.getFrom()[0].toString()).contains("desk@sitrep.example");
        }
        // Each recipient has their own link.
        assertThat(got[0].getHeader("List-Unsubscribe", null)).isNotEqualTo(got[1].getHeader("List-Unsubscribe", null));
        assertThat(jdbc.sql("SELECT state, COUNT(*) FROM newsletter_sends WHERE issue_id = :i GROUP BY state")
                        .param("i", issue)
                        .query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list())
                .containsExactly("SENT=2");
        String progress =
                body(mvc.perform(get("/newsroom/newsletters/issues/" + issue).with(EDITOR))
                        .andReturn());
        assertThat(org.jsoup.Jsoup.parse(progress).select("#count-sent").text()).isEqualTo("2");
        assertThat(org.jsoup.Jsoup.parse(progress).select("#count-total").text())
                .isEqualTo("2");
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'newsletter.issue.sent' AND target = :t")
                        .param("t", "issue#" + issue)
                        .query(String.class)
                        .list())
                .containsExactly("editor@sitrep.example");
        // A sent issue is history: it cannot be edited or sent again.
        assertThat(mvc.perform(post("/newsroom/newsletters/issues")
                                .with(EDITOR)
                                .with(csrf())
                                .param("id", String.valueOf(issue))
                                .param("newsletter", String.valueOf(n.id()))
                                .param("subject", "Changed"))
                        .andReturn()
                        .getFlashMap()
                        .get("error"))
                .asString()
                .contains("cannot change");
        sendNow(issue);
        Thread.sleep(700);
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
    }

    @Test
    void eachMemberReadsTheIssueInTheLanguageTheyChoseAndEnglishWhereThereIsNoTranslation() throws Exception {
        long arabic = new TestPieces(jdbc, events)
                .piece("aden-port-reopens-ar")
                .kind("NEWS")
                .headline("ميناء عدن يستقبل السفن من جديد")
                .standfirst("السفن ترسو مجددًا")
                .insert();
        jdbc.sql("UPDATE pieces SET language = 'ar', original_id = :o WHERE id = :id")
                .param("o", report)
                .param("id", arabic)
                .update();
        Newsletter n = newsletter("brief-languages", Newsletter.Access.FREE);
        long english = member("english-reader@example.org");
        long arabicReader = member("arabic-reader@example.org");
        long turkishReader = member("turkish-reader@example.org");
        newsletters.choose(english, List.of("brief-languages"));
        newsletters.choose(arabicReader, List.of("brief-languages"), Map.of("brief-languages", "ar"));
        newsletters.choose(turkishReader, List.of("brief-languages"), Map.of("brief-languages", "tr"));
        newsletters.choose(
                arabicReader, List.of("brief-languages"), Map.of("brief-languages", "<script>")); // no edition: kept
        assertThat(newsletters.choices(arabicReader))
                .filteredOn(c -> c.newsletter().id() == n.id())
                .extracting(c -> c.language().code())
                .containsExactly("ar");

        long issue = compose(n, "Morning", "Good morning.", report);
        sendNow(issue);
        MimeMessage[] got = awaitMail(3);
        awaitState(issue, Issue.State.SENT);
        Map<String, String> html = new java.util.HashMap<>();
        for (MimeMessage m : got) html.put(m.getAllRecipients()[0].toString(), part(m, "text/html"));
        assertThat(html.get("arabic-reader@example.org"))
                .contains(
                        "ميناء عدن يستقبل السفن من جديد",
                        "السفن ترسو مجددًا",
                        "http://localhost:8080/ar/news/aden-port-reopens-ar")
                .doesNotContain("Aden port reopens");
        assertThat(html.get("english-reader@example.org"))
                .contains("Aden port reopens")
                .doesNotContain("ميناء عدن");
        // No Turkish translation: the piece comes in English.
        assertThat(html.get("turkish-reader@example.org"))
                .contains("Aden port reopens", "http://localhost:8080/news/aden-port-reopens");
        jdbc.sql("UPDATE pieces SET status = 'UNPUBLISHED' WHERE id = :id")
                .param("id", arabic)
                .update();
        new TestPieces(jdbc, events).changed(arabic);
    }

    @Test
    void oneClickPostFromTheMailClientUnsubscribesWithoutSignInOrCsrf() throws Exception {
        Newsletter n = newsletter("brief-b", Newsletter.Access.FREE, "carla@example.org");
        long carla = jdbc.sql("SELECT id FROM users WHERE email = 'carla@example.org'")
                .query(Long.class)
                .single();
        sendNow(compose(n, "Evening", "Evening."));
        String header = awaitMail(1)[0].getHeader("List-Unsubscribe", null);
        String url =
                header.substring(1, header.length() - 1).replace("http://localhost:8080", "http://localhost:" + port);

        HttpClient client = HttpClient.newHttpClient();
        // A link checker opening the address unsubscribes nobody.
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Unsubscribe from").contains("List brief-b");
        assertThat(newsletters.optedIn(carla, n.id())).isTrue();
        // Forged or damaged tokens are refused.
        String forged = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(client.send(
                                HttpRequest.newBuilder(URI.create(forged))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(400);
        assertThat(newsletters.optedIn(carla, n.id())).isTrue();

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the address; no cookie, no CSRF token.
        HttpResponse<String> oneClick = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(newsletters.optedIn(carla, n.id())).isFalse();
        // Clicking again is harmless.
        assertThat(client.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        MAIL.purgeEmailFromAllMailboxes();
        long next = compose(n, "Next evening", "Again.");
        sendNow(next);
        awaitState(next, Issue.State.SENT);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(desk.find(next).orElseThrow().recipients()).isZero();
    }

    @Test
    void aPaidNewsletterReachesOnlyPayingSubscribers() throws Exception {
        Newsletter n = newsletter(
                "memo-c",
                Newsletter.Access.PAID,
                "free.member@example.org",
                "subscriber@example.org",
                "lapsed@example.org");
        long subscriber = jdbc.sql("SELECT id FROM users WHERE email = 'subscriber@example.org'")
                .query(Long.class)
                .single();
        long lapsed = jdbc.sql("SELECT id FROM users WHERE email = 'lapsed@example.org'")
                .query(Long.class)
                .single();
        subscriptions.start(subscriber, "annual", Subscriptions.State.ACTIVE, "TEST", null);
        subscriptions.move(
                subscriptions
                        .start(lapsed, "monthly", Subscriptions.State.ACTIVE, "TEST", null)
                        .id(),
                Subscriptions.State.EXPIRED);

        long issue = compose(n, "The memo", "For subscribers.", memo);
        assertThat(audience(issue))
                .startsWith("1 reader(s) would receive it now")
                .contains("only to readers with a paid subscription");
        sendNow(issue);
        awaitState(issue, Issue.State.SENT);
        MimeMessage[] got = awaitMail(1);
        Thread.sleep(500);
        assertThat(byRecipient(MAIL.getReceivedMessages())).containsOnly(Map.entry("subscriber@example.org", 1L));
        assertThat(part(got[0], "text/plain")).contains("The week in Idlib");
        assertThat(desk.find(issue).orElseThrow().recipients()).isEqualTo(1);
    }

    @Test
    void anInterruptedSendResumesAndNobodyGetsASecondCopy() throws Exception {
        Newsletter n = newsletter("tracker-d", Newsletter.Access.FREE);
        List<Long> users = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long u = member("reader" + i + "@resume.example");
            newsletters.optIn(u, n.id());
            users.add(u);
        }
        // The state a crash leaves: the issue SENDING, three delivered, one handed to SMTP but not yet
        // marked (in flight), six still queued. Written in one transaction so the scheduler sees all or nothing.
        long issue = tx.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            jdbc.sql(
                            "INSERT INTO newsletter_issues (newsletter_id, subject, intro_markdown, state, started_at, recipients, created_by, "
                                    + "created_at, updated_at) VALUES (:n, 'Resumed', 'Hello again.', 'SENDING', :now, 10, 'editor', :now, :now)")
                    .param("n", n.id())
                    .param("now", now)
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            for (int i = 0; i < 10; i++) {
                String state = i < 3 ? "SENT" : i == 3 ? "SENDING" : "QUEUED";
                jdbc.sql(
                                "INSERT INTO newsletter_sends (issue_id, user_id, state, attempt, sent_at) VALUES (:i, :u, :s, :a, :at)")
                        .param("i", id)
                        .param("u", users.get(i))
                        .param("s", state)
                        .param("a", i <= 3 ? 1 : 0)
                        .param("at", i < 3 ? now : null)
                        .update();
            }
            return id;
        });
        // No restart, no button: the scheduler finds the SENDING issue and resumes it.
        awaitState(issue, Issue.State.SENT);
        MimeMessage[] got = awaitMail(6);
        Thread.sleep(700); // anything extra would arrive now
        Map<String, Long> copies = byRecipient(MAIL.getReceivedMessages());
        assertThat(copies)
                .hasSize(6)
                .allSatisfy((who, count) -> assertThat(count).as(who).isEqualTo(1L));
        assertThat(copies.keySet())
                .containsExactlyInAnyOrder(
                        "reader4@resume.example",
                        "reader5@resume.example",
                        "reader6@resume.example",
                        "reader7@resume.example",
                        "reader8@resume.example",
                        "reader9@resume.example");
        assertThat(got).hasSize(6);
        Map<String, String> states = jdbc
                .sql("SELECT u.email, s.state FROM newsletter_sends s JOIN users u ON u.id = s.user_id "
                        + "WHERE s.issue_id = :i")
                .param("i", issue)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(states.get("reader3@resume.example"))
                .as("in flight at the crash: not resent")
                .isEqualTo("UNKNOWN");
        assertThat(states.values().stream().filter("SENT"::equals).count()).isEqualTo(9);
        assertThat(jdbc.sql("SELECT MAX(attempt) FROM newsletter_sends WHERE issue_id = :i")
                        .param("i", issue)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        String progress =
                body(mvc.perform(get("/newsroom/newsletters/issues/" + issue).with(EDITOR))
                        .andReturn());
        assertThat(progress).contains("reader3@resume.example").contains("UNKNOWN");
        assertThat(org.jsoup.Jsoup.parse(progress).select("#count-unknown").text())
                .isEqualTo("1");
        assertThat(org.jsoup.Jsoup.parse(progress).select("#progress").text()).contains("In doubt");
    }

    @Test
    void aScheduledIssueGoesOutWhenTheClockReachesItsTime() throws Exception {
        Newsletter n = newsletter("brief-e", Newsletter.Access.FREE, "dana@example.org");
        long issue = compose(n, "Scheduled", "At nine.");
        LocalDateTime at =
                LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), java.time.ZoneId.of("Asia/Beirut"));
        assertThat(mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/schedule")
                                .with(EDITOR)
                                .with(csrf())
                                .param("sendAt", at.toString()))
                        .andReturn()
                        .getFlashMap()
                        .get("notice"))
                .asString()
                .contains("Scheduled for");
        assertThat(desk.find(issue).orElseThrow().state()).isEqualTo(Issue.State.SCHEDULED);
        assertThat(desk.find(issue).orElseThrow().sendAt())
                .isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        Thread.sleep(1200); // several scheduler ticks
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(desk.find(issue).orElseThrow().state()).isEqualTo(Issue.State.SCHEDULED);
        // Times in the past are refused.
        assertThat(mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/schedule")
                                .with(EDITOR)
                                .with(csrf())
                                .param("sendAt", at.minusHours(3).toString()))
                        .andReturn()
                        .getFlashMap()
                        .get("error"))
                .asString()
                .contains("future");

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(byRecipient(awaitMail(1))).containsOnly(Map.entry("dana@example.org", 1L));
        awaitState(issue, Issue.State.SENT);
    }

    @Test
    void hostileIntroMarkupIsSanitisedInPreviewAndMail() throws Exception {
        Newsletter n = newsletter("brief-f", Newsletter.Access.FREE, "eli@example.org");
        String hostile = "Hello <script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(2)) "
                + "<iframe src=\"https://evil.example\"></iframe> <a href=\"https://example.org/ok\" onclick=\"steal()\">fine link</a>";
        long issue = compose(n, "Subject <b>with</b> markup", hostile);
        String preview = body(mvc.perform(get("/newsroom/newsletters/issues/" + issue + "/preview")
                        .with(EDITOR))
                .andReturn());
        for (String html : List.of(preview)) {
            assertThat(html.toLowerCase())
                    .doesNotContain("<script")
                    .doesNotContain("onerror")
                    .doesNotContain("javascript:")
                    .doesNotContain("<iframe")
                    .doesNotContain("onclick");
            assertThat(html)
                    .contains("href=\"https://example.org/ok\"")
                    .contains("Subject &lt;b&gt;with&lt;/b&gt; markup");
        }
        sendNow(issue);
        MimeMessage m = awaitMail(1)[0];
        String html = part(m, "text/html").toLowerCase();
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("onerror")
                .doesNotContain("javascript:")
                .doesNotContain("<iframe")
                .doesNotContain("onclick")
                .contains("https://example.org/ok");
        assertThat(part(m, "text/plain")).doesNotContain("alert('x')").contains("fine link");
        assertThat(m.getSubject()).isEqualTo("Subject <b>with</b> markup"); // a subject is text, shown as text
    }

    @Test
    void aRecipientTheServerCannotTakeIsRecordedAndTheSendGoesOn() throws Exception {
        Newsletter n = newsletter(
                "brief-g", Newsletter.Access.FREE, "first@example.org", "broken address@@example", "last@example.org");
        long issue = compose(n, "Carry on", "Carry on.");
        sendNow(issue);
        awaitState(issue, Issue.State.SENT);
        assertThat(byRecipient(awaitMail(2))).containsOnlyKeys("first@example.org", "last@example.org");
        IssueDesk.Progress p = desk.progress(issue);
        assertThat(p.sent()).isEqualTo(2);
        assertThat(p.failed()).isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT error FROM newsletter_sends s JOIN users u ON u.id = s.user_id WHERE s.issue_id = :i AND "
                                        + "u.email = 'broken address@@example'")
                        .param("i", issue)
                        .query(String.class)
                        .single())
                .startsWith("invalid address");
    }

    @Test
    void whoLeftAfterTheSendBeganIsSkippedAtTheMomentOfSending() throws Exception {
        Newsletter free = newsletter(
                "brief-h", Newsletter.Access.FREE, "stays@example.org", "leaves@example.org", "closed@example.org");
        long leaves = jdbc.sql("SELECT id FROM users WHERE email = 'leaves@example.org'")
                .query(Long.class)
                .single();
        long closed = jdbc.sql("SELECT id FROM users WHERE email = 'closed@example.org'")
                .query(Long.class)
                .single();
        long issue = compose(free, "After the start", "Hello.");
        // The send has begun (all three are in its log) when one reader opts out and another account is
        // disabled; one transaction, so the postman cannot slip in between.
        tx.executeWithoutResult(status -> {
            assertThat(desk.start(issue)).isTrue();
            assertThat(newsletters.optOut(leaves, free.id())).isTrue();
            jdbc.sql("UPDATE users SET enabled = FALSE WHERE id = :u")
                    .param("u", closed)
                    .update();
        });
        assertThat(desk.find(issue).orElseThrow().recipients()).isEqualTo(3);
        awaitState(issue, Issue.State.SENT);
        awaitMail(1);
        Thread.sleep(500); // anything extra would arrive now
        assertThat(byRecipient(MAIL.getReceivedMessages())).containsOnly(Map.entry("stays@example.org", 1L));
        IssueDesk.Progress p = desk.progress(issue);
        assertThat(p.sent()).isEqualTo(1);
        assertThat(p.skipped()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT error FROM newsletter_sends WHERE issue_id = :i AND user_id = :u")
                        .param("i", issue)
                        .param("u", leaves)
                        .query(String.class)
                        .single())
                .isEqualTo(SendLog.LEFT);
        assertThat(org.jsoup.Jsoup.parse(body(mvc.perform(get("/newsroom/newsletters/issues/" + issue)
                                        .with(EDITOR))
                                .andReturn()))
                        .select("#count-skipped")
                        .text())
                .isEqualTo("2");

        // A paid newsletter: a subscription that lapses after the start stops the copy too.
        MAIL.purgeEmailFromAllMailboxes();
        Newsletter paid = newsletter("memo-h", Newsletter.Access.PAID, "pays@example.org", "lapses@example.org");
        long pays = jdbc.sql("SELECT id FROM users WHERE email = 'pays@example.org'")
                .query(Long.class)
                .single();
        long lapses = jdbc.sql("SELECT id FROM users WHERE email = 'lapses@example.org'")
                .query(Long.class)
                .single();
        subscriptions.start(pays, "annual", Subscriptions.State.ACTIVE, "TEST", null);
        long lapsing = subscriptions
                .start(lapses, "monthly", Subscriptions.State.ACTIVE, "TEST", null)
                .id();
        long memoIssue = compose(paid, "Paid, after the start", "For subscribers.", memo);
        tx.executeWithoutResult(status -> {
            assertThat(desk.start(memoIssue)).isTrue();
            subscriptions.move(lapsing, Subscriptions.State.EXPIRED);
        });
        assertThat(desk.find(memoIssue).orElseThrow().recipients()).isEqualTo(2);
        awaitState(memoIssue, Issue.State.SENT);
        awaitMail(1);
        Thread.sleep(500);
        assertThat(byRecipient(MAIL.getReceivedMessages())).containsOnly(Map.entry("pays@example.org", 1L));
        assertThat(desk.progress(memoIssue).skipped()).isEqualTo(1);
    }

    @Test
    void theMailLooksLikeThePublicationWithinMailClientLimits() throws Exception {
        TestPieces fixture = new TestPieces(jdbc, events);
        long photo = fixture.photo("mail-photo", "Ships at the quay", "Wire", "Cranes unload a ship at Aden's quay");
        long bare = fixture.photo("mail-bare", "", "Wire", "");
        long withPhoto = fixture.piece("ships-return")
                .kind("ANALYSIS")
                .section("Yemen")
                .headline("Why the ships returned")
                .standfirst("Insurance fell first")
                .photo(photo)
                .insert();
        long withBarePhoto = fixture.piece("quiet-front")
                .kind("NEWS")
                .headline("A quiet front")
                .photo(bare)
                .insert();
        Newsletter n = newsletter("brief-look", Newsletter.Access.FREE, "looks@example.org");
        long issue = compose(
                n,
                "Morning: ships return",
                "Hello. [Our memo](/memos/the-week-in-idlib) is out.\n\n- one\n- two",
                withPhoto,
                withBarePhoto,
                report);
        sendNow(issue);
        MimeMessage m = awaitMail(1)[0];
        String html = part(m, "text/html");
        org.jsoup.nodes.Document mail = org.jsoup.Jsoup.parse(html);

        // Masthead: the publication's name, the newsletter and the date, as text (dark mode inverts no logo).
        assertThat(mail.select(".masthead .site-name").text()).isEqualTo("Sitrep");
        assertThat(mail.select(".masthead .newsletter-name").text()).startsWith("List brief-look ·");
        assertThat(mail.select("meta[name=color-scheme]").attr("content")).isEqualTo("light");
        // Layout in tables; no style sheets, scripts, event handlers or forms: all a mail client keeps.
        assertThat(mail.select("table[role=presentation]")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(mail.select("table.column").attr("width")).isEqualTo("600");
        assertThat(mail.select("style, link, script, form, iframe, object")).isEmpty();
        assertThat(mail.getAllElements().stream()
                        .flatMap(e -> e.attributes().asList().stream())
                        .map(a -> a.getKey())
                        .filter(k -> k.startsWith("on")))
                .isEmpty();
        assertThat(mail.select("div, p, h1, h2, a, td").stream()
                        .filter(e -> !e.hasAttr("style"))
                        .map(e -> e.tagName() + " " + e.text()))
                .as("every block, heading, cell and link carries its own style")
                .isEmpty();
        // Every cell that holds text has its own background, so a client's dark mode cannot leave dark text on dark.
        assertThat(mail.select("td").stream()
                        .filter(td -> !td.ownText().isBlank()
                                || !td.select("> p, > h1, > h2, > div").isEmpty())
                        .filter(td -> !td.attr("style").contains("background-color") || !td.hasAttr("bgcolor")))
                .isEmpty();
        // The pieces: kickers, photos with alt text and absolute addresses, absolute links.
        assertThat(mail.select(".piece .kicker").eachText()).containsExactly("Analysis · Yemen", "News", "News");
        assertThat(mail.select("img")).hasSize(2).allSatisfy(img -> {
            assertThat(img.attr("src")).startsWith("http://localhost:8080/media/");
            assertThat(img.attr("alt")).isNotBlank();
            assertThat(img.attr("width")).matches("\\d+");
            assertThat(img.attr("style")).contains("max-width").contains("height:auto");
        });
        assertThat(mail.select("img").get(0).attr("alt")).isEqualTo("Cranes unload a ship at Aden's quay");
        assertThat(mail.select("img").get(0).attr("src")).isEqualTo("http://localhost:8080/media/mail-photo-960.jpg");
        assertThat(mail.select("img").get(1).attr("alt"))
                .as("no alt text or caption: the headline")
                .isEqualTo("A quiet front");
        assertThat(mail.select("a[href]").eachAttr("href"))
                .allSatisfy(href -> assertThat(href).matches("https?://.+"));
        assertThat(mail.select(".intro a").attr("href")).isEqualTo("http://localhost:8080/memos/the-week-in-idlib");
        assertThat(mail.select("a.web-view").attr("href"))
                .isEqualTo("http://localhost:8080/newsletters/issues/" + issue);
        // The plain-text part says the same.
        String text = part(m, "text/plain");
        assertThat(text)
                .contains("ANALYSIS · YEMEN")
                .contains("Why the ships returned")
                .contains("http://localhost:8080/analysis/ships-return")
                .contains("http://localhost:8080/newsletters/issues/" + issue)
                .doesNotContain("<");

        // The editor's preview shows it as the mail does: its own policy allows the inline styles, still no script.
        var preview = mvc.perform(get("/newsroom/newsletters/issues/" + issue + "/preview")
                        .with(EDITOR))
                .andReturn()
                .getResponse();
        assertThat(preview.getHeader("Content-Security-Policy"))
                .contains("style-src 'unsafe-inline'")
                .contains("default-src 'none'")
                .doesNotContain("script");
    }

    @Test
    void sendingCancellingAndDeletingAskFirst() throws Exception {
        Newsletter n = newsletter("brief-ask", Newsletter.Access.FREE, "asked@example.org");
        long issue = compose(n, "Ask first", "Hello.");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(
                body(mvc.perform(get("/newsroom/newsletters/issues/" + issue).with(EDITOR))
                        .andReturn()));
        assertThat(page.select("form:has(#send-now)").attr("data-confirm")).contains("1 reader(s)");
        assertThat(page.select("form:has(#delete-issue)").attr("data-confirm")).contains("Delete");
        assertThat(page.select("script[src=/desk/confirm.js]")).hasSize(1);
        // Without script the button leads to a question; nothing is sent.
        var asked = mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/send")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn();
        org.jsoup.nodes.Document question = org.jsoup.Jsoup.parse(body(asked));
        assertThat(question.select("#question").text()).contains("Ask first").contains("1 reader(s)");
        assertThat(question.select("form input[name=confirmed]").val()).isEqualTo("yes");
        Thread.sleep(500);
        assertThat(desk.find(issue).orElseThrow().state()).isEqualTo(Issue.State.DRAFT);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        // Unschedule asks too.
        desk.schedule(issue, clock.instant().plusSeconds(3600));
        assertThat(org.jsoup.Jsoup.parse(body(mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/unschedule")
                                        .with(EDITOR)
                                        .with(csrf()))
                                .andReturn()))
                        .select("#question")
                        .text())
                .contains("Cancel the scheduled send");
        assertThat(desk.find(issue).orElseThrow().state()).isEqualTo(Issue.State.SCHEDULED);
        mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/unschedule")
                .param("confirmed", "yes")
                .with(EDITOR)
                .with(csrf()));
        assertThat(desk.find(issue).orElseThrow().state()).isEqualTo(Issue.State.DRAFT);
        // Delete: asked, then done; a sent issue cannot be deleted.
        mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/delete")
                .with(EDITOR)
                .with(csrf()));
        assertThat(desk.find(issue)).isPresent();
        mvc.perform(post("/newsroom/newsletters/issues/" + issue + "/delete")
                .param("confirmed", "yes")
                .with(EDITOR)
                .with(csrf()));
        assertThat(desk.find(issue)).isEmpty();
        long sent = compose(n, "Sent and kept", "Hello.");
        sendNow(sent);
        awaitState(sent, Issue.State.SENT);
        assertThat(mvc.perform(post("/newsroom/newsletters/issues/" + sent + "/delete")
                                .param("confirmed", "yes")
                                .with(EDITOR)
                                .with(csrf()))
                        .andReturn()
                        .getFlashMap()
                        .get("error"))
                .asString()
                .contains("cannot be deleted");
        assertThat(desk.find(sent)).isPresent();
    }

    @Test
    void theArchiveShowsSentIssuesAndPaidTextOnlyToWhoMayReadIt() throws Exception {
        Newsletter free = newsletter("brief-arch", Newsletter.Access.FREE, "arch.free@example.org");
        Newsletter paid = newsletter("memo-arch", Newsletter.Access.PAID, "arch.subscriber@example.org");
        long subscriber = jdbc.sql("SELECT id FROM users WHERE email = 'arch.subscriber@example.org'")
                .query(Long.class)
                .single();
        subscriptions.start(subscriber, "annual", Subscriptions.State.ACTIVE, "TEST", null);
        String secretPiece = "PAID-BODY-SECRET-" + System.nanoTime();
        long paidPiece = new TestPieces(jdbc, events)
                .piece("arch-paid-" + System.nanoTime())
                .kind("MEMO")
                .headline("The paid memo")
                .standfirst("Its standfirst is public")
                .access("PAID")
                .body("<p>Opening.</p><p>Second.</p><p>" + secretPiece + "</p>")
                .insert();
        long freeIssue = compose(free, "Free issue in the archive", "A free note.", paidPiece);
        long paidIssue = compose(paid, "Paid issue in the archive", "PAID-NOTE-SECRET for subscribers.", paidPiece);
        long draft = compose(free, "A draft nobody sees", "Not yet.");
        sendNow(freeIssue);
        sendNow(paidIssue);
        awaitState(freeIssue, Issue.State.SENT);
        awaitState(paidIssue, Issue.State.SENT);

        org.jsoup.nodes.Document list =
                org.jsoup.Jsoup.parse(body(mvc.perform(get("/newsletters")).andReturn()));
        assertThat(list.select(".issue-list a").eachAttr("href"))
                .contains("/newsletters/issues/" + freeIssue, "/newsletters/issues/" + paidIssue)
                .doesNotContain("/newsletters/issues/" + draft);
        assertThat(mvc.perform(get("/newsletters/issues/" + draft))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/newsletters/issues/not-a-number"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/newsletters").param("page", "-3"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        String freePage =
                body(mvc.perform(get("/newsletters/issues/" + freeIssue)).andReturn());
        assertThat(freePage)
                .contains("A free note.")
                .contains("The paid memo")
                .contains("Its standfirst is public")
                .doesNotContain(secretPiece)
                .doesNotContain("Opening.");
        // A paid newsletter's note: the paywall's rule for paid pieces decides, as on the site.
        String anonymous =
                body(mvc.perform(get("/newsletters/issues/" + paidIssue)).andReturn());
        assertThat(anonymous)
                .doesNotContain("PAID-NOTE-SECRET")
                .doesNotContain(secretPiece)
                .contains("id=\"paywall-offer\"")
                .contains("The paid memo");
        String freeMember = body(mvc.perform(get("/newsletters/issues/" + paidIssue)
                        .with(user("arch.free@example.org").roles("MEMBER")))
                .andReturn());
        assertThat(freeMember).doesNotContain("PAID-NOTE-SECRET").contains("id=\"paywall-offer\"");
        var forSubscriber = mvc.perform(get("/newsletters/issues/" + paidIssue)
                        .with(user("arch.subscriber@example.org").roles("MEMBER")))
                .andReturn();
        assertThat(body(forSubscriber))
                .contains("PAID-NOTE-SECRET")
                .doesNotContain("id=\"paywall-offer\"")
                .doesNotContain(secretPiece);
        assertThat(forSubscriber.getResponse().getHeader("Cache-Control")).contains("private");
    }

    @Test
    void membersChooseNewslettersWhenJoiningAndOnTheirAccount() throws Exception {
        WebSession web = new WebSession(port);
        String join = web.get("/join").body();
        assertThat(join)
                .contains("Daily Brief")
                .contains("Conflict Tracker")
                .contains("Weekly Memo")
                .contains("subscribers only");
        assertThat(org.jsoup.Jsoup.parse(join).select("input[name=newsletter][checked]"))
                .as("nothing ticked for the reader")
                .isEmpty();
        web.post("/join", "/join", Map.of("email", "joiner@example.org", "newsletter", "daily-brief"));
        Matcher link = Pattern.compile("/signin/link\\?token=([A-Za-z0-9_-]+)")
                .matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(awaitMail(1)[0])
                        .replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        web.post("/signin/link?token=" + link.group(1), "/signin/link", Map.of("token", link.group(1)));
        long joiner = jdbc.sql("SELECT id FROM users WHERE email = 'joiner@example.org'")
                .query(Long.class)
                .single();
        long daily = newsletters.bySlug("daily-brief").orElseThrow().id();
        long weekly = newsletters.bySlug("weekly-memo").orElseThrow().id();
        assertThat(newsletters.chosenIds(joiner)).containsExactly(daily);

        String account = web.get("/account").body();
        assertThat(org.jsoup.Jsoup.parse(account)
                        .select("#newsletter-daily-brief")
                        .hasAttr("checked"))
                .isTrue();
        web.post("/account", "/account/newsletters", Map.of("newsletter", "weekly-memo"));
        assertThat(newsletters.chosenIds(joiner)).containsExactly(weekly);
        assertThat(web.get("/account").body()).contains("a paid newsletter reaches you only with a paid subscription");
        // The language of each newsletter (newsletters per edition); a code that is no edition's changes nothing.
        web.post("/account", "/account/newsletters", Map.of("newsletter", "weekly-memo", "language-weekly-memo", "tr"));
        assertThat(org.jsoup.Jsoup.parse(web.get("/account").body())
                        .select("#language-weekly-memo option[selected]")
                        .val())
                .isEqualTo("tr");
        web.post("/account", "/account/newsletters", Map.of("newsletter", "weekly-memo", "language-weekly-memo", "xx"));
        assertThat(org.jsoup.Jsoup.parse(web.get("/account").body())
                        .select("#language-weekly-memo option[selected]")
                        .val())
                .isEqualTo("tr");
        assertThat(web.get("/account/export").body())
                .contains("\"newsletter\" : \"Weekly Memo\"")
                .doesNotContain("Daily Brief");
        // Unsigned requests cannot change anyone's choices.
        assertThat(new WebSession(port)
                        .postRaw("/account/newsletters", Map.of("newsletter", "daily-brief"))
                        .statusCode())
                .isIn(302, 403);
    }

    @Test
    void administratorsManageTheNewslettersAndEditorsCannot() throws Exception {
        RequestPostProcessor admin = user("admin@sitrep.example").roles("ADMIN");
        assertThat(body(mvc.perform(get("/admin/newsletters").with(admin)).andReturn()))
                .contains("Daily Brief")
                .contains("Conflict Tracker")
                .contains("Weekly Memo");
        assertThat(mvc.perform(get("/admin/newsletters").with(EDITOR))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        mvc.perform(post("/admin/newsletters")
                .with(admin)
                .with(csrf())
                .param("slug", "gulf-watch")
                .param("name", "Gulf Watch")
                .param("description", "Shipping and strikes in the Gulf.")
                .param("access", "PAID")
                .param("active", "true"));
        Newsletter gulf = newsletters.bySlug("gulf-watch").orElseThrow();
        assertThat(gulf.paid()).isTrue();
        assertThat(gulf.active()).isTrue();
        assertThat(mvc.perform(post("/admin/newsletters")
                                .with(admin)
                                .with(csrf())
                                .param("slug", "Bad Slug!")
                                .param("name", "X")
                                .param("access", "FREE"))
                        .andReturn()
                        .getFlashMap()
                        .get("error"))
                .asString()
                .contains("slug");
        assertThat(mvc.perform(post("/admin/newsletters")
                                .with(admin)
                                .with(csrf())
                                .param("slug", "daily-brief")
                                .param("name", "Dup")
                                .param("access", "FREE"))
                        .andReturn()
                        .getFlashMap()
                        .get("error"))
                .asString()
                .contains("Another newsletter");
        mvc.perform(post("/admin/newsletters")
                .with(admin)
                .with(csrf())
                .param("id", String.valueOf(gulf.id()))
                .param("slug", "gulf-watch")
                .param("name", "Gulf Watch")
                .param("description", "")
                .param("access", "FREE"));
        assertThat(newsletters.bySlug("gulf-watch").orElseThrow().active()).isFalse();
        assertThat(newsletters.offered()).extracting(Newsletter::slug).doesNotContain("gulf-watch");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'newsletter.%' AND target = :t")
                        .param("t", "newsletter#" + gulf.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(mvc.perform(post("/admin/newsletters")
                                .with(admin)
                                .param("slug", "no-csrf")
                                .param("name", "X")
                                .param("access", "FREE"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
