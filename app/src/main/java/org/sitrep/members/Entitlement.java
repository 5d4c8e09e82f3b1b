package org.sitrep.members;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of access to everything other than a reader's own subscription — a seat of a team licence,
 * a site licence by address — contributed by the feature that sells it. Members asks every such bean
 * through {@link Entitlements}, the one place that decides who reads everything, so the paywall, the
 * account page and paid newsletters never learn the kinds one by one (and members never depends on
 * the features that implement this).
 */
public interface Entitlement {
    /** What gives this reader everything now (e.g. "a seat of Acme Risk"), or empty. {@code email} is verified when {@code verified}. */
    Optional<String> forReader(long userId, String email, boolean verified);

    /** Of these readers, those this entitlement gives everything now (paid newsletters' audience). */
    default Set<Long> readersEntitled(Collection<Long> userIds) {
        Set<Long> out = new LinkedHashSet<>();
        for (long id : userIds) if (forReader(id, null, false).isPresent()) out.add(id);
        return out;
    }

    /**
     * Who gives everything to a request from this client address, without signing in (a site
     * licence), or empty. {@code count}: the request is a read to count for the licence's usage.
     */
    default Optional<String> forAddress(String clientAddress, boolean count) {
        return Optional.empty();
    }
}
