package org.sitrep.paywall;

/**
 * What one reader gets of one piece, decided on the server.
 *
 * @param outcome  the whole piece, the whole piece on the meter, or a cut one and why (a cut page
 *                 carries only the body's {@link Paywall#opening opening})
 * @param left     free pieces left this month (for metered readers)
 * @param signedIn the reader has an account (the offer then asks to subscribe, not to join)
 * @param offer    the offer's wording from settings (shown when cut): to subscribe, or for an
 *                 anonymous visitor past the meter, to register (the registration wall)
 * @param providedBy the organisation whose site licence gives this reader the piece ("Access provided by …"), or null
 */
public record Access(Outcome outcome, int left, boolean signedIn, Offer offer, String providedBy) {

    public Access(Outcome outcome, int left, boolean signedIn, Offer offer) {
        this(outcome, left, signedIn, offer, null);
    }

    public enum Outcome {
        FULL,
        METERED,
        CUT_METER,
        CUT_MEMBERS,
        CUT_PAID
    }

    /**
     * An offer as the publisher worded it in /admin/paywall: to subscribe, or ({@code join}) the
     * registration wall's offer to join free, whose button is {@code priceText}.
     */
    public record Offer(String heading, String text, String priceText, boolean join) {
        public Offer(String heading, String text, String priceText) {
            this(heading, text, priceText, false);
        }
    }

    public boolean cut() {
        return outcome == Outcome.CUT_METER || outcome == Outcome.CUT_MEMBERS || outcome == Outcome.CUT_PAID;
    }

    public boolean metered() {
        return outcome == Outcome.METERED;
    }

    /** The anonymous visitor past the meter, when joining gives more free pieces: offered to register, not to subscribe. */
    public boolean registrationWall() {
        return outcome == Outcome.CUT_METER && !signedIn && offer != null && offer.join();
    }

    /** A notice goes above the piece: the meter's count, or whose site licence gives it. */
    public boolean notice() {
        return metered() || providedBy != null;
    }

    /**
     * Part of the page-cache key: pages differ by outcome, by the count shown in the meter notice
     * and by the offer (join or subscribe), and by nothing else about the reader.
     */
    public String cacheKey() {
        return switch (outcome) {
            case FULL -> providedBy == null ? "#full" : "#full-by-" + providedBy;
            case METERED -> "#metered-" + left + (signedIn ? "-member" : "-visitor");
            default -> "#" + outcome.name().toLowerCase() + (signedIn ? "-member" : "-visitor");
        };
    }
}
