package org.sitrep.licences;

import java.time.Instant;
import java.util.Optional;
import org.sitrep.members.Subscriptions;
import org.sitrep.payments.StripeSales;
import org.springframework.stereotype.Component;

/** Team licences and gifts made real when Stripe's webhook says they are paid. */
@Component
class LicenceSales implements StripeSales {
    private final Organisations organisations;
    private final Gifts gifts;
    private final Subscriptions subscriptions;

    LicenceSales(Organisations organisations, Gifts gifts, Subscriptions subscriptions) {
        this.organisations = organisations;
        this.gifts = gifts;
        this.subscriptions = subscriptions;
    }

    @Override
    public Optional<String> cannotStartTeam(long reader, String plan, int seats) {
        return subscriptions
                .cannotStart(reader, plan)
                .or(() -> seats < 1 || seats > Subscriptions.MOST_SEATS
                        ? Optional.of(seats + " seats is not from 1 to " + Subscriptions.MOST_SEATS)
                        : Optional.empty());
    }

    @Override
    public void startTeam(
            long reader,
            String plan,
            int seats,
            String organisation,
            Subscriptions.State state,
            Instant periodEnd,
            String subscriptionRef,
            String customer,
            Instant at) {
        // The name was checked before Checkout; one that somehow is not usable still makes the paid licence.
        String name = organisations.cannotBuyTeam(organisation, 1).isEmpty()
                ? organisation
                : "Team licence " + subscriptionRef;
        organisations.startTeamFromStripe(reader, name, plan, seats, state, periodEnd, subscriptionRef, customer, at);
    }

    @Override
    public boolean giftPaid(long giftId, String session) {
        return gifts.paid(giftId, session);
    }
}
