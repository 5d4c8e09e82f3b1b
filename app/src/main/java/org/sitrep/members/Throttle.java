package org.sitrep.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits on signing in: it blunts password guessing and mail bombing, it is not an accounting system.
 * One instance keeps the attempts in memory; with several ({@code sitrep.cluster.enabled}) they are rows of
 * {@code signin_attempts}, so every instance counts the same attempts and an attacker gains nothing by being
 * sent to another. (Instances check and record in two steps: attempts arriving at the same moment on several
 * instances may each pass the last free place, so the limits can be exceeded by at most one per instance.)
 *
 * <ul>
 *   <li><b>Passwords: failures count, successes do not.</b> After {@code accountLimit} wrong
 *       passwords for one account within {@code window} (from any addresses), that account's password
 *       form is <em>slowed</em>, not locked: one attempt per {@code accountDelay}. A guesser gets a
 *       handful of guesses a minute; the owner waits a few seconds, or signs in by email link, which
 *       this never stops. A right password forgets the account's failures.</li>
 *   <li>After {@code addressLimit} wrong passwords from one client address within the window, that
 *       address may not try passwords until the window has passed: high enough that an office behind
 *       one address does not reach it by typing mistakes.</li>
 *   <li><b>Links</b>: at most {@code accountLimit} link requests for one email address (mail bombing)
 *       and {@code addressLimit} from one client address within the window.</li>
 * </ul>
 */
@Component
public class Throttle {
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int accountLimit;
    private final int addressLimit;
    private final Duration window;
    private final Duration accountDelay;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();
    /** Set with several instances: the attempts are rows, shared by all. */
    private final JdbcClient shared;

    private int recordedSincePrune;

    Throttle(
            Clock clock,
            @Value("${sitrep.signin.rate-limit:5}") int accountLimit,
            @Value("${sitrep.signin.rate-window:15m}") Duration window,
            @Value("${sitrep.signin.address-limit:50}") int addressLimit,
            @Value("${sitrep.signin.account-delay:10s}") Duration accountDelay,
            JdbcClient jdbc,
            @Value("${sitrep.cluster.enabled:false}") boolean severalInstances) {
        this.shared = severalInstances ? jdbc : null;
        this.clock = clock;
        this.accountLimit = Math.max(1, accountLimit);
        this.addressLimit = Math.max(1, addressLimit);
        this.window = window;
        this.accountDelay = accountDelay;
    }

    /**
     * Whether a password attempt for {@code email} from {@code address} may be checked now; empty when it
     * may, else how long to wait. Counts nothing: only {@link #passwordFailed} does.
     */
    public synchronized Optional<Duration> passwordRefusal(String email, String address) {
        Instant now = clock.instant();
        Deque<Instant> fromAddress = recent("password-ip:" + address, now);
        if (fromAddress.size() >= addressLimit)
            return Optional.of(until(fromAddress.peekFirst().plus(window), now));
        Deque<Instant> forAccount = recent("password:" + email, now);
        if (forAccount.size() >= accountLimit) {
            Instant next = forAccount.peekLast().plus(accountDelay);
            if (next.isAfter(now)) return Optional.of(until(next, now));
        }
        return Optional.empty();
    }

    /** A wrong password (or an unknown address) for {@code email} from {@code address}. */
    public synchronized void passwordFailed(String email, String address) {
        Instant now = clock.instant();
        record("password:" + email, now);
        record("password-ip:" + address, now);
    }

    /** The right password: the account's earlier failures no longer slow it. */
    public void signedIn(String email) {
        String key = "password:" + UserAccounts.normalise(email);
        if (shared != null)
            shared.sql("DELETE FROM signin_attempts WHERE attempt_key = :key")
                    .param("key", cut(key))
                    .update();
        else events.remove(key);
    }

    /** Counts a request for a sign-in link; empty when it may go ahead, else how long to wait (nothing counted). */
    public synchronized Optional<Duration> linkRefusal(String email, String address) {
        Instant now = clock.instant();
        Deque<Instant> forEmail = recent("link:" + email, now);
        Deque<Instant> fromAddress = recent("link-ip:" + address, now);
        if (forEmail.size() >= accountLimit)
            return Optional.of(until(forEmail.peekFirst().plus(window), now));
        if (fromAddress.size() >= addressLimit)
            return Optional.of(until(fromAddress.peekFirst().plus(window), now));
        record("link:" + email, now);
        record("link-ip:" + address, now);
        return Optional.empty();
    }

    /** Forget everything (tests). */
    public void reset() {
        events.clear();
        if (shared != null) shared.sql("DELETE FROM signin_attempts").update();
    }

    /** The key's events within the window (older ones dropped); an empty deque for an unknown key. */
    private Deque<Instant> recent(String key, Instant now) {
        if (shared != null) {
            return new ArrayDeque<>(shared.sql("SELECT attempted_at FROM signin_attempts WHERE attempt_key = :key "
                            + "AND attempted_at > :since ORDER BY attempted_at")
                    .param("key", cut(key))
                    .param("since", utc(now.minus(window)))
                    .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                    .list());
        }
        Deque<Instant> d = events.get(key);
        if (d == null) return new ArrayDeque<>();
        Instant since = now.minus(window);
        while (!d.isEmpty() && !d.peekFirst().isAfter(since)) d.pollFirst();
        if (d.isEmpty()) events.remove(key);
        return d;
    }

    private void record(String key, Instant now) {
        if (shared != null) {
            shared.sql("INSERT INTO signin_attempts (attempt_key, attempted_at) VALUES (:key, :at)")
                    .param("key", cut(key))
                    .param("at", utc(now))
                    .update();
            // Attempts older than the window decide nothing: dropped now and then, by whichever instance counts.
            if (++recordedSincePrune >= 500) {
                recordedSincePrune = 0;
                shared.sql("DELETE FROM signin_attempts WHERE attempted_at <= :since")
                        .param("since", utc(now.minus(window)))
                        .update();
            }
            return;
        }
        if (events.size() > MAX_KEYS) events.clear(); // a flood of distinct keys must not eat the heap
        Deque<Instant> d = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        d.addLast(now);
        if (d.size() > Math.max(accountLimit, addressLimit) * 4) d.pollFirst(); // only the newest few decide anything
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Keys hold an email or an address: longer ones are cut to the column (still one key each in practice). */
    private static String cut(String key) {
        return key.length() <= 400 ? key : key.substring(0, 400);
    }

    private static Duration until(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        return d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d;
    }
}
