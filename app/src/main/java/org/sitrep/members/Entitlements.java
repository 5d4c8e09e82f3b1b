package org.sitrep.members;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one rule for "this reader reads everything now": a subscription of their own that pays now
 * ({@link Subscriptions#PAYING_NOW}; a redeemed gift is such a subscription), or any other
 * {@link Entitlement} (a seat of a team licence); and, without signing in, a site licence covering
 * the client's address. The paywall, the account page and paid newsletters all ask here.
 */
@Service
public class Entitlements {
    private final Subscriptions subscriptions;
    private final ObjectProvider<Entitlement> kinds;

    public Entitlements(Subscriptions subscriptions, ObjectProvider<Entitlement> kinds) {
        this.subscriptions = subscriptions;
        this.kinds = kinds;
    }

    /** True while the reader has a subscription that pays now or another entitlement. */
    public boolean readsEverything(long userId, String email, boolean verified) {
        return subscriptions.payingNow(userId)
                || kinds.orderedStream()
                        .anyMatch(k -> k.forReader(userId, email, verified).isPresent());
    }

    /** What besides their own subscription gives this reader everything (for the account page), or empty. */
    public Optional<String> grantedBy(long userId, String email, boolean verified) {
        return kinds.orderedStream()
                .map(k -> k.forReader(userId, email, verified))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Of {@code notPaying} (readers without a paying subscription of their own), those another entitlement covers. */
    Set<Long> entitledOtherwise(Collection<Long> notPaying) {
        Set<Long> out = new LinkedHashSet<>();
        if (notPaying.isEmpty()) return out;
        kinds.orderedStream().forEach(k -> out.addAll(k.readersEntitled(notPaying)));
        return out;
    }

    /** The organisation whose site licence covers this client address ("Access provided by …"), or empty. */
    public Optional<String> byAddress(String clientAddress, boolean count) {
        if (clientAddress == null || clientAddress.isEmpty()) return Optional.empty();
        return kinds.orderedStream()
                .map(k -> k.forAddress(clientAddress, count))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
