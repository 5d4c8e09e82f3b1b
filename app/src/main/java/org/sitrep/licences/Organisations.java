package org.sitrep.licences;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.UserAccounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations that buy for many readers: a team licence (a number of seats of one subscription,
 * handed out by the organisation's managers) and a site licence (its address ranges, sold by the
 * publisher). A seat is a row: freeing it ends the reader's access on their next request.
 */
@Service
public class Organisations {
    /** An organisation as its managers and the publisher see it. */
    public record Organisation(long id, String name, Long subscriptionId, Instant siteLicenceUntil) {}

    /** A seat and who holds it. */
    public record Seat(long userId, String email, boolean manager, String how, Instant joinedAt) {}

    /** A refusal to show the reader (no seat left, not a manager, a bad value). */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final ReaderAccounts readers;

    Organisations(JdbcClient jdbc, Clock clock, Subscriptions subscriptions, ReaderAccounts readers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.readers = readers;
    }

    /**
     * A team licence bought by {@code managerId}: the organisation, its subscription for {@code seats}
     * seats to {@code planCode}, and the buyer's own seat as its first manager.
     */
    @Transactional
    public Organisation buyTeam(long managerId, String name, String planCode, int seats, String provider) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200)
            throw new Refused("Enter the organisation's name (at most 200 characters).");
        if (seats < 1 || seats > Subscriptions.MOST_SEATS)
            throw new Refused("Choose from 1 to " + Subscriptions.MOST_SEATS + " seats.");
        long subscription;
        try {
            subscription = subscriptions.startTeam(managerId, planCode, seats, provider, null);
        } catch (UserAccounts.AccountProblem e) {
            throw new Refused(e.getMessage());
        }
        return founded(managerId, n, subscription);
    }

    /** Why a team licence cannot be sold with these values (the same checks as {@link #buyTeam}), or empty. */
    public Optional<String> cannotBuyTeam(String name, int seats) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200)
            return Optional.of("Enter the organisation's name (at most 200 characters).");
        if (seats < 1 || seats > Subscriptions.MOST_SEATS)
            return Optional.of("Choose from 1 to " + Subscriptions.MOST_SEATS + " seats.");
        return Optional.empty();
    }

    /**
     * The team licence Stripe has made (its webhook): the subscription as Stripe has it, then the
     * organisation with the buyer as its first manager, in the webhook's transaction.
     */
    @Transactional
    public Organisation startTeamFromStripe(
            long managerId,
            String name,
            String planCode,
            int seats,
            Subscriptions.State state,
            Instant periodEnd,
            String ref,
            String customer,
            Instant at) {
        long subscription = subscriptions
                .startFromProvider(managerId, planCode, state, periodEnd, "STRIPE", ref, customer, at)
                .id();
        subscriptions.setSeats(subscription, seats);
        return founded(managerId, name.strip(), subscription);
    }

    private Organisation founded(long managerId, String name, long subscription) {
        jdbc.sql("INSERT INTO organisations (name, subscription_id, created_at) VALUES (:n, :s, :now)")
                .param("n", name)
                .param("s", subscription)
                .param("now", now())
                .update();
        long id = jdbc.sql("SELECT id FROM organisations WHERE subscription_id = :s")
                .param("s", subscription)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO organisation_seats (organisation_id, user_id, manager, joined_at, how) VALUES (:o, :u, TRUE, :now, 'BOUGHT')")
                .param("o", id)
                .param("u", managerId)
                .param("now", now())
                .update();
        return find(id).orElseThrow();
    }

    /** An organisation the publisher sells a site licence to (no seats), readable from its ranges until {@code until}. */
    @Transactional
    public Organisation createForSite(String name, Instant until) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200)
            throw new Refused("Enter the organisation's name (at most 200 characters).");
        jdbc.sql("INSERT INTO organisations (name, site_licence_until, created_at) VALUES (:n, :u, :now)")
                .param("n", n)
                .param("u", utc(until))
                .param("now", now())
                .update();
        return jdbc.sql(SELECT + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(Organisations::row)
                .single();
    }

    /** Sets until when the organisation's site licence reads (null: no site licence). */
    public void setSiteLicenceUntil(long organisationId, Instant until) {
        jdbc.sql("UPDATE organisations SET site_licence_until = :u WHERE id = :id")
                .param("u", utc(until))
                .param("id", organisationId)
                .update();
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Organisations::row)
                .optional();
    }

    public List<Organisation> all() {
        return jdbc.sql(SELECT + " ORDER BY name, id").query(Organisations::row).list();
    }

    /** The organisations this reader manages. */
    public List<Organisation> managedBy(long userId) {
        return jdbc.sql(
                        SELECT
                                + " WHERE id IN (SELECT organisation_id FROM organisation_seats WHERE user_id = :u AND manager = TRUE) ORDER BY name")
                .param("u", userId)
                .query(Organisations::row)
                .list();
    }

    public boolean manages(long userId, long organisationId) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM organisation_seats WHERE organisation_id = :o AND user_id = :u AND manager = TRUE")
                        .param("o", organisationId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Seats bought (0 without a team licence). */
    public int seatsBought(Organisation o) {
        return o.subscriptionId() == null ? 0 : subscriptions.seats(o.subscriptionId());
    }

    /** True while the team licence pays now (the one rule, {@link Subscriptions#PAYING_NOW}). */
    public boolean teamLicencePays(Organisation o) {
        return o.subscriptionId() != null && subscriptions.subscriptionPaysNow(o.subscriptionId());
    }

    public int seatsUsed(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation_seats WHERE organisation_id = :o")
                .param("o", organisationId)
                .query(Long.class)
                .single()
                .intValue();
    }

    /** Who holds the seats, managers first. */
    public List<Seat> seats(long organisationId) {
        record Row(long userId, boolean manager, String how, OffsetDateTime at) {}
        List<Row> rows = jdbc.sql(
                        "SELECT user_id, manager, how, joined_at FROM organisation_seats WHERE organisation_id = :o "
                                + "ORDER BY manager DESC, joined_at, user_id")
                .param("o", organisationId)
                .query((rs, n) -> new Row(
                        rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list();
        Map<Long, String> emails =
                readers.addresses(rows.stream().map(Row::userId).toList());
        return rows.stream()
                .map(r -> new Seat(
                        r.userId(),
                        emails.getOrDefault(r.userId(), "(deleted)"),
                        r.manager(),
                        r.how(),
                        r.at().toInstant()))
                .toList();
    }

    /**
     * Gives {@code userId} a seat if one is free. The organisation's row is locked first, so two
     * readers taking the last seat at once cannot both have it. False when no seat is free.
     */
    @Transactional
    public boolean takeSeat(long organisationId, long userId, String how) {
        Organisation o = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
                .param("id", organisationId)
                .query(Organisations::row)
                .optional()
                .orElseThrow(() -> new Refused("That organisation no longer exists."));
        if (holdsSeat(organisationId, userId)) return true;
        if (seatsUsed(organisationId) >= seatsBought(o)) return false;
        try {
            jdbc.sql(
                            "INSERT INTO organisation_seats (organisation_id, user_id, manager, joined_at, how) VALUES (:o, :u, FALSE, :now, :how)")
                    .param("o", organisationId)
                    .param("u", userId)
                    .param("now", now())
                    .param("how", how)
                    .update();
        } catch (DuplicateKeyException already) {
            return true;
        }
        return true;
    }

    public boolean holdsSeat(long organisationId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation_seats WHERE organisation_id = :o AND user_id = :u")
                        .param("o", organisationId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Frees a seat: its holder reads no more through the licence from their next request. A manager cannot free their own. */
    @Transactional
    public void freeSeat(long organisationId, long managerId, long userId) {
        if (!manages(managerId, organisationId)) throw new Refused("Only the organisation's managers free seats.");
        if (managerId == userId) throw new Refused("You cannot free your own seat: you manage the licence.");
        jdbc.sql("DELETE FROM organisation_seats WHERE organisation_id = :o AND user_id = :u")
                .param("o", organisationId)
                .param("u", userId)
                .update();
    }

    /** Buys {@code more} seats (test payments: at once; with Stripe the quantity is changed there and follows by webhook). */
    @Transactional
    public void buyMoreSeats(long organisationId, long managerId, int more) {
        if (!manages(managerId, organisationId)) throw new Refused("Only the organisation's managers buy seats.");
        Organisation o = find(organisationId).orElseThrow();
        if (o.subscriptionId() == null) throw new Refused("This organisation has no team licence.");
        int now = seatsBought(o);
        if (more < 1 || now + more > Subscriptions.MOST_SEATS)
            throw new Refused("Choose from 1 to " + (Subscriptions.MOST_SEATS - now) + " more seats.");
        subscriptions.setSeats(o.subscriptionId(), now + more);
    }

    /** The Stripe subscription id of the organisation's team licence, when Stripe bills it. */
    public Optional<String> stripeSubscription(Organisation o) {
        if (o.subscriptionId() == null) return Optional.empty();
        return subscriptions.providerRef(o.subscriptionId(), "STRIPE");
    }

    /** The organisations whose seat this reader holds, with their subscriptions. */
    List<Organisation> withSeatOf(long userId) {
        return jdbc.sql(SELECT + " WHERE id IN (SELECT organisation_id FROM organisation_seats WHERE user_id = :u)")
                .param("u", userId)
                .query(Organisations::row)
                .list();
    }

    /** Of these readers, each one's organisations' subscriptions (for a batch question). */
    Map<Long, List<Long>> subscriptionsOfSeats(java.util.Collection<Long> userIds) {
        Map<Long, List<Long>> out = new java.util.HashMap<>();
        if (userIds.isEmpty()) return out;
        jdbc.sql(
                        "SELECT t.user_id, o.subscription_id FROM organisation_seats t JOIN organisations o ON o.id = t.organisation_id "
                                + "WHERE t.user_id IN (:ids) AND o.subscription_id IS NOT NULL")
                .param("ids", userIds)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return out;
    }

    /** The domains whose verified addresses join by themselves. */
    public List<String> domains(long organisationId) {
        return jdbc.sql("SELECT domain FROM organisation_domains WHERE organisation_id = :o ORDER BY domain")
                .param("o", organisationId)
                .query(String.class)
                .list();
    }

    /** Adds a domain for automatic joining (the publisher checks the organisation owns it). One organisation per domain. */
    public String addDomain(long organisationId, String domain) {
        String d = domain == null ? "" : domain.strip().toLowerCase(java.util.Locale.ROOT);
        if (d.startsWith("@")) d = d.substring(1);
        if (d.length() > 253 || !d.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            throw new Refused(
                    "'" + (d.length() > 60 ? d.substring(0, 60) : d) + "' is not a domain name, like example.org.");
        }
        try {
            jdbc.sql("INSERT INTO organisation_domains (domain, organisation_id) VALUES (:d, :o)")
                    .param("d", d)
                    .param("o", organisationId)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new Refused(d + " already belongs to an organisation.");
        }
        return d;
    }

    public void removeDomain(long organisationId, String domain) {
        jdbc.sql("DELETE FROM organisation_domains WHERE organisation_id = :o AND domain = :d")
                .param("o", organisationId)
                .param("d", domain)
                .update();
    }

    /** Removes the reader's seats (their account is being deleted). */
    void leaveAll(long userId) {
        jdbc.sql("DELETE FROM organisation_seats WHERE user_id = :u")
                .param("u", userId)
                .update();
    }

    private static final String SELECT = "SELECT id, name, subscription_id, site_licence_until FROM organisations";

    private static Organisation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long sub = rs.getLong(3);
        Long subscription = rs.wasNull() ? null : sub;
        OffsetDateTime until = rs.getObject(4, OffsetDateTime.class);
        return new Organisation(rs.getLong(1), rs.getString(2), subscription, until == null ? null : until.toInstant());
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
