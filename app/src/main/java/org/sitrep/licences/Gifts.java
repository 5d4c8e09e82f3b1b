package org.sitrep.licences;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.sitrep.members.Plans;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.Tokens;
import org.sitrep.members.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gift subscriptions: anyone buys a year for someone by e-mail address, no account needed; the
 * recipient redeems it once by the link in their mail, signed in with any account, and gets a
 * subscription of the yearly plan (provider {@code GIFT}) — so the gift reads by the one rule,
 * {@link Subscriptions#PAYING_NOW}. Only the link token's SHA-256 is kept.
 */
@Service
public class Gifts {
    /** How long an unredeemed gift can still be redeemed. */
    static final java.time.Period REDEEMABLE_FOR = java.time.Period.ofYears(1);

    /** A gift a link names, while it can be redeemed. */
    public record Gift(long id, String buyerEmail, String recipientEmail, String message, String planCode) {}

    public enum Outcome {
        REDEEMED,
        NOT_VALID,
        ALREADY_SUBSCRIBED
    }

    private final JdbcClient jdbc;
    private final Plans plans;
    private final Subscriptions subscriptions;
    private final Organisations organisations;
    private final LicenceMail mail;

    Gifts(JdbcClient jdbc, Plans plans, Subscriptions subscriptions, Organisations organisations, LicenceMail mail) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.organisations = organisations;
        this.mail = mail;
    }

    /** The plan a gift gives: the first yearly plan on sale. */
    public Optional<Plans.Plan> giftPlan() {
        return plans.active().stream()
                .filter(p -> p.interval() == Plans.Interval.YEAR)
                .findFirst();
    }

    /** Records a paid gift (provider: TEST for test payments) and mails the recipient the link and the buyer a receipt. */
    @Transactional
    public void bought(String buyerEmail, String recipientEmail, String message, String provider) {
        Order order = order(buyerEmail, recipientEmail, message);
        String token = Tokens.fresh();
        OffsetDateTime now = organisations.now();
        insert(order, Tokens.sha256(token), provider, now);
        mail.gift(order.recipient(), order.buyer(), order.message(), token);
        mail.giftReceipt(order.buyer(), order.recipient());
    }

    /** A gift checked and waiting for its payment: the buyer's and recipient's addresses, the message, the plan. */
    public record Order(String buyer, String recipient, String message, Plans.Plan plan) {}

    /**
     * Records a gift to be paid through Stripe and returns its id for the Checkout. It cannot be
     * redeemed until {@link #paid}: it has no paid time, and its token hash is of a token never sent.
     */
    @Transactional
    public long ordered(String buyerEmail, String recipientEmail, String message) {
        Order order = order(buyerEmail, recipientEmail, message);
        String hash = Tokens.sha256(Tokens.fresh());
        insert(order, hash, "STRIPE", null);
        return jdbc.sql("SELECT id FROM gifts WHERE token_hash = :h")
                .param("h", hash)
                .query(Long.class)
                .single();
    }

    /** The order a gift's id names (to send its buyer to Checkout). */
    public Optional<Order> unpaid(long giftId) {
        return jdbc.sql(
                        "SELECT buyer_email, recipient_email, message, plan_code FROM gifts WHERE id = :id AND paid_at IS NULL")
                .param("id", giftId)
                .query((rs, n) -> new Order(rs.getString(1), rs.getString(2), rs.getString(3), plan(rs.getString(4))))
                .optional()
                .filter(o -> o.plan() != null);
    }

    private Plans.Plan plan(String code) {
        return plans.all().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    /**
     * Stripe says the gift is paid: a fresh link token, a year to redeem it from now, and the two
     * mails. Claimed by a conditional update, so a webhook delivered twice mails once. False when
     * there is no unpaid gift of that id.
     */
    @Transactional
    public boolean paid(long giftId, String checkoutSession) {
        String token = Tokens.fresh();
        OffsetDateTime now = organisations.now();
        int claimed = jdbc.sql(
                        "UPDATE gifts SET paid_at = :now, expires_at = :exp, token_hash = :h, provider_ref = :ref "
                                + "WHERE id = :id AND paid_at IS NULL")
                .param("now", now)
                .param("exp", now.plus(REDEEMABLE_FOR))
                .param("h", Tokens.sha256(token))
                .param("ref", checkoutSession)
                .param("id", giftId)
                .update();
        if (claimed != 1) return false;
        Order order = jdbc.sql("SELECT buyer_email, recipient_email, message FROM gifts WHERE id = :id")
                .param("id", giftId)
                .query((rs, n) -> new Order(rs.getString(1), rs.getString(2), rs.getString(3), null))
                .single();
        mail.gift(order.recipient(), order.buyer(), order.message(), token);
        mail.giftReceipt(order.buyer(), order.recipient());
        return true;
    }

    private Order order(String buyerEmail, String recipientEmail, String message) {
        String buyer = address(buyerEmail, "your");
        String recipient = address(recipientEmail, "the recipient's");
        String note = message == null ? null : message.strip();
        if (note != null && note.length() > 1000)
            throw new Organisations.Refused("The message is at most 1,000 characters.");
        Plans.Plan plan = giftPlan().orElseThrow(() -> new Organisations.Refused("No yearly plan is on sale to give."));
        return new Order(buyer, recipient, note == null || note.isEmpty() ? null : note, plan);
    }

    private void insert(Order order, String tokenHash, String provider, OffsetDateTime paidAt) {
        OffsetDateTime now = organisations.now();
        jdbc.sql(
                        "INSERT INTO gifts (token_hash, buyer_email, recipient_email, message, plan_code, provider, paid_at, expires_at) "
                                + "VALUES (:h, :b, :r, :m, :p, :prov, :paid, :exp)")
                .param("h", tokenHash)
                .param("b", order.buyer())
                .param("r", order.recipient())
                .param("m", order.message())
                .param("p", order.plan().code())
                .param("prov", provider)
                .param("paid", paidAt)
                .param("exp", now.plus(REDEEMABLE_FOR))
                .update();
    }

    /** The gift a token names while it can be redeemed. */
    public Optional<Gift> redeemable(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return jdbc.sql("SELECT id, buyer_email, recipient_email, message, plan_code FROM gifts WHERE token_hash = :h "
                        + "AND paid_at IS NOT NULL AND redeemed_at IS NULL AND expires_at > :now")
                .param("h", Tokens.sha256(token))
                .param("now", organisations.now())
                .query((rs, n) ->
                        new Gift(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    /**
     * Redeems the gift for {@code userId}: a year's subscription from now. Claimed by a conditional
     * update, so a link used twice gives one year. A reader who already pays keeps the link for later.
     */
    @Transactional
    public Outcome redeem(String token, long userId) {
        Optional<Gift> gift = redeemable(token);
        if (gift.isEmpty()) return Outcome.NOT_VALID;
        if (subscriptions.payingNow(userId)) return Outcome.ALREADY_SUBSCRIBED;
        int claimed = jdbc.sql(
                        "UPDATE gifts SET redeemed_at = :now, redeemed_by = :u WHERE id = :id AND redeemed_at IS NULL")
                .param("now", organisations.now())
                .param("u", userId)
                .param("id", gift.get().id())
                .update();
        if (claimed != 1) return Outcome.NOT_VALID;
        subscriptions.startGift(
                userId, gift.get().planCode(), "gift#" + gift.get().id());
        return Outcome.REDEEMED;
    }

    private static String address(String email, String whose) {
        String e = UserAccounts.normalise(email == null ? "" : email);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || e.length() > 320) {
            throw new Organisations.Refused("Enter " + whose + " email address, like name@example.org.");
        }
        return e;
    }
}
