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
        TRIALING, ACTIVE, PAST_DUE, CANCELED, EXPIRED;

        private static final Map<State, Set<State>> NEXT = Map.of(
                TRIALING, EnumSet.of(ACTIVE, PAST_DUE, CANCELED, EXPIRED),
                ACTIVE, EnumSet.of(PAST_DUE, CANCELED, EXPIRED),
                PAST_DUE, EnumSet.of(ACTIVE, CANCELED, EXPIRED),
                CANCELED, EnumSet.of(ACTIVE, EXPIRED), // a cancellation can be undone before the period ends
                EXPIRED, EnumSet.noneOf(State.class));

        public Set<State> next() { return NEXT.get(this); }

        /** Still billed, so it renews: what a reader can cancel. (CANCELED still reads until the period ends.) */
        public boolean paying() { return this == TRIALING || this == ACTIVE || this == PAST_DUE; }
    }

    public record Subscription(long id, long userId, String planCode, String planName, State state, Instant currentPeriodEnd,
                               String provider) {}

    /** A move the state machine does not allow. */
    public static class IllegalTransition extends RuntimeException {
        IllegalTransition(State from, State to) { super("A subscription cannot go from " + from + " to " + to); }
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
        Plans.Plan plan = jdbc.sql("SELECT id, code, name, price_cents, currency, billing_interval, active FROM plans WHERE code = :c")
                .param("c", planCode)
                .query((rs, n) -> new Plans.Plan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        Plans.Interval.valueOf(rs.getString(6)), rs.getBoolean(7)))
                .optional().filter(Plans.Plan::active)
                .orElseThrow(() -> new UserAccounts.AccountProblem("That plan is not offered."));
        OffsetDateTime now = now();
        OffsetDateTime end = plan.interval() == Plans.Interval.YEAR ? now.plusYears(1) : now.plusMonths(1);
        jdbc.sql("INSERT INTO subscriptions (user_id, plan_id, state, current_period_end, provider, provider_ref, created_at, updated_at) "
                        + "VALUES (:u, :p, :s, :end, :prov, :ref, :now, :now)")
                .param("u", userId).param("p", plan.id()).param("s", state.name()).param("end", end)
                .param("prov", provider).param("ref", providerRef).param("now", now).update();
        return current(userId).orElseThrow();
    }

    /** Moves a subscription to {@code to}; refuses moves the state machine does not allow. */
    @Transactional(noRollbackFor = IllegalTransition.class) // a refused move must not spoil the caller's transaction
    public Subscription move(long subscriptionId, State to) {
        Subscription s = byId(subscriptionId).orElseThrow(() -> new UserAccounts.AccountProblem("No such subscription."));
        if (s.state() == to) return s;
        if (!s.state().next().contains(to)) throw new IllegalTransition(s.state(), to);
        // Conditional on the state read, so two concurrent moves cannot both apply.
        int updated = jdbc.sql("UPDATE subscriptions SET state = :to, updated_at = :now WHERE id = :id AND state = :from")
                .param("to", to.name()).param("now", now()).param("id", subscriptionId).param("from", s.state().name()).update();
        if (updated != 1) throw new IllegalTransition(s.state(), to);
        return byId(subscriptionId).orElseThrow();
    }

    /** The reader's most recent subscription, if any. */
    public Optional<Subscription> current(long userId) {
        return jdbc.sql(SELECT + " WHERE s.user_id = :u ORDER BY s.created_at DESC, s.id DESC FETCH FIRST 1 ROWS ONLY")
                .param("u", userId).query(Subscriptions::row).optional();
    }

    public Optional<Subscription> byId(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(Subscriptions::row).optional();
    }

    private static final String SELECT = "SELECT s.id, s.user_id, p.code, p.name, s.state, s.current_period_end, s.provider "
            + "FROM subscriptions s JOIN plans p ON p.id = s.plan_id";

    private static Subscription row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime end = rs.getObject(6, OffsetDateTime.class);
        return new Subscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), State.valueOf(rs.getString(5)),
                end == null ? null : end.toInstant(), rs.getString(7));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
