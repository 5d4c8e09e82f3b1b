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

    public enum Outcome { REDEEMED, NOT_VALID, ALREADY_SUBSCRIBED }

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
        return plans.active().stream().filter(p -> p.interval() == Plans.Interval.YEAR).findFirst();
    }

    /** Records a paid gift (provider: TEST for test payments) and mails the recipient the link and the buyer a receipt. */
    @Transactional
    public void bought(String buyerEmail, String recipientEmail, String message, String provider) {
        String buyer = address(buyerEmail, "your");
        String recipient = address(recipientEmail, "the recipient's");
        String note = message == null ? null : message.strip();
        if (note != null && note.length() > 1000) throw new Organisations.Refused("The message is at most 1,000 characters.");
        Plans.Plan plan = giftPlan().orElseThrow(() -> new Organisations.Refused("No yearly plan is on sale to give."));
        String token = Tokens.fresh();
        OffsetDateTime now = organisations.now();
        jdbc.sql("INSERT INTO gifts (token_hash, buyer_email, recipient_email, message, plan_code, provider, paid_at, expires_at) "
                        + "VALUES (:h, :b, :r, :m, :p, :prov, :now, :exp)")
                .param("h", Tokens.sha256(token)).param("b", buyer).param("r", recipient).param("m", note == null || note.isEmpty() ? null : note)
                .param("p", plan.code()).param("prov", provider).param("now", now).param("exp", now.plus(REDEEMABLE_FOR)).update();
        mail.gift(recipient, buyer, note, token);
        mail.giftReceipt(buyer, recipient);
    }

    /** The gift a token names while it can be redeemed. */
    public Optional<Gift> redeemable(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return jdbc.sql("SELECT id, buyer_email, recipient_email, message, plan_code FROM gifts WHERE token_hash = :h "
                        + "AND redeemed_at IS NULL AND expires_at > :now")
                .param("h", Tokens.sha256(token)).param("now", organisations.now())
                .query((rs, n) -> new Gift(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).optional();
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
        int claimed = jdbc.sql("UPDATE gifts SET redeemed_at = :now, redeemed_by = :u WHERE id = :id AND redeemed_at IS NULL")
                .param("now", organisations.now()).param("u", userId).param("id", gift.get().id()).update();
        if (claimed != 1) return Outcome.NOT_VALID;
        subscriptions.startGift(userId, gift.get().planCode(), "gift#" + gift.get().id());
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
