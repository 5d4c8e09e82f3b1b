package org.sitrep.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sitrep.members.Plans;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.Role;
import org.sitrep.members.Subscriptions;
import org.springframework.stereotype.Service;

/**
 * Who may use the data API: staff who read events anyway (analysts, editors, administrators), and
 * subscribers whose plan includes data access. Answers are kept a minute per member, so a busy key
 * does not cost three queries a call; a lapsed subscription stops its keys within that minute.
 */
@Service
public class DataAccess {
    static final Set<Role> STAFF = Set.of(Role.ANALYST, Role.EDITOR, Role.ADMIN);
    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Answer(boolean allowed, Instant at) {}

    private final ReaderAccounts readers;
    private final Subscriptions subscriptions;
    private final Plans plans;
    private final Clock clock;
    private final Map<String, Answer> recent = new ConcurrentHashMap<>();

    DataAccess(ReaderAccounts readers, Subscriptions subscriptions, Plans plans, Clock clock) {
        this.readers = readers;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.clock = clock;
    }

    /** Whether the member signed in as {@code email} may use the API now (uncached: for the account page). */
    public boolean allowed(String email) {
        Optional<ReaderAccounts.Reader> reader = readers.find(email);
        if (reader.isEmpty()) return false;
        ReaderAccounts.Reader r = reader.get();
        if (STAFF.contains(r.role())) return true;
        return r.subscriber()
                && subscriptions
                        .current(r.id())
                        .map(s -> plans.dataAccess(s.planCode()))
                        .orElse(false);
    }

    /** {@link #allowed}, kept a minute: for checks made on every request (API keys, the tracker's pages). */
    public boolean allowedCached(String email) {
        Instant now = clock.instant();
        Answer a = recent.get(email);
        if (a != null && a.at().plus(KEEP).isAfter(now)) return a.allowed();
        if (recent.size() > 10_000) recent.clear();
        boolean allowed = allowed(email);
        recent.put(email, new Answer(allowed, now));
        return allowed;
    }
}
