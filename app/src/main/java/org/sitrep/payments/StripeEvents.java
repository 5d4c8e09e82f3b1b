package org.sitrep.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.Subscriptions.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe webhook events, verified, put in order and applied once: the one place where Stripe moves
 * a subscription. The signature (HMAC-SHA256 over the raw payload with the endpoint secret) is
 * checked by stripe-java against our clock with a {@link #TOLERANCE_SECONDS} replay window; an
 * event id already recorded is answered and ignored.
 *
 * <p>Stripe delivers events late, twice and out of order, so:
 * <ul>
 * <li>a subscription event is a snapshot of the whole subscription at the event's {@code created}
 *     time; one older than the newest applied to that subscription is recorded as STALE and changes
 *     nothing (so a late "cancel at period end" cannot undo a later resume, nor an old period end
 *     replace a newer one). Ending ({@code canceled}) is final at Stripe, so it applies whenever it comes;</li>
 * <li>a subscription event for a subscription we have not made yet starts it when it names the
 *     reader and plan (our Checkout puts them in the subscription's metadata); otherwise its snapshot
 *     WAITs for {@code checkout.session.completed}, which starts the subscription from the newest
 *     waiting snapshot, or failing that from the subscription Stripe's API returns now;</li>
 * <li>events we deliberately do not act on (unknown plan or reader, types we do not handle, moves
 *     the state machine refuses) are answered 2xx and recorded as IGNORED with the reason, so Stripe
 *     stops retrying; only a failure of ours (the database) answers 5xx, for Stripe to retry.</li>
 * </ul>
 * The event row, its outcome and its effect commit together.
 */
@Service
public class StripeEvents {
    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long TOLERANCE_SECONDS = 300;
    private static final String STRIPE = "STRIPE";

    /** What was done with an event; recorded in {@code payment_events.outcome} (except DUPLICATE). */
    public enum Result {
        APPLIED,
        DUPLICATE,
        IGNORED,
        STALE,
        WAITING
    }

    /** Refused: bad signature, outside the replay window, or not a Stripe event. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private record Outcome(Result result, String subscriptionRef, String note, String snapshot) {
        static Outcome of(Result result, String ref, String note) {
            return new Outcome(result, ref, note, null);
        }
    }

    /** A subscription as one Stripe snapshot shows it. {@code state} null: a status with nothing to change (incomplete, paused). */
    private record Snapshot(String ref, State state, Instant periodEnd, String customer, Instant at, JsonNode json) {
        static Snapshot of(JsonNode sub, Instant at) {
            return new Snapshot(
                    sub.path("id").asText(""),
                    stateOf(sub),
                    StripeEvents.periodEnd(sub),
                    text(sub.path("customer")),
                    at,
                    sub);
        }

        /** The seats billed: the quantity of the subscription's one item (0 when the snapshot does not say). */
        int quantity() {
            JsonNode q = json.path("items").path("data").path(0).path("quantity");
            if (!q.canConvertToInt()) q = json.path("quantity");
            return q.canConvertToInt() && q.asInt() > 0 && q.asInt() <= Subscriptions.MOST_SEATS ? q.asInt() : 0;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final StripeCheckout stripe;
    private final String secret;
    private final org.springframework.beans.factory.ObjectProvider<StripeSales> sales;

    public StripeEvents(
            JdbcClient jdbc,
            Clock clock,
            Subscriptions subscriptions,
            StripeCheckout stripe,
            @Value("${sitrep.stripe.webhook-secret:}") String secret,
            org.springframework.beans.factory.ObjectProvider<StripeSales> sales) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.stripe = stripe;
        this.secret = secret;
        this.sales = sales;
    }

    public boolean configured() {
        return secret != null && !secret.isBlank();
    }

    @Transactional
    public Result receive(String payload, String signatureHeader) {
        try {
            Webhook.Signature.verifyHeader(
                    payload, signatureHeader == null ? "" : signatureHeader, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException
                | RuntimeException e) { // stripe-java throws NumberFormatException for a bad "t="
            throw new Refused("signature: " + e.getMessage());
        }
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (Exception e) {
            throw new Refused("not JSON");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode object = event.path("data").path("object");
        if (id.isEmpty() || type.isEmpty() || !object.isObject()) throw new Refused("not a Stripe event");
        Instant created = event.path("created").canConvertToLong()
                        && event.path("created").asLong() > 0
                ? Instant.ofEpochSecond(event.path("created").asLong())
                : null;
        try {
            jdbc.sql("INSERT INTO payment_events (provider, event_id, event_type, received_at, event_created) "
                            + "VALUES ('STRIPE', :id, :type, :now, :created)")
                    .param("id", id)
                    .param("type", type)
                    .param("now", now())
                    .param("created", utc(created))
                    .update();
        } catch (DuplicateKeyException again) {
            return Result.DUPLICATE;
        }
        Outcome outcome =
                switch (type) {
                    case "checkout.session.completed" ->
                        GIFT.equals(kind(object)) ? giftPaid(object) : checkoutCompleted(object, created);
                    // A gift paid by a delayed method (a bank debit): completed said "unpaid", this says paid.
                    case "checkout.session.async_payment_succeeded" ->
                        GIFT.equals(kind(object))
                                ? giftPaid(object)
                                : Outcome.of(Result.IGNORED, null, "not a gift's checkout");
                    case "customer.subscription.created",
                            "customer.subscription.updated",
                            "customer.subscription.deleted",
                            "customer.subscription.paused",
                            "customer.subscription.resumed" -> subscriptionChanged(Snapshot.of(object, created));
                    case "invoice.payment_failed" -> paymentFailed(subscriptionOfInvoice(object), created);
                    default -> Outcome.of(Result.IGNORED, null, "not an event Sitrep acts on");
                };
        if (outcome.result() == Result.IGNORED || outcome.result() == Result.STALE) {
            log.info(
                    "Stripe event {} ({}) {}: {}",
                    id,
                    type,
                    outcome.result().name().toLowerCase(),
                    outcome.note());
        }
        jdbc.sql("UPDATE payment_events SET outcome = :o, note = :n, subscription_ref = :r, snapshot = :s "
                        + "WHERE provider = 'STRIPE' AND event_id = :id")
                .param("o", outcome.result().name())
                .param("n", clip(outcome.note()))
                .param("r", emptyToNull(outcome.subscriptionRef()))
                .param("s", outcome.snapshot())
                .param("id", id)
                .update();
        return outcome.result();
    }

    private Outcome checkoutCompleted(JsonNode session, Instant created) {
        String ref = text(session.path("subscription"));
        if (ref == null) return Outcome.of(Result.IGNORED, null, "not a subscription checkout");
        Optional<Subscriptions.ProviderView> made = subscriptions.lockByProviderRef(STRIPE, ref);
        if (made.isPresent()) { // its own events came first and started it: only the customer is new
            subscriptions.setProviderCustomer(made.get().id(), text(session.path("customer")));
            return Outcome.of(Result.APPLIED, ref, "customer recorded; the subscription was started by its own events");
        }
        long reader;
        try {
            reader = Long.parseLong(session.path("client_reference_id").asText(""));
        } catch (NumberFormatException e) {
            return Outcome.of(Result.IGNORED, ref, "the checkout names no reader (client_reference_id)");
        }
        String plan = session.path("metadata").path("plan").asText("");
        if (plan.isEmpty()) return Outcome.of(Result.IGNORED, ref, "the checkout names no plan (metadata.plan)");
        boolean team = TEAM.equals(kind(session));
        int seats = team ? seatsOf(session.path("metadata").path("seats")) : 1;
        Optional<String> cannot = team
                ? teamSales()
                        .flatMap(s -> s.cannotStartTeam(reader, plan, seats))
                        .or(() -> sales.getIfAvailable() == null
                                ? Optional.of("team licences are not sold here")
                                : Optional.empty())
                : subscriptions.cannotStart(reader, plan);
        if (cannot.isPresent()) {
            log.warn(
                    "Stripe checkout {} for subscription {} not applied: {}",
                    session.path("id").asText(""),
                    ref,
                    cannot.get());
            return Outcome.of(Result.IGNORED, ref, cannot.get());
        }
        // In doubt about the subscription's state (the checkout does not carry it): the newest snapshot
        // that waited for this checkout, else the subscription as Stripe's API has it now.
        Snapshot snapshot = waitingSnapshot(ref)
                .or(() -> stripe.subscription(ref)
                        .flatMap(json -> parse(json).map(sub -> Snapshot.of(sub, Instant.now(clock)))))
                .filter(s -> s.state() != null)
                .orElse(null);
        State state = snapshot == null ? State.ACTIVE : snapshot.state();
        if (team) {
            int bought = snapshot != null && snapshot.quantity() > 0 ? snapshot.quantity() : seats;
            sales.getObject()
                    .startTeam(
                            reader,
                            plan,
                            bought,
                            session.path("metadata").path("organisation").asText(""),
                            state,
                            snapshot == null ? null : snapshot.periodEnd(),
                            ref,
                            text(session.path("customer")),
                            snapshot == null ? null : snapshot.at());
        } else {
            subscriptions.startFromProvider(
                    reader,
                    plan,
                    state,
                    snapshot == null ? null : snapshot.periodEnd(),
                    STRIPE,
                    ref,
                    text(session.path("customer")),
                    snapshot == null ? null : snapshot.at());
        }
        return Outcome.of(
                Result.APPLIED,
                ref,
                snapshot == null
                        ? "started ACTIVE for one period (no snapshot of the subscription)"
                        : "started " + state + " from the subscription as of " + snapshot.at());
    }

    private Outcome subscriptionChanged(Snapshot s) {
        if (s.ref().isEmpty()) return Outcome.of(Result.IGNORED, null, "no subscription id");
        Optional<Subscriptions.ProviderView> made = subscriptions.lockByProviderRef(STRIPE, s.ref());
        if (made.isEmpty()) return startOrWait(s);
        Subscriptions.ProviderView current = made.get();
        boolean ended = s.state() == State.EXPIRED; // final at Stripe, whatever order it comes in
        if (!ended
                && s.at() != null
                && current.providerEventAt() != null
                && s.at().isBefore(current.providerEventAt())) {
            return Outcome.of(
                    Result.STALE,
                    s.ref(),
                    "snapshot of " + s.at() + " is older than the one applied (" + current.providerEventAt() + ")");
        }
        // A team licence's seats are the quantity Stripe bills (a manager bought more, or support changed it there).
        if (TEAM.equals(kind(s.json()))
                && s.quantity() > 0
                && s.quantity() <= Subscriptions.MOST_SEATS
                && s.quantity() != subscriptions.seats(current.id())) {
            subscriptions.setSeats(current.id(), s.quantity());
        }
        if (s.state() == null)
            return Outcome.of(
                    Result.IGNORED,
                    s.ref(),
                    "status '" + s.json().path("status").asText("") + "' changes nothing");
        Instant at = newest(s.at(), current.providerEventAt());
        return sync(current, s.state(), ended && stale(s, current) ? null : s.periodEnd(), s.customer(), at, s.ref());
    }

    private Outcome startOrWait(Snapshot s) {
        JsonNode meta = s.json().path("metadata");
        String plan = meta.path("plan").asText("");
        long reader;
        try {
            reader = Long.parseLong(meta.path("reader").asText(""));
        } catch (NumberFormatException e) {
            reader = -1;
        }
        if (TEAM.equals(kind(s.json()))) {
            long buyer = reader;
            if (buyer > 0
                    && !plan.isEmpty()
                    && s.state() != null
                    && s.quantity() > 0
                    && teamSales().isPresent()
                    && teamSales()
                            .get()
                            .cannotStartTeam(buyer, plan, s.quantity())
                            .isEmpty()) {
                teamSales()
                        .get()
                        .startTeam(
                                buyer,
                                plan,
                                s.quantity(),
                                meta.path("organisation").asText(""),
                                s.state(),
                                s.periodEnd(),
                                s.ref(),
                                s.customer(),
                                s.at());
                return Outcome.of(
                        Result.APPLIED,
                        s.ref(),
                        "team licence of " + s.quantity() + " seats started " + s.state()
                                + " from the subscription's own event");
            }
        } else if (reader > 0
                && !plan.isEmpty()
                && s.state() != null
                && subscriptions.cannotStart(reader, plan).isEmpty()) {
            subscriptions.startFromProvider(
                    reader, plan, s.state(), s.periodEnd(), STRIPE, s.ref(), s.customer(), s.at());
            return Outcome.of(Result.APPLIED, s.ref(), "started " + s.state() + " from the subscription's own event");
        }
        return new Outcome(
                Result.WAITING,
                s.ref(),
                "no subscription " + s.ref() + " yet: kept for its checkout",
                s.json().toString());
    }

    /**
     * A gift's Checkout: paid once its {@code payment_status} says so (a delayed method says so in
     * a later event). Applied once however often it comes: the gift's row changes only while unpaid.
     */
    private Outcome giftPaid(JsonNode session) {
        String id = session.path("id").asText("");
        if (!"paid".equals(session.path("payment_status").asText(""))) {
            return Outcome.of(
                    Result.IGNORED,
                    null,
                    "gift checkout " + id + " not paid yet ("
                            + session.path("payment_status").asText("") + ")");
        }
        long gift;
        try {
            gift = Long.parseLong(session.path("metadata").path("gift").asText(""));
        } catch (NumberFormatException e) {
            return Outcome.of(Result.IGNORED, null, "the gift checkout names no gift (metadata.gift)");
        }
        StripeSales s = sales.getIfAvailable();
        if (s == null) return Outcome.of(Result.IGNORED, null, "gifts are not sold here");
        return s.giftPaid(gift, id)
                ? Outcome.of(Result.APPLIED, null, "gift " + gift + " paid and sent")
                : Outcome.of(Result.IGNORED, null, "no unpaid gift " + gift);
    }

    private Optional<StripeSales> teamSales() {
        return Optional.ofNullable(sales.getIfAvailable());
    }

    private static final String TEAM = "team";
    private static final String GIFT = "gift";

    /** What a Checkout session or subscription sells ({@code metadata.kind}: team, gift; none for a reader's own). */
    private static String kind(JsonNode object) {
        return object.path("metadata").path("kind").asText("");
    }

    private static int seatsOf(JsonNode node) {
        try {
            int n = Integer.parseInt(node.asText(""));
            return n >= 1 && n <= Subscriptions.MOST_SEATS ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Outcome paymentFailed(String ref, Instant created) {
        Optional<Subscriptions.ProviderView> made = subscriptions.lockByProviderRef(STRIPE, ref);
        if (made.isEmpty()) return Outcome.of(Result.IGNORED, ref, "no such subscription");
        if (created != null
                && made.get().providerEventAt() != null
                && created.isBefore(made.get().providerEventAt())) {
            return Outcome.of(
                    Result.STALE,
                    ref,
                    "failure of " + created + " is older than the snapshot applied ("
                            + made.get().providerEventAt() + ")");
        }
        return sync(
                made.get(),
                State.PAST_DUE,
                null,
                null,
                newest(created, made.get().providerEventAt()),
                ref);
    }

    private Outcome sync(
            Subscriptions.ProviderView current, State to, Instant periodEnd, String customer, Instant at, String ref) {
        if (current.state() != to && !current.state().next().contains(to)) {
            return Outcome.of(Result.IGNORED, ref, "cannot go from " + current.state() + " to " + to);
        }
        subscriptions.syncFromProvider(current.id(), to, periodEnd, customer, at);
        return Outcome.of(Result.APPLIED, ref, current.state() == to ? "stays " + to : current.state() + " to " + to);
    }

    private static boolean stale(Snapshot s, Subscriptions.ProviderView current) {
        return s.at() != null && current.providerEventAt() != null && s.at().isBefore(current.providerEventAt());
    }

    /** The newest snapshot of this subscription that arrived before its checkout. */
    private Optional<Snapshot> waitingSnapshot(String ref) {
        return jdbc.sql(
                        "SELECT snapshot, event_created FROM payment_events WHERE provider = 'STRIPE' AND subscription_ref = :r "
                                + "AND outcome = 'WAITING' AND snapshot IS NOT NULL ORDER BY event_created DESC, received_at DESC FETCH FIRST 1 ROWS ONLY")
                .param("r", ref)
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    return parse(rs.getString(1))
                            .map(sub -> Snapshot.of(sub, at == null ? null : at.toInstant()))
                            .orElse(null);
                })
                .optional();
    }

    static State stateOf(JsonNode sub) {
        boolean ending = sub.path("cancel_at_period_end").asBoolean(false);
        return switch (sub.path("status").asText("")) {
            case "trialing" -> ending ? State.CANCELED : State.TRIALING;
            case "active" -> ending ? State.CANCELED : State.ACTIVE;
            case "past_due", "unpaid" -> State.PAST_DUE;
            case "canceled", "incomplete_expired" -> State.EXPIRED;
            default -> null; // incomplete, paused: nothing to change yet
        };
    }

    /** current_period_end: on the subscription in older API versions, on its items in newer ones. */
    private static Instant periodEnd(JsonNode sub) {
        JsonNode end = sub.path("current_period_end");
        if (!end.isNumber()) end = sub.path("items").path("data").path(0).path("current_period_end");
        return end.isNumber() ? Instant.ofEpochSecond(end.asLong()) : null;
    }

    private static String subscriptionOfInvoice(JsonNode invoice) {
        String direct = text(invoice.path("subscription"));
        if (direct != null) return direct;
        return text(invoice.path("parent").path("subscription_details").path("subscription"));
    }

    /** A Stripe reference: an id, or an expanded object's id. */
    private static String text(JsonNode node) {
        String s = node.isObject() ? node.path("id").asText("") : node.isTextual() ? node.asText() : "";
        return s.isEmpty() ? null : s;
    }

    private static Optional<JsonNode> parse(String json) {
        try {
            JsonNode node = json == null ? null : JSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Instant newest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
