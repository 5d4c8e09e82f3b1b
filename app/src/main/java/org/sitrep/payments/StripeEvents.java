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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe webhook events, verified and applied once. The signature (HMAC-SHA256 over the raw
 * payload with the endpoint secret) is checked by stripe-java against our clock with a
 * {@link #TOLERANCE_SECONDS} replay window; an event id already recorded is answered and ignored.
 * The event row and its effect commit together, so a failure leaves nothing and Stripe retries.
 */
@Service
public class StripeEvents {
    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long TOLERANCE_SECONDS = 300;

    public enum Result { APPLIED, DUPLICATE, IGNORED }

    /** Refused: bad signature, outside the replay window, or not a Stripe event. */
    public static class Refused extends RuntimeException {
        Refused(String message) { super(message); }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final String secret;

    public StripeEvents(JdbcClient jdbc, Clock clock, Subscriptions subscriptions,
                        @Value("${sitrep.stripe.webhook-secret:}") String secret) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.secret = secret;
    }

    public boolean configured() {
        return secret != null && !secret.isBlank();
    }

    @Transactional
    public Result receive(String payload, String signatureHeader) {
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader == null ? "" : signatureHeader, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException | RuntimeException e) { // stripe-java throws NumberFormatException for a bad "t="
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
        try {
            jdbc.sql("INSERT INTO payment_events (provider, event_id, event_type, received_at) VALUES ('STRIPE', :id, :type, :now)")
                    .param("id", id).param("type", type).param("now", now()).update();
        } catch (DuplicateKeyException again) {
            return Result.DUPLICATE;
        }
        return switch (type) {
            case "checkout.session.completed" -> checkoutCompleted(object);
            case "customer.subscription.created", "customer.subscription.updated" -> subscriptionChanged(object);
            case "customer.subscription.deleted" -> move(object.path("id").asText(""), Subscriptions.State.EXPIRED, periodEnd(object));
            case "invoice.payment_failed" -> move(subscriptionOfInvoice(object), Subscriptions.State.PAST_DUE, null);
            default -> Result.IGNORED;
        };
    }

    private Result checkoutCompleted(JsonNode session) {
        String subscriptionRef = session.path("subscription").asText("");
        long userId;
        try {
            userId = Long.parseLong(session.path("client_reference_id").asText(""));
        } catch (NumberFormatException e) {
            log.warn("Stripe checkout {} has no reader id; ignored", session.path("id").asText());
            return Result.IGNORED;
        }
        String plan = session.path("metadata").path("plan").asText("");
        if (subscriptionRef.isEmpty() || plan.isEmpty() || byRef(subscriptionRef).isPresent()) return Result.IGNORED;
        if (jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :u").param("u", userId).query(Long.class).single() == 0) return Result.IGNORED;
        Subscriptions.Subscription s = subscriptions.start(userId, plan, Subscriptions.State.ACTIVE, "STRIPE", subscriptionRef);
        jdbc.sql("UPDATE subscriptions SET provider_customer = :c WHERE id = :id")
                .param("c", session.path("customer").asText(null)).param("id", s.id()).update();
        return Result.APPLIED;
    }

    private Result subscriptionChanged(JsonNode sub) {
        Subscriptions.State to = switch (sub.path("status").asText("")) {
            case "trialing" -> Subscriptions.State.TRIALING;
            case "active" -> sub.path("cancel_at_period_end").asBoolean(false) ? Subscriptions.State.CANCELED : Subscriptions.State.ACTIVE;
            case "past_due", "unpaid" -> Subscriptions.State.PAST_DUE;
            case "canceled", "incomplete_expired" -> Subscriptions.State.EXPIRED;
            default -> null; // incomplete, paused: nothing to change yet
        };
        return to == null ? Result.IGNORED : move(sub.path("id").asText(""), to, periodEnd(sub));
    }

    private Result move(String subscriptionRef, Subscriptions.State to, Instant periodEnd) {
        Optional<Subscriptions.Subscription> s = byRef(subscriptionRef);
        if (s.isEmpty()) return Result.IGNORED; // checkout.session.completed makes it; Stripe retries what fails
        if (s.get().state() != to && !s.get().state().next().contains(to)) {
            log.info("Stripe subscription {}: cannot go from {} to {}; ignored", subscriptionRef, s.get().state(), to);
            return Result.IGNORED;
        }
        try {
            subscriptions.move(s.get().id(), to);
        } catch (Subscriptions.IllegalTransition e) {
            log.info("Stripe subscription {}: {}; ignored", subscriptionRef, e.getMessage());
            return Result.IGNORED;
        }
        if (periodEnd != null) {
            jdbc.sql("UPDATE subscriptions SET current_period_end = :end WHERE id = :id")
                    .param("end", OffsetDateTime.ofInstant(periodEnd, ZoneOffset.UTC)).param("id", s.get().id()).update();
        }
        return Result.APPLIED;
    }

    private Optional<Subscriptions.Subscription> byRef(String ref) {
        if (ref == null || ref.isEmpty()) return Optional.empty();
        return jdbc.sql("SELECT id FROM subscriptions WHERE provider = 'STRIPE' AND provider_ref = :r").param("r", ref)
                .query(Long.class).optional().flatMap(subscriptions::byId);
    }

    /** current_period_end: on the subscription in older API versions, on its items in newer ones. */
    private static Instant periodEnd(JsonNode sub) {
        JsonNode end = sub.path("current_period_end");
        if (!end.isNumber()) end = sub.path("items").path("data").path(0).path("current_period_end");
        return end.isNumber() ? Instant.ofEpochSecond(end.asLong()) : null;
    }

    private static String subscriptionOfInvoice(JsonNode invoice) {
        String direct = invoice.path("subscription").asText("");
        if (!direct.isEmpty()) return direct;
        return invoice.path("parent").path("subscription_details").path("subscription").asText("");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
