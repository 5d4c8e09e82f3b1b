package org.sitrep.licences;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sitrep.members.Entitlement;
import org.sitrep.members.Subscriptions;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A seat of a team licence as an {@link Entitlement}: the reader holds a seat of an organisation
 * whose subscription pays now. A reader with a verified address at one of the organisation's
 * domains (set by the publisher) takes a free seat by themselves the first time they are asked about.
 */
@Component
@Order(10)
class TeamSeats implements Entitlement {
    private final Organisations organisations;
    private final Subscriptions subscriptions;
    private final JdbcClient jdbc;

    TeamSeats(Organisations organisations, Subscriptions subscriptions, JdbcClient jdbc) {
        this.organisations = organisations;
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> forReader(long userId, String email, boolean verified) {
        for (Organisations.Organisation o : organisations.withSeatOf(userId)) {
            if (organisations.teamLicencePays(o)) return Optional.of("a seat of " + o.name());
        }
        if (verified && email != null) return joinByDomain(userId, email);
        return Optional.empty();
    }

    @Override
    public Set<Long> readersEntitled(Collection<Long> userIds) {
        Map<Long, List<Long>> subs = organisations.subscriptionsOfSeats(userIds);
        Set<Long> paying = subscriptions.payingNowAmong(
                subs.values().stream().flatMap(List::stream).distinct().toList());
        Set<Long> out = new LinkedHashSet<>();
        subs.forEach((user, list) -> {
            if (list.stream().anyMatch(paying::contains)) out.add(user);
        });
        return out;
    }

    /** Automatic joining: a verified address at a domain of an organisation with a paying licence and a free seat. */
    private Optional<String> joinByDomain(long userId, String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) return Optional.empty();
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        Optional<Long> org = jdbc.sql("SELECT organisation_id FROM organisation_domains WHERE domain = :d")
                .param("d", domain)
                .query(Long.class)
                .optional();
        if (org.isEmpty()) return Optional.empty();
        Optional<Organisations.Organisation> o = organisations.find(org.get()).filter(organisations::teamLicencePays);
        if (o.isEmpty() || !organisations.takeSeat(o.get().id(), userId, "DOMAIN")) return Optional.empty();
        return Optional.of("a seat of " + o.get().name());
    }
}
