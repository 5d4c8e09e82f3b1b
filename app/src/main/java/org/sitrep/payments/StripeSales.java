package org.sitrep.payments;

import java.time.Instant;
import java.util.Optional;
import org.sitrep.members.Subscriptions;

/**
 * What Stripe sells besides a reader's own subscription — a team licence (seats, a quantity of one
 * subscription) and a gift (a one-off payment) — made real by the feature that owns them
 * ({@code licences}) when the webhook says they are paid. An interface here, so that payments
 * never reads licences' tables and licences calls payments, not the other way round.
 */
public interface StripeSales {
    /** Why a team licence of {@code seats} seats to {@code plan} cannot start for this reader, or empty. */
    Optional<String> cannotStartTeam(long reader, String plan, int seats);

    /** Starts the team licence Stripe has made: its subscription (with Stripe's id and state) and its organisation. */
    void startTeam(
            long reader,
            String plan,
            int seats,
            String organisation,
            Subscriptions.State state,
            Instant periodEnd,
            String subscriptionRef,
            String customer,
            Instant at);

    /**
     * The gift {@code giftId} was paid by the Checkout {@code session}: record it and mail the link.
     * False when there is no such unpaid gift (already paid: a repeat; unknown: nothing to do).
     */
    boolean giftPaid(long giftId, String session);
}
