package org.sitrep.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.members.Subscriptions;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Stripe webhooks with real Stripe-format payloads signed with a test secret: applied once,
 * replays and forgeries refused with 400 and no change, the state machine followed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.stripe.webhook-secret=" + StripeWebhooksContract.SECRET,
            "sitrep.stripe.secret-key=sk_test_standin"
        })
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StripeWebhooksContract {
    static final String SECRET = "whsec_test_4eC39HqLyjWDarjtT1zdp7dc";
    static final StripeStandIn STRIPE = new StripeStandIn();

    static void stripe(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("sitrep.stripe.api-base", STRIPE::base);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    org.sitrep.members.MagicLinks links;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    long reader;

    @BeforeAll
    void seed() {
        jdbc.sql(
                        "INSERT INTO users (email, display_name, role, enabled, created_at) VALUES ('stripe.reader@example.org', 'Payer', 'MEMBER', TRUE, :t)")
                .param("t", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .update();
        reader = jdbc.sql("SELECT id FROM users WHERE email = 'stripe.reader@example.org'")
                .query(Long.class)
                .single();
    }

    @BeforeEach
    void now() {
        clock.set(TestClockConfig.START);
    }

    static String event(String id, String type, String object) {
        return event(id, type, 1772452800L, object);
    }

    static String event(String id, String type, long created, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"created\":" + created
                + ","
                + "\"data\":{\"object\":" + object + "},\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\"}";
    }

    String signature(String payload, Instant at, String secret) throws Exception {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + payload);
    }

    ResponseEntity<String> deliver(String payload, String signature) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) h.set("Stripe-Signature", signature);
        return http.postForEntity("/webhooks/stripe", new HttpEntity<>(payload, h), String.class);
    }

    ResponseEntity<String> deliver(String payload) throws Exception {
        return deliver(payload, signature(payload, clock.instant(), SECRET));
    }

    Subscriptions.Subscription current() {
        return subscriptions.current(reader).orElseThrow();
    }

    long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aSubscriptionLivesThroughItsWebhooksAndEachEventCountsOnce() throws Exception {
        String checkout = event(
                "evt_checkout_1",
                "checkout.session.completed",
                "{\"id\":\"cs_test_a1\",\"object\":\"checkout.session\","
                        + "\"client_reference_id\":\"" + reader
                        + "\",\"customer\":\"cus_T1\",\"subscription\":\"sub_T1\","
                        + "\"mode\":\"subscription\",\"payment_status\":\"paid\",\"status\":\"complete\",\"metadata\":{\"plan\":\"annual\"}}");
        assertThat(deliver(checkout).getStatusCode().value()).isEqualTo(200);
        assertThat(current().state()).isEqualTo(Subscriptions.State.ACTIVE);
        assertThat(current().planCode()).isEqualTo("annual");
        long subscriptionsBefore = rows("subscriptions");

        // The same event again (Stripe retries; an attacker replays): answered, nothing changes.
        ResponseEntity<String> again = deliver(checkout);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo("duplicate");
        assertThat(rows("subscriptions")).isEqualTo(subscriptionsBefore);

        long periodEnd = TestClockConfig.START.plus(Duration.ofDays(30)).getEpochSecond();
        deliver(event(
                "evt_failed_1",
                "invoice.payment_failed",
                "{\"id\":\"in_1\",\"object\":\"invoice\",\"subscription\":\"sub_T1\"}"));
        assertThat(current().state()).isEqualTo(Subscriptions.State.PAST_DUE);
        deliver(event(
                "evt_upd_1",
                "customer.subscription.updated",
                "{\"id\":\"sub_T1\",\"object\":\"subscription\",\"status\":\"active\","
                        + "\"cancel_at_period_end\":false,\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_1\",\"current_period_end\":"
                        + periodEnd + "}]}}"));
        assertThat(current().state()).isEqualTo(Subscriptions.State.ACTIVE);
        assertThat(current().currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(periodEnd));
        deliver(event(
                "evt_upd_2",
                "customer.subscription.updated",
                "{\"id\":\"sub_T1\",\"object\":\"subscription\",\"status\":\"active\","
                        + "\"cancel_at_period_end\":true,\"current_period_end\":" + periodEnd + "}"));
        assertThat(current().state()).isEqualTo(Subscriptions.State.CANCELED);
        deliver(event(
                "evt_del_1",
                "customer.subscription.deleted",
                "{\"id\":\"sub_T1\",\"object\":\"subscription\",\"status\":\"canceled\"}"));
        assertThat(current().state()).isEqualTo(Subscriptions.State.EXPIRED);

        // A late "active" after the end cannot revive it.
        ResponseEntity<String> late = deliver(
                event(
                        "evt_upd_late",
                        "customer.subscription.updated",
                        "{\"id\":\"sub_T1\",\"object\":\"subscription\",\"status\":\"active\",\"cancel_at_period_end\":false}"));
        assertThat(late.getStatusCode().value()).isEqualTo(200);
        assertThat(current().state()).isEqualTo(Subscriptions.State.EXPIRED);
    }

    @Test
    void forgedStaleAndUnsignedWebhooksAreRefusedAndChangeNothing() throws Exception {
        String forged = event(
                "evt_forged_1",
                "checkout.session.completed",
                "{\"id\":\"cs_x\",\"object\":\"checkout.session\"," + "\"client_reference_id\":\"" + reader
                        + "\",\"customer\":\"cus_X\",\"subscription\":\"sub_FORGED\",\"metadata\":{\"plan\":\"annual\"}}");
        long subs = rows("subscriptions");
        long events = rows("payment_events");

        assertThat(deliver(forged, signature(forged, clock.instant(), "whsec_not_the_secret"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(deliver(forged, null).getStatusCode().value()).isEqualTo(400);
        assertThat(deliver(forged, "t=garbage,v1=zzz").getStatusCode().value()).isEqualTo(400);
        // Signed with the right secret, but for other bytes.
        String signedOther = signature(forged.replace("sub_FORGED", "sub_OTHER"), clock.instant(), SECRET);
        assertThat(deliver(forged, signedOther).getStatusCode().value()).isEqualTo(400);
        // Rightly signed but captured ten minutes ago: outside the replay window.
        assertThat(deliver(forged, signature(forged, clock.instant().minus(Duration.ofMinutes(10)), SECRET))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        // Malformed bodies, even when signed.
        String junk = "{not json";
        assertThat(deliver(junk, signature(junk, clock.instant(), SECRET))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        assertThat(rows("subscriptions")).isEqualTo(subs);
        assertThat(rows("payment_events")).isEqualTo(events);
    }

    @Test
    void aReaderIsSentToStripeCheckoutWithTheirIdAndThePlanAndToThePortalAfterwards() throws Exception {
        org.sitrep.testsupport.WebSession web = new org.sitrep.testsupport.WebSession(port);
        String token = links.issue("checkout.reader@example.org", "Checkout Reader");
        web.post("/signin/link?token=" + token, "/signin/link", java.util.Map.of("token", token));
        long id = jdbc.sql("SELECT id FROM users WHERE email = 'checkout.reader@example.org'")
                .query(Long.class)
                .single();

        assertThat(web.get("/subscribe").body()).contains("Subscribe to Annual").doesNotContain("test payment");
        var go = web.post("/subscribe", "/subscribe/checkout", java.util.Map.of("plan", "annual"));
        assertThat(go.statusCode()).isEqualTo(302);
        assertThat(go.headers().firstValue("Location").orElse(""))
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_test_standin");
        StripeStandIn.Request sent = STRIPE.requests.stream()
                .filter(r -> r.path().equals("/v1/checkout/sessions"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(sent.authorization()).isEqualTo("Bearer sk_test_standin");
        assertThat(sent.body())
                .contains("subscription_data[metadata][reader]=" + id)
                .contains("subscription_data[metadata][plan]=annual");
        assertThat(sent.body())
                .contains("mode=subscription")
                .contains("client_reference_id=" + id)
                .contains("metadata[plan]=annual")
                .contains("[unit_amount]=10000")
                .contains("[recurring][interval]=year")
                .contains("[currency]=usd")
                .contains("customer_email=checkout.reader@example.org");

        // The webhook then makes the subscription, and the portal opens for its customer.
        String completed = event(
                "evt_checkout_portal",
                "checkout.session.completed",
                "{\"id\":\"cs_test_standin\",\"object\":\"checkout.session\"," + "\"client_reference_id\":\"" + id
                        + "\",\"customer\":\"cus_PORTAL\",\"subscription\":\"sub_PORTAL\",\"metadata\":{\"plan\":\"annual\"}}");
        assertThat(deliver(completed).getStatusCode().value()).isEqualTo(200);
        var portal = web.post("/account", "/account/billing", java.util.Map.of());
        assertThat(portal.headers().firstValue("Location").orElse(""))
                .isEqualTo("https://billing.stripe.com/p/session/test_standin");
        assertThat(STRIPE.requests).anySatisfy(r -> assertThat(r.body()).contains("customer=cus_PORTAL"));

        // A plan that is not offered never reaches Stripe.
        int before = STRIPE.requests.size();
        assertThat(web.post("/subscribe", "/subscribe/checkout", java.util.Map.of("plan", "free-forever"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/subscribe");
        assertThat(STRIPE.requests).hasSize(before);
    }

    @Test
    void stripeCheckoutSendsTheReaderBackToThePageTheyWereOnAndNeverOffTheSite() {
        org.sitrep.testsupport.WebSession web = new org.sitrep.testsupport.WebSession(port);
        String token = links.issue("returning.reader@example.org", "Returning Reader");
        web.post("/signin/link?token=" + token, "/signin/link", java.util.Map.of("token", token));
        web.post(
                "/subscribe?next=%2Fnews%2Ftruce-holds",
                "/subscribe/checkout", java.util.Map.of("plan", "annual", "next", "/news/truce-holds"));
        StripeStandIn.Request sent = STRIPE.requests.stream()
                .filter(r -> r.path().equals("/v1/checkout/sessions"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(sent.body())
                .containsPattern("success_url=https?://[^/&]+/news/truce-holds(&|$)")
                .containsPattern("cancel_url=https?://[^/&]+/subscribe\\?next=%2Fnews%2Ftruce-holds");
        for (String attack : java.util.List.of("//evil.example", "https://evil.example", "/\\evil.example")) {
            web.post("/subscribe", "/subscribe/checkout", java.util.Map.of("plan", "annual", "next", attack));
            StripeStandIn.Request last = STRIPE.requests.stream()
                    .filter(r -> r.path().equals("/v1/checkout/sessions"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(last.body())
                    .as(attack)
                    .containsPattern("success_url=https?://[^/&]+/account\\?checkout=done")
                    .doesNotContain("evil.example");
        }
    }

    // ---- Out of order, late, twice: one state machine (issue 12, item 6). Times are Stripe's "created" seconds.

    static final long T0 = 1772452800L;

    long newReader(String email) {
        jdbc.sql(
                        "INSERT INTO users (email, display_name, role, enabled, created_at) VALUES (:e, 'Payer', 'MEMBER', TRUE, :t)")
                .param("e", email)
                .param("t", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT id FROM users WHERE email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    Subscriptions.Subscription currentOf(long user) {
        return subscriptions.current(user).orElseThrow();
    }

    static String checkoutFor(String eventId, long user, String sub, String plan) {
        return event(
                eventId,
                "checkout.session.completed",
                T0,
                "{\"id\":\"cs_" + eventId + "\",\"object\":\"checkout.session\","
                        + "\"client_reference_id\":\"" + user + "\",\"customer\":\"cus_" + sub
                        + "\",\"subscription\":\"" + sub + "\","
                        + "\"mode\":\"subscription\",\"payment_status\":\"paid\",\"status\":\"complete\",\"metadata\":{\"plan\":\""
                        + plan + "\"}}");
    }

    /** A customer.subscription.* snapshot; {@code metadata} is the subscription's own (empty for dashboard-made ones). */
    static String subscription(String sub, String status, boolean cancelAtPeriodEnd, long periodEnd, String metadata) {
        return "{\"id\":\"" + sub + "\",\"object\":\"subscription\",\"customer\":\"cus_" + sub + "\",\"status\":\""
                + status + "\","
                + "\"cancel_at_period_end\":" + cancelAtPeriodEnd + ",\"metadata\":" + metadata + ","
                + "\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_" + sub + "\",\"current_period_end\":"
                + periodEnd + "}]}}";
    }

    String outcome(String eventId) {
        return jdbc.sql("SELECT outcome FROM payment_events WHERE event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .single();
    }

    String note(String eventId) {
        return jdbc.sql("SELECT note FROM payment_events WHERE event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .single();
    }

    @Test
    void anOlderUpdateDeliveredAfterANewerOneChangesNothing() throws Exception {
        long user = newReader("older.update@example.org");
        assertThat(deliver(checkoutFor("evt_o_checkout", user, "sub_O1", "monthly"))
                        .getBody())
                .isEqualTo("applied");
        long newerEnd = T0 + 60 * 86400, olderEnd = T0 + 30 * 86400;
        assertThat(deliver(event(
                                "evt_o_new",
                                "customer.subscription.updated",
                                T0 + 120,
                                subscription("sub_O1", "active", false, newerEnd, "{}")))
                        .getBody())
                .isEqualTo("applied");
        assertThat(currentOf(user).currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(newerEnd));

        // Stripe retried an earlier event late: its period end and its cancellation are history.
        ResponseEntity<String> late = deliver(event(
                "evt_o_old",
                "customer.subscription.updated",
                T0 + 60,
                subscription("sub_O1", "active", true, olderEnd, "{}")));
        assertThat(late.getStatusCode().value()).isEqualTo(200);
        assertThat(late.getBody()).isEqualTo("stale");
        assertThat(currentOf(user).currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(newerEnd));
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.ACTIVE);
        assertThat(outcome("evt_o_old")).isEqualTo("STALE");
        // A payment failure older than the snapshot applied is history too.
        assertThat(deliver(event(
                                "evt_o_fail_old",
                                "invoice.payment_failed",
                                T0 + 90,
                                "{\"id\":\"in_o\",\"object\":\"invoice\",\"subscription\":\"sub_O1\"}"))
                        .getBody())
                .isEqualTo("stale");
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.ACTIVE);
    }

    @Test
    void aResumedSubscriptionIsNotCancelledAgainByALateCancellation() throws Exception {
        long user = newReader("resumed@example.org");
        long end = T0 + 30 * 86400;
        deliver(checkoutFor("evt_r_checkout", user, "sub_R1", "monthly"));
        deliver(event(
                "evt_r_cancel",
                "customer.subscription.updated",
                T0 + 100,
                subscription("sub_R1", "active", true, end, "{}")));
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.CANCELED);
        deliver(event(
                "evt_r_resume",
                "customer.subscription.updated",
                T0 + 300,
                subscription("sub_R1", "active", false, end, "{}")));
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.ACTIVE);

        // The first cancellation's retry, and an older one, arrive after the resume.
        assertThat(deliver(event(
                                "evt_r_cancel",
                                "customer.subscription.updated",
                                T0 + 100,
                                subscription("sub_R1", "active", true, end, "{}")))
                        .getBody())
                .isEqualTo("duplicate");
        assertThat(deliver(event(
                                "evt_r_cancel_b",
                                "customer.subscription.updated",
                                T0 + 200,
                                subscription("sub_R1", "active", true, end, "{}")))
                        .getBody())
                .isEqualTo("stale");
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.ACTIVE);

        // The end is final at Stripe, so it applies even when an older-stamped copy arrives last.
        deliver(event(
                "evt_r_deleted",
                "customer.subscription.deleted",
                T0 + 250,
                subscription("sub_R1", "canceled", false, end, "{}")));
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.EXPIRED);
        assertThat(currentOf(user).currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(end));
    }

    @Test
    void aTrialCreatedBeforeItsCheckoutWaitsForItAndStaysATrial() throws Exception {
        long user = newReader("trial.first@example.org");
        long trialEnd = T0 + 14 * 86400;
        // A subscription without our metadata (made before Sitrep put the reader in it): nobody to start it for yet.
        ResponseEntity<String> early = deliver(event(
                "evt_t_created",
                "customer.subscription.created",
                T0 + 1,
                subscription("sub_T9", "trialing", false, trialEnd, "{}")));
        assertThat(early.getStatusCode().value()).isEqualTo(200);
        assertThat(early.getBody()).isEqualTo("waiting");
        assertThat(subscriptions.current(user)).isEmpty();

        assertThat(deliver(checkoutFor("evt_t_checkout", user, "sub_T9", "annual"))
                        .getBody())
                .isEqualTo("applied");
        assertThat(currentOf(user).state()).as("a trial, not a paid year").isEqualTo(Subscriptions.State.TRIALING);
        assertThat(currentOf(user).currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(trialEnd));
        // The checkout's own retry changes nothing; nor does the trial's creation delivered again.
        assertThat(deliver(checkoutFor("evt_t_checkout", user, "sub_T9", "annual"))
                        .getBody())
                .isEqualTo("duplicate");
        assertThat(deliver(event(
                                "evt_t_created",
                                "customer.subscription.created",
                                T0 + 1,
                                subscription("sub_T9", "trialing", false, trialEnd, "{}")))
                        .getBody())
                .isEqualTo("duplicate");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscriptions WHERE provider_ref = 'sub_T9'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The trial converts later: a newer snapshot.
        long paidEnd = trialEnd + 365L * 86400;
        deliver(event(
                "evt_t_paid",
                "customer.subscription.updated",
                trialEnd,
                subscription("sub_T9", "active", false, paidEnd, "{}")));
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.ACTIVE);
        assertThat(currentOf(user).currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(paidEnd));
    }

    @Test
    void aSubscriptionNamingItsReaderStartsFromItsOwnEventAndTheCheckoutOnlyAddsTheCustomer() throws Exception {
        long user = newReader("meta.first@example.org");
        long trialEnd = T0 + 7 * 86400;
        assertThat(deliver(event(
                                "evt_m_created",
                                "customer.subscription.created",
                                T0 + 1,
                                subscription(
                                        "sub_M1",
                                        "trialing",
                                        false,
                                        trialEnd,
                                        "{\"reader\":\"" + user + "\",\"plan\":\"monthly\"}")))
                        .getBody())
                .isEqualTo("applied");
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.TRIALING);
        assertThat(deliver(checkoutFor("evt_m_checkout", user, "sub_M1", "monthly"))
                        .getBody())
                .isEqualTo("applied");
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.TRIALING);
        assertThat(currentOf(user).currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(trialEnd));
        assertThat(jdbc.sql("SELECT provider_customer FROM subscriptions WHERE provider_ref = 'sub_M1'")
                        .query(String.class)
                        .single())
                .isEqualTo("cus_sub_M1");
    }

    @Test
    void aCheckoutWithNothingWaitingIsReconciledFromTheSubscriptionStripeHasNow() throws Exception {
        long user = newReader("reconcile@example.org");
        long trialEnd = T0 + 10 * 86400;
        STRIPE.subscriptions.put("sub_API1", subscription("sub_API1", "trialing", false, trialEnd, "{}"));
        assertThat(deliver(checkoutFor("evt_api_checkout", user, "sub_API1", "annual"))
                        .getBody())
                .isEqualTo("applied");
        assertThat(STRIPE.requests).anySatisfy(r -> assertThat(r.path()).isEqualTo("/v1/subscriptions/sub_API1"));
        assertThat(currentOf(user).state()).isEqualTo(Subscriptions.State.TRIALING);
        assertThat(currentOf(user).currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(trialEnd));

        // Stripe unreachable for another (the stand-in has no such subscription): one period of the plan.
        long other = newReader("reconcile.none@example.org");
        assertThat(deliver(checkoutFor("evt_api_none", other, "sub_API_NONE", "monthly"))
                        .getBody())
                .isEqualTo("applied");
        assertThat(currentOf(other).state()).isEqualTo(Subscriptions.State.ACTIVE);
        assertThat(currentOf(other).currentPeriodEnd())
                .isEqualTo(TestClockConfig.START
                        .atOffset(ZoneOffset.UTC)
                        .plusMonths(1)
                        .toInstant());
    }

    @Test
    void aCheckoutForAPlanWeDoNotHaveIsAnsweredAndRecordedNotRetriedForever() throws Exception {
        long user = newReader("unknown.plan@example.org");
        long before = rows("subscriptions");
        ResponseEntity<String> r = deliver(checkoutFor("evt_u_checkout", user, "sub_U1", "platinum-lifetime"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("ignored");
        assertThat(outcome("evt_u_checkout")).isEqualTo("IGNORED");
        assertThat(note("evt_u_checkout")).contains("platinum-lifetime");
        assertThat(rows("subscriptions")).isEqualTo(before);
        // A reader who does not exist, and an event type we do not handle: answered, recorded, nothing made.
        assertThat(deliver(checkoutFor("evt_u_nobody", 987654321L, "sub_U2", "annual"))
                        .getBody())
                .isEqualTo("ignored");
        assertThat(note("evt_u_nobody")).contains("no reader");
        assertThat(deliver(event("evt_u_other", "charge.refunded", "{\"id\":\"ch_1\",\"object\":\"charge\"}"))
                        .getBody())
                .isEqualTo("ignored");
        assertThat(outcome("evt_u_other")).isEqualTo("IGNORED");
        assertThat(rows("subscriptions")).isEqualTo(before);
    }
}
