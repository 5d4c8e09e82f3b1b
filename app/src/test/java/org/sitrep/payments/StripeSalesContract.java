package org.sitrep.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.stripe.net.Webhook;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.members.MagicLinks;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

/**
 * Team licences and gifts sold through Stripe: Checkout with a quantity of seats (a subscription)
 * and a one-off payment for a gift, checked on the wire at {@link StripeStandIn}; then signed
 * webhooks make them real — in either order, once however often Stripe delivers, a stale snapshot
 * changing no seats, a forged one changing nothing, and a gift mailed only once it is paid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.stripe.webhook-secret=" + StripeSalesContract.SECRET,
            "sitrep.stripe.secret-key=sk_test_standin",
            "sitrep.mail.from=desk@sitrep.example"
        })
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StripeSalesContract {
    static final String SECRET = "whsec_test_sales_8f3kd93kdl2";
    static final StripeStandIn STRIPE = new StripeStandIn();
    static final GreenMail MAIL = TestMail.start();
    private static final Pattern GIFT = Pattern.compile("/gift/redeem\\?token=([A-Za-z0-9_-]+)");

    static void stripeAndMail(DynamicPropertyRegistry registry) {
        registry.add("sitrep.stripe.api-base", STRIPE::base);
        TestMail.properties(registry, MAIL);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MagicLinks links;

    @BeforeEach
    void fresh() throws Exception {
        clock.set(TestClockConfig.START);
        MAIL.purgeEmailFromAllMailboxes();
    }

    WebSession signIn(String email) {
        WebSession web = new WebSession(port);
        String token = links.issue(email, null);
        assertThat(web.post("/signin/link?token=" + token, "/signin/link", Map.of("token", token))
                        .statusCode())
                .isEqualTo(302);
        return web;
    }

    long userId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    HttpResponse<String> deliver(String payload) throws Exception {
        long t = clock.instant().getEpochSecond();
        return deliver(payload, "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, t + "." + payload));
    }

    HttpResponse<String> deliver(String payload, String signature) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/webhooks/stripe"))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", signature)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    StripeStandIn.Request lastCheckout() {
        return STRIPE.requests.stream()
                .filter(r -> r.path().equals("/v1/checkout/sessions"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    static String subscription(String ref, long reader, String organisation, int seats, String status) {
        return "{\"id\":\"" + ref + "\",\"object\":\"subscription\",\"status\":\"" + status + "\",\"customer\":\"cus_"
                + ref + "\","
                + "\"cancel_at_period_end\":false,\"metadata\":{\"kind\":\"team\",\"reader\":\"" + reader
                + "\",\"plan\":\"annual\","
                + "\"organisation\":\"" + organisation + "\"},\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_"
                + ref + "\","
                + "\"quantity\":" + seats + ",\"current_period_end\":1803988800}]}}";
    }

    static String checkoutCompleted(String session, long reader, String ref, String organisation, int seats) {
        return "{\"id\":\"" + session
                + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\",\"client_reference_id\":\"" + reader
                + "\",\"customer\":\"cus_" + ref + "\",\"subscription\":\"" + ref
                + "\",\"payment_status\":\"paid\",\"metadata\":"
                + "{\"kind\":\"team\",\"plan\":\"annual\",\"organisation\":\"" + organisation + "\",\"seats\":\""
                + seats + "\"}}";
    }

    long organisations(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM organisations WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    int seats(String name) {
        return jdbc.sql(
                        "SELECT s.seats FROM organisations o JOIN subscriptions s ON s.id = o.subscription_id WHERE o.name = :n")
                .param("n", name)
                .query(Integer.class)
                .single();
    }

    @Test
    void aManagerBuysSeatsThroughStripeAndTheWebhooksMakeTheLicenceOnceInEitherOrder() throws Exception {
        WebSession manager = signIn("team.buyer@example.org");
        long buyer = userId("team.buyer@example.org");
        HttpResponse<String> go = manager.post(
                "/licences/team", "/licences/team", Map.of("name", "Relief Works", "plan", "annual", "seats", "5"));
        assertThat(go.headers().firstValue("Location").orElse(""))
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_test_standin");
        assertThat(lastCheckout().body())
                .contains("mode=subscription")
                .contains("line_items[0][quantity]=5")
                .contains("metadata[kind]=team")
                .contains("subscription_data[metadata][kind]=team")
                .contains("subscription_data[metadata][reader]=" + buyer)
                .contains("subscription_data[metadata][organisation]=Relief Works")
                .contains("[unit_amount]=10000")
                .contains("customer_email=team.buyer@example.org");
        assertThat(organisations("Relief Works"))
                .as("nothing is made before Stripe says it is paid")
                .isZero();

        // A bad seat count never reaches Stripe.
        int before = STRIPE.requests.size();
        manager.post(
                "/licences/team", "/licences/team", Map.of("name", "Relief Works", "plan", "annual", "seats", "0"));
        assertThat(STRIPE.requests).hasSize(before);

        // The subscription's own event comes before the checkout's: it makes the licence.
        long t = 1772452800L;
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_team_created",
                                "customer.subscription.created",
                                t,
                                subscription("sub_TEAM1", buyer, "Relief Works", 5, "active")))
                        .body())
                .isEqualTo("applied");
        assertThat(organisations("Relief Works")).isEqualTo(1);
        assertThat(seats("Relief Works")).isEqualTo(5);
        long org = jdbc.sql("SELECT id FROM organisations WHERE name = 'Relief Works'")
                .query(Long.class)
                .single();
        assertThat(manager.get("/licences/team/" + org).body())
                .contains("Relief Works")
                .contains("team.buyer@example.org");

        // Its checkout then only records the customer; a repeat of either changes nothing.
        String completed = StripeWebhooksContract.event(
                "evt_team_checkout",
                "checkout.session.completed",
                t + 1,
                checkoutCompleted("cs_team1", buyer, "sub_TEAM1", "Relief Works", 5));
        assertThat(deliver(completed).body()).isEqualTo("applied");
        assertThat(deliver(completed).body()).isEqualTo("duplicate");
        assertThat(organisations("Relief Works")).isEqualTo(1);

        // Stripe's quantity is the seats: raised to 8; an older snapshot (5) coming late is stale.
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_team_up",
                                "customer.subscription.updated",
                                t + 100,
                                subscription("sub_TEAM1", buyer, "Relief Works", 8, "active")))
                        .body())
                .isEqualTo("applied");
        assertThat(seats("Relief Works")).isEqualTo(8);
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_team_old",
                                "customer.subscription.updated",
                                t + 50,
                                subscription("sub_TEAM1", buyer, "Relief Works", 5, "active")))
                        .body())
                .isEqualTo("stale");
        assertThat(seats("Relief Works")).isEqualTo(8);

        // Buying more asks Stripe for the new quantity of the subscription's item; seats follow by webhook.
        STRIPE.subscriptions.put("sub_TEAM1", subscription("sub_TEAM1", buyer, "Relief Works", 8, "active"));
        assertThat(manager.post("/licences/team/" + org, "/licences/team/" + org + "/seats", Map.of("more", "2"))
                        .statusCode())
                .isEqualTo(302);
        StripeStandIn.Request change = STRIPE.requests.stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/subscriptions/sub_TEAM1"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(change.body()).contains("items[0][id]=si_sub_TEAM1").contains("items[0][quantity]=10");
        assertThat(seats("Relief Works")).isEqualTo(8);

        // The other order: the checkout first, its seats from the subscription Stripe's API returns.
        WebSession second = signIn("second.team@example.org");
        long secondBuyer = userId("second.team@example.org");
        STRIPE.subscriptions.put("sub_TEAM2", subscription("sub_TEAM2", secondBuyer, "Field Desk", 3, "active"));
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_team2_checkout",
                                "checkout.session.completed",
                                t,
                                checkoutCompleted("cs_team2", secondBuyer, "sub_TEAM2", "Field Desk", 3)))
                        .body())
                .isEqualTo("applied");
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_team2_created",
                                "customer.subscription.created",
                                t,
                                subscription("sub_TEAM2", secondBuyer, "Field Desk", 3, "active")))
                        .body())
                .isEqualTo("applied");
        assertThat(organisations("Field Desk")).isEqualTo(1);
        assertThat(seats("Field Desk")).isEqualTo(3);
        assertThat(second.get("/licences/team").body()).contains("Field Desk");

        // A forged "team" event (wrong secret) makes no organisation.
        String forged = StripeWebhooksContract.event(
                "evt_forged_team",
                "customer.subscription.created",
                t,
                subscription("sub_FORGED", secondBuyer, "Forged Org", 500, "active"));
        long at = clock.instant().getEpochSecond();
        assertThat(deliver(
                                forged,
                                "t=" + at + ",v1=" + Webhook.Util.computeHmacSha256("whsec_wrong", at + "." + forged))
                        .statusCode())
                .isEqualTo(400);
        assertThat(organisations("Forged Org")).isZero();
    }

    @Test
    void aGiftIsPaidThroughStripeAndItsLinkIsMailedOnceOnlyWhenStripeSaysPaid() throws Exception {
        WebSession anyone = new WebSession(port);
        HttpResponse<String> go = anyone.post(
                "/gift",
                "/gift",
                Map.of(
                        "buyer",
                        "giver@example.org",
                        "recipient",
                        "lucky@example.org",
                        "message",
                        "For your <b>work</b>"));
        assertThat(go.headers().firstValue("Location").orElse(""))
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_test_standin");
        long gift = jdbc.sql("SELECT id FROM gifts WHERE recipient_email = 'lucky@example.org'")
                .query(Long.class)
                .single();
        assertThat(lastCheckout().body())
                .contains("mode=payment")
                .contains("metadata[kind]=gift")
                .contains("metadata[gift]=" + gift)
                .contains("customer_email=giver@example.org")
                .contains("[unit_amount]=10000")
                .doesNotContain("recurring")
                .doesNotContain("lucky@example.org")
                .doesNotContain("For your");
        // A bad address is refused on our page and never reaches Stripe.
        int before = STRIPE.requests.size();
        assertThat(anyone.post("/gift", "/gift", Map.of("buyer", "giver@example.org", "recipient", "not an address"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(STRIPE.requests).hasSize(before);

        // Paid by a delayed method: "completed" but unpaid mails nothing; the later success mails once.
        String session =
                "{\"id\":\"cs_gift1\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"client_reference_id\":\"gift-"
                        + gift + "\",\"metadata\":{\"kind\":\"gift\",\"gift\":\"" + gift
                        + "\"},\"payment_status\":\"%s\"}";
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_gift_done", "checkout.session.completed", String.format(session, "unpaid")))
                        .body())
                .isEqualTo("ignored");
        assertThat(MAIL.waitForIncomingEmail(1_000, 1)).isFalse();
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_gift_paid",
                                "checkout.session.async_payment_succeeded",
                                String.format(session, "paid")))
                        .body())
                .isEqualTo("applied");
        assertThat(MAIL.waitForIncomingEmail(10_000, 2)).isTrue();
        // Another delivery of a "paid" event for the same gift (a retry under a new id) mails nothing more.
        assertThat(deliver(StripeWebhooksContract.event(
                                "evt_gift_again", "checkout.session.completed", String.format(session, "paid")))
                        .body())
                .isEqualTo("ignored");
        Thread.sleep(500); // anything sent by the repeat would be in by now: the mail is sent in the request
        assertThat(MAIL.getReceivedMessages()).hasSize(2);

        String toRecipient = java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("lucky@example.org");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .map(GreenMailUtil::getBody)
                .findFirst()
                .orElseThrow()
                .replace("=\r\n", "");
        Matcher link = GIFT.matcher(toRecipient);
        assertThat(link.find()).isTrue();

        // The link redeems: the recipient signs in and gets a year.
        WebSession lucky = signIn("lucky@example.org");
        assertThat(lucky.get("/gift/redeem?token=" + link.group(1)).statusCode())
                .isEqualTo(200);
        assertThat(lucky.post("/gift/redeem", "/gift/redeem", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/account");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscriptions WHERE user_id = :u AND provider = 'GIFT'")
                        .param("u", userId("lucky@example.org"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anUnpaidGiftCannotBeRedeemedAndAGiftEventNamingNoGiftIsIgnored() throws Exception {
        WebSession anyone = new WebSession(port);
        anyone.post("/gift", "/gift", Map.of("buyer", "waiting@example.org", "recipient", "notyet@example.org"));
        long unpaid = jdbc.sql(
                        "SELECT COUNT(*) FROM gifts WHERE recipient_email = 'notyet@example.org' AND paid_at IS NULL")
                .query(Long.class)
                .single();
        assertThat(unpaid).isEqualTo(1);
        assertThat(anyone.get("/gift/paid").body()).contains("As soon as the payment is confirmed");
        String noGift =
                "{\"id\":\"cs_gift_x\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"metadata\":{\"kind\":\"gift\",\"gift\":\"999999\"},"
                        + "\"payment_status\":\"paid\"}";
        assertThat(deliver(StripeWebhooksContract.event("evt_gift_none", "checkout.session.completed", noGift))
                        .body())
                .isEqualTo("ignored");
        assertThat(MAIL.waitForIncomingEmail(1_000, 1)).isFalse();
    }
}
