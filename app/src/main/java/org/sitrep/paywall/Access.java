package org.sitrep.paywall;

/**
 * What one reader gets of one piece, decided on the server.
 *
 * @param outcome  the whole piece, the whole piece on the meter, or a cut one and why (a cut page
 *                 carries only the body's {@link Paywall#opening opening})
 * @param left     free pieces left this month (for metered readers)
 * @param signedIn the reader has an account (the offer then asks to subscribe, not to join)
 * @param offer    the offer's wording from settings (shown when cut)
 */
public record Access(Outcome outcome, int left, boolean signedIn, Offer offer) {

    public enum Outcome { FULL, METERED, CUT_METER, CUT_MEMBERS, CUT_PAID }

    /** The subscribe offer as the publisher worded it in /admin/paywall. */
    public record Offer(String heading, String text, String priceText) {}

    public boolean cut() {
        return outcome == Outcome.CUT_METER || outcome == Outcome.CUT_MEMBERS || outcome == Outcome.CUT_PAID;
    }

    public boolean metered() { return outcome == Outcome.METERED; }

    /**
     * Part of the page-cache key: pages differ by outcome, by the count shown in the meter notice
     * and by the offer (join or subscribe), and by nothing else about the reader.
     */
    public String cacheKey() {
        return switch (outcome) {
            case FULL -> "#full";
            case METERED -> "#metered-" + left + (signedIn ? "-member" : "-visitor");
            default -> "#" + outcome.name().toLowerCase() + (signedIn ? "-member" : "-visitor");
        };
    }
}
