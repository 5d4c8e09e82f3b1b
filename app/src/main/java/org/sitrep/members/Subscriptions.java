package org.sitrep.members;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' paid plans and the states a subscription goes through. Payment providers (the offline
 * test mode now, Stripe later) move subscriptions only along {@link State#next()}; anything else
 * is refused, so an event arriving out of order cannot revive an expired subscription.
 */
@Service
public class Subscriptions {

    public enum State {
        TRIALING,
        ACTIVE,
        PAST_DUE,
        CANCELED,
        EXPIRED;

        private static final Map<State, Set<State>> NEXT = Map.of(
                TRIALING, EnumSet.of(ACTIVE, PAST_DUE, CANCELED, EXPIRED),
                ACTIVE, EnumSet.of(PAST_DUE, CANCELED, EXPIRED),
                PAST_DUE, EnumSet.of(ACTIVE, CANCELED, EXPIRED),
                CANCELED, EnumSet.of(ACTIVE, EXPIRED), // a cancellation can be undone before the period ends
                EXPIRED, EnumSet.noneOf(State.class));

        public Set<State> next() {
            return NEXT.get(this);
        }

        /** Still billed, so it renews: what a reader can cancel. (CANCELED still reads until the period ends.) */
        public boolean paying() {
            return this == TRIALING || this == ACTIVE || this == PAST_DUE;
        }

        /** Gives the plan's access until the period ends: billed, or cancelled but paid to the period's end. */
        public boolean reads() {
            return this != EXPIRED;
        }
    }

    /**
     * The one rule for "this reader pays now", as SQL on a {@code subscriptions} row aliased {@code s},
     * with the parameter {@code :now}: a subscription in a state that {@link State#reads() reads}
     * whose period has not ended. The paywall, the member list and paid newsletters all use it (through
     * {@link #payingNow(long)}, {@link ReaderAccounts#inGoodStanding} or {@link MemberDirectory}).
     */
    static final String PAYING_NOW = "s.state IN ("
            + java.util.Arrays.stream(State.values())
                    .filter(State::reads)
                    .map(st -> "'" + st.name() + "'")
                    .collect(java.util.stream.Collectors.joining(", "))
            + ") AND (s.current_period_end IS NULL OR s.current_period_end > :now)";

    public record Subscription(
            long id,
            long userId,
            String planCode,
            String planName,
            State state,
            Instant currentPeriodEnd,
            String provider) {}

    /** A move the state machine does not allow. */
    public static class IllegalTransition extends RuntimeException {
        IllegalTransition(State from, State to) {
            super("A subscription cannot go from " + from + " to " + to);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Subscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a subscription to {@code planCode}, its first period running from now. */
    @Transactional
    public Subscription start(long userId, String planCode, State state, String provider, String providerRef) {
        Plans.Plan plan = jdbc.sql(
                        "SELECT id, code, name, price_cents, currency, billing_interval, active FROM plans WHERE code = :c")
                .param("c", planCode)
                .query((rs, n) -> new Plans.Plan(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        Plans.Interval.valueOf(rs.getString(6)),
                        rs.getBoolean(7)))
                .optional()
                .filter(Plans.Plan::active)
                .orElseThrow(() -> new UserAccounts.AccountProblem("That plan is not offered."));
        OffsetDateTime now = now();
        OffsetDateTime end = plan.interval() == Plans.Interval.YEAR ? now.plusYears(1) : now.plusMonths(1);
        jdbc.sql(
                        "INSERT INTO subscriptions (user_id, plan_id, state, current_period_end, provider, provider_ref, created_at, updated_at) "
                                + "VALUES (:u, :p, :s, :end, :prov, :ref, :now, :now)")
                .param("u", userId)
                .param("p", plan.id())
                .param("s", state.name())
                .param("end", end)
                .param("prov", provider)
                .param("ref", providerRef)
                .param("now", now)
                .update();
        return current(userId).orElseThrow();
    }

    /**
     * Starts a team licence: a subscription to {@code planCode} for {@code seats} seats, billed to
     * {@code userId} (the organisation's first manager); returns its id. The seats are the
     * organisation's to hand out (licences' {@code TeamSeats}).
     */
    @Transactional
    public long startTeam(long userId, String planCode, int seats, String provider, String providerRef) {
        if (seats < 1 || seats > MOST_SEATS)
            throw new UserAccounts.AccountProblem("A team licence has from 1 to " + MOST_SEATS + " seats.");
        Subscription s = start(userId, planCode, State.ACTIVE, provider, providerRef);
        jdbc.sql("UPDATE subscriptions SET seats = :n WHERE id = :id")
                .param("n", seats)
                .param("id", s.id())
                .update();
        return s.id();
    }

    /**
     * Starts a redeemed gift: one period of {@code planCode} from now (provider {@code GIFT}), even if
     * the plan has since been withdrawn from sale (it was paid for).
     */
    @Transactional
    public void startGift(long userId, String planCode, String giftRef) {
        startFromProvider(userId, planCode, State.ACTIVE, null, "GIFT", giftRef, null, clock.instant());
    }

    /** The most seats one team licence may have. */
    public static final int MOST_SEATS = 10_000;

    /** Seats bought with this subscription (1 for a reader's own). */
    public int seats(long subscriptionId) {
        return jdbc.sql("SELECT seats FROM subscriptions WHERE id = :id")
                .param("id", subscriptionId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Sets the seats bought (more bought, or the provider's quantity changed). */
    @Transactional
    public void setSeats(long subscriptionId, int seats) {
        if (seats < 1 || seats > MOST_SEATS)
            throw new UserAccounts.AccountProblem("A team licence has from 1 to " + MOST_SEATS + " seats.");
        jdbc.sql("UPDATE subscriptions SET seats = :n, updated_at = :now WHERE id = :id")
                .param("n", seats)
                .param("now", now())
                .param("id", subscriptionId)
                .update();
    }

    /** True while this subscription pays now ({@link #PAYING_NOW}): a team licence's seats read while it does. */
    public boolean subscriptionPaysNow(long subscriptionId) {
        return jdbc.sql("SELECT COUNT(*) FROM subscriptions s WHERE s.id = :id AND " + PAYING_NOW)
                        .param("id", subscriptionId)
                        .param("now", now())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Of these subscriptions, the ones that pay now. */
    public Set<Long> payingNowAmong(java.util.Collection<Long> subscriptionIds) {
        if (subscriptionIds.isEmpty()) return Set.of();
        return new java.util.HashSet<>(
                jdbc.sql("SELECT s.id FROM subscriptions s WHERE s.id IN (:ids) AND " + PAYING_NOW)
                        .param("ids", subscriptionIds)
                        .param("now", now())
                        .query(Long.class)
                        .list());
    }

    /** Moves a subscription to {@code to}; refuses moves the state machine does not allow. */
    @Transactional(noRollbackFor = IllegalTransition.class) // a refused move must not spoil the caller's transaction
    public Subscription move(long subscriptionId, State to) {
        Subscription s =
                byId(subscriptionId).orElseThrow(() -> new UserAccounts.AccountProblem("No such subscription."));
        if (s.state() == to) return s;
        if (!s.state().next().contains(to)) throw new IllegalTransition(s.state(), to);
        // Conditional on the state read, so two concurrent moves cannot both apply.
        int updated = jdbc.sql(
                        "UPDATE subscriptions SET state = :to, updated_at = :now WHERE id = :id AND state = :from")
                .param("to", to.name())
                .param("now", now())
                .param("id", subscriptionId)
                .param("from", s.state().name())
                .update();
        if (updated != 1) throw new IllegalTransition(s.state(), to);
        return byId(subscriptionId).orElseThrow();
    }

    /** A subscription as a payment provider knows it: its id there and the time of the newest event applied. */
    public record ProviderView(long id, long userId, State state, Instant currentPeriodEnd, Instant providerEventAt) {}

    /**
     * The subscription with this provider id, its row locked until the caller's transaction ends,
     * so webhook events for one subscription are decided one after the other.
     */
    @Transactional
    public Optional<ProviderView> lockByProviderRef(String provider, String ref) {
        if (ref == null || ref.isEmpty()) return Optional.empty();
        return jdbc.sql("SELECT id, user_id, state, current_period_end, provider_event_at FROM subscriptions "
                        + "WHERE provider = :p AND provider_ref = :r FOR UPDATE")
                .param("p", provider)
                .param("r", ref)
                .query((rs, n) -> new ProviderView(
                        rs.getLong(1),
                        rs.getLong(2),
                        State.valueOf(rs.getString(3)),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class))))
                .optional();
    }

    /** Why a provider's subscription cannot be started for this reader and plan, or empty when it can. */
    public Optional<String> cannotStart(long userId, String planCode) {
        if (jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :u")
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                == 0) {
            return Optional.of("no reader " + userId);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM plans WHERE code = :c")
                        .param("c", planCode)
                        .query(Long.class)
                        .single()
                == 0) {
            return Optional.of("no plan '" + planCode + "'");
        }
        return Optional.empty();
    }

    /**
     * Starts a subscription the provider has already made: its state and period come from the
     * provider ({@code periodEnd} null: one period of the plan from now). The plan may since have
     * been withdrawn from sale (the reader paid for it) but must exist: check {@link #cannotStart} first.
     */
    @Transactional
    public Subscription startFromProvider(
            long userId,
            String planCode,
            State state,
            Instant periodEnd,
            String provider,
            String ref,
            String customer,
            Instant providerEventAt) {
        Plans.Plan plan = jdbc.sql(
                        "SELECT id, code, name, price_cents, currency, billing_interval, active FROM plans WHERE code = :c")
                .param("c", planCode)
                .query((rs, n) -> new Plans.Plan(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        Plans.Interval.valueOf(rs.getString(6)),
                        rs.getBoolean(7)))
                .single();
        OffsetDateTime now = now();
        OffsetDateTime end = periodEnd != null
                ? utc(periodEnd)
                : plan.interval() == Plans.Interval.YEAR ? now.plusYears(1) : now.plusMonths(1);
        jdbc.sql(
                        "INSERT INTO subscriptions (user_id, plan_id, state, current_period_end, provider, provider_ref, provider_customer, "
                                + "provider_event_at, created_at, updated_at) VALUES (:u, :p, :s, :end, :prov, :ref, :cus, :at, :now, :now)")
                .param("u", userId)
                .param("p", plan.id())
                .param("s", state.name())
                .param("end", end)
                .param("prov", provider)
                .param("ref", ref)
                .param("cus", customer)
                .param("at", utc(providerEventAt))
                .param("now", now)
                .update();
        return jdbc.sql(SELECT + " WHERE s.provider = :prov AND s.provider_ref = :ref")
                .param("prov", provider)
                .param("ref", ref)
                .query(Subscriptions::row)
                .single();
    }

    /**
     * Brings a subscription to what its provider says at {@code providerEventAt}: the state (along
     * {@link State#next()} only), the period end when given, and the provider's customer when given.
     */
    @Transactional(noRollbackFor = IllegalTransition.class)
    public void syncFromProvider(
            long subscriptionId, State to, Instant periodEnd, String customer, Instant providerEventAt) {
        Subscription s =
                byId(subscriptionId).orElseThrow(() -> new UserAccounts.AccountProblem("No such subscription."));
        if (s.state() != to && !s.state().next().contains(to)) throw new IllegalTransition(s.state(), to);
        String set = "state = :to, updated_at = :now" + (periodEnd != null ? ", current_period_end = :end" : "")
                + (customer != null && !customer.isEmpty() ? ", provider_customer = :cus" : "")
                + (providerEventAt != null ? ", provider_event_at = :at" : "");
        var update = jdbc.sql("UPDATE subscriptions SET " + set + " WHERE id = :id AND state = :from")
                .param("to", to.name())
                .param("now", now())
                .param("id", subscriptionId)
                .param("from", s.state().name());
        if (periodEnd != null) update = update.param("end", utc(periodEnd));
        if (customer != null && !customer.isEmpty()) update = update.param("cus", customer);
        if (providerEventAt != null) update = update.param("at", utc(providerEventAt));
        int updated = update.update();
        if (updated != 1) throw new IllegalTransition(s.state(), to);
    }

    /** This subscription's id at {@code provider}, when that provider bills it. */
    public Optional<String> providerRef(long subscriptionId, String provider) {
        return jdbc.sql(
                        "SELECT provider_ref FROM subscriptions WHERE id = :id AND provider = :p AND provider_ref IS NOT NULL")
                .param("id", subscriptionId)
                .param("p", provider)
                .query(String.class)
                .optional();
    }

    /** Records the provider's customer for a subscription (its billing portal needs it). */
    @Transactional
    public void setProviderCustomer(long subscriptionId, String customer) {
        if (customer == null || customer.isEmpty()) return;
        jdbc.sql("UPDATE subscriptions SET provider_customer = :c WHERE id = :id")
                .param("c", customer)
                .param("id", subscriptionId)
                .update();
    }

    /** True while the reader has a subscription that pays now ({@link #PAYING_NOW}). */
    public boolean payingNow(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM subscriptions s WHERE s.user_id = :u AND " + PAYING_NOW)
                        .param("u", userId)
                        .param("now", now())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The reader's newest subscription with a customer at {@code provider} (its billing portal needs it), or null. */
    public String providerCustomer(long userId, String provider) {
        return jdbc.sql("SELECT provider_customer FROM subscriptions WHERE user_id = :u AND provider = :p "
                        + "AND provider_customer IS NOT NULL ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY")
                .param("u", userId)
                .param("p", provider)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The reader's subscriptions, oldest first, for "export my data". */
    java.util.List<Map<String, Object>> export(long userId) {
        return jdbc.sql("SELECT p.name, s.state, s.current_period_end, s.created_at FROM subscriptions s "
                        + "JOIN plans p ON p.id = s.plan_id WHERE s.user_id = :id ORDER BY s.created_at")
                .param("id", userId)
                .query((rs, n) -> {
                    Map<String, Object> sub = new java.util.LinkedHashMap<>();
                    sub.put("plan", rs.getString(1));
                    sub.put("state", rs.getString(2));
                    sub.put("currentPeriodEnd", iso(rs.getObject(3, OffsetDateTime.class)));
                    sub.put("createdAt", iso(rs.getObject(4, OffsetDateTime.class)));
                    return sub;
                })
                .list();
    }

    /** Removes the reader's subscriptions (their account is being deleted). */
    void deleteAll(long userId) {
        jdbc.sql("DELETE FROM subscriptions WHERE user_id = :id")
                .param("id", userId)
                .update();
    }

    private static String iso(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }

    /** The reader's most recent subscription, if any. */
    public Optional<Subscription> current(long userId) {
        return jdbc.sql(SELECT + " WHERE s.user_id = :u ORDER BY s.created_at DESC, s.id DESC FETCH FIRST 1 ROWS ONLY")
                .param("u", userId)
                .query(Subscriptions::row)
                .optional();
    }

    public Optional<Subscription> byId(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id")
                .param("id", id)
                .query(Subscriptions::row)
                .optional();
    }

    private static final String SELECT =
            "SELECT s.id, s.user_id, p.code, p.name, s.state, s.current_period_end, s.provider "
                    + "FROM subscriptions s JOIN plans p ON p.id = s.plan_id";

    private static Subscription row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime end = rs.getObject(6, OffsetDateTime.class);
        return new Subscription(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                State.valueOf(rs.getString(5)),
                end == null ? null : end.toInstant(),
                rs.getString(7));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
