package org.sitrep.members;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' side of the {@code users} table: accounts made by a first magic link, verification,
 * profile, optional password, sign out everywhere, export and deletion. Staff accounts are
 * {@link UserAccounts}'s; both are rows of one table.
 */
@Service
public class ReaderAccounts {
    /** Who is reading, as the paywall and the account pages need it. */
    public record Reader(long id, String email, String displayName, Role role, boolean verified, boolean subscriber) {
        /** Editors, admins and paying readers read everything. */
        public boolean readsEverything() {
            return subscriber || role.isStaff();
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog audit;
    private final Subscriptions subscriptions;
    private final ObjectProvider<AccountData> otherFeatures;
    private final Entitlements entitlements;

    public ReaderAccounts(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            Clock clock,
            AuditLog audit,
            Subscriptions subscriptions,
            ObjectProvider<AccountData> otherFeatures,
            Entitlements entitlements) {
        this.entitlements = entitlements;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
        this.subscriptions = subscriptions;
        this.otherFeatures = otherFeatures;
    }

    public Optional<Reader> find(String email) {
        return jdbc.sql(
                        "SELECT id, email, display_name, role, email_verified_at FROM users WHERE email = :e AND enabled = TRUE")
                .param("e", UserAccounts.normalise(email))
                .query((rs, n) -> new Reader(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4)),
                        rs.getObject(5) != null,
                        false))
                .optional()
                .map(r -> new Reader(
                        r.id(),
                        r.email(),
                        r.displayName(),
                        r.role(),
                        r.verified(),
                        entitlements.readsEverything(r.id(), r.email(), r.verified())));
    }

    /** True while the reader reads everything: a subscription that pays now or another entitlement (the one rule: {@link Entitlements}). */
    public boolean isSubscriber(long userId) {
        return entitlements.readsEverything(userId, null, false);
    }

    /** The addresses of these accounts (enabled or not) by id, for features that mail members; deleted accounts are absent. */
    public Map<Long, String> addresses(Collection<Long> userIds) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(userIds)) {
            jdbc.sql("SELECT id, email FROM users WHERE id IN (:ids) ORDER BY id")
                    .param("ids", chunk)
                    .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return out;
    }

    /**
     * Of these accounts, the ones that are enabled and, when {@code paidOnly}, pay now (the rule of
     * {@link Subscriptions#PAYING_NOW}): who a newsletter may be sent to.
     */
    public Set<Long> inGoodStanding(Collection<Long> userIds, boolean paidOnly) {
        Set<Long> out = new LinkedHashSet<>();
        String paying = paidOnly
                ? " AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id AND " + Subscriptions.PAYING_NOW
                        + ")"
                : "";
        for (List<Long> chunk : chunks(userIds)) {
            var q = jdbc.sql("SELECT u.id FROM users u WHERE u.id IN (:ids) AND u.enabled = TRUE" + paying)
                    .param("ids", chunk);
            if (paidOnly) q = q.param("now", now());
            List<Long> found = q.query(Long.class).list();
            out.addAll(found);
            if (paidOnly) {
                // Without a subscription of their own, a seat of a team licence still counts (Entitlements' rule).
                List<Long> enabledNotPaying = jdbc
                        .sql("SELECT u.id FROM users u WHERE u.id IN (:ids) AND u.enabled = TRUE")
                        .param("ids", chunk)
                        .query(Long.class)
                        .list()
                        .stream()
                        .filter(id -> !found.contains(id))
                        .toList();
                out.addAll(entitlements.entitledOtherwise(enabledNotPaying));
            }
        }
        return out;
    }

    /** {@link #inGoodStanding(Collection, boolean)} for one account. */
    public boolean inGoodStanding(long userId, boolean paidOnly) {
        return !inGoodStanding(List.of(userId), paidOnly).isEmpty();
    }

    /** Lists of at most a thousand ids: an IN list each database takes and plans well. */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        List<List<Long>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        return out;
    }

    /**
     * The account for a used magic link: made now (as a free member) if the address is new, and
     * marked verified. Empty when the account exists but is disabled.
     */
    @Transactional
    public Optional<Reader> signedInByLink(String email, String displayName) {
        String e = UserAccounts.normalise(email);
        Optional<Boolean> enabled = jdbc.sql("SELECT enabled FROM users WHERE email = :e")
                .param("e", e)
                .query(Boolean.class)
                .optional();
        if (enabled.isPresent() && !enabled.get()) return Optional.empty();
        if (enabled.isEmpty()) {
            String name =
                    displayName == null || displayName.isBlank() ? e.substring(0, e.indexOf('@')) : displayName.strip();
            jdbc.sql(
                            "INSERT INTO users (email, display_name, password_hash, role, enabled, created_at, email_verified_at) "
                                    + "VALUES (:e, :name, NULL, 'MEMBER', TRUE, :now, :now)")
                    .param("e", e)
                    .param("name", clip(name, 200))
                    .param("now", now())
                    .update();
        } else {
            jdbc.sql("UPDATE users SET email_verified_at = :now WHERE email = :e AND email_verified_at IS NULL")
                    .param("now", now())
                    .param("e", e)
                    .update();
        }
        return find(e);
    }

    /** True when the address has an account that an administrator has disabled. */
    public boolean disabledAccount(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e AND enabled = FALSE")
                        .param("e", UserAccounts.normalise(email))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public int sessionEpoch(String email) {
        return jdbc.sql("SELECT session_epoch FROM users WHERE email = :e AND enabled = TRUE")
                .param("e", UserAccounts.normalise(email))
                .query(Integer.class)
                .optional()
                .orElse(-1);
    }

    /** Ends every session of this account, this one included (each checks the epoch on its next request). */
    public void signOutEverywhere(long userId) {
        jdbc.sql("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = :id")
                .param("id", userId)
                .update();
    }

    public void rename(long userId, String displayName) {
        if (displayName == null || displayName.isBlank())
            throw new UserAccounts.AccountProblem("Enter the name to show.");
        jdbc.sql("UPDATE users SET display_name = :n WHERE id = :id")
                .param("n", clip(displayName.strip(), 200))
                .param("id", userId)
                .update();
    }

    public void setPassword(long userId, String password) {
        if (password == null || password.length() < UserAccounts.MIN_PASSWORD_LENGTH) {
            throw new UserAccounts.AccountProblem(
                    "The password must be at least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters long.");
        }
        // A new password ends every other session (one signed in with the old password may be a thief's);
        // the caller keeps its own session by taking up the new epoch (AccountController).
        jdbc.sql("UPDATE users SET password_hash = :h, session_epoch = session_epoch + 1 WHERE id = :id")
                .param("h", passwords.encode(password))
                .param("id", userId)
                .update();
    }

    /** Everything kept about the reader, for "export my data". */
    public Map<String, Object> export(long userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT email, display_name, role, created_at, email_verified_at, password_hash IS NOT NULL FROM users WHERE id = :id")
                .param("id", userId)
                .query((rs, n) -> {
                    Map<String, Object> account = new LinkedHashMap<>();
                    account.put("email", rs.getString(1));
                    account.put("displayName", rs.getString(2));
                    account.put("role", rs.getString(3));
                    account.put("createdAt", iso(rs.getObject(4, OffsetDateTime.class)));
                    account.put("emailVerifiedAt", iso(rs.getObject(5, OffsetDateTime.class)));
                    account.put("hasPassword", rs.getBoolean(6));
                    data.put("account", account);
                    return account;
                })
                .list();
        data.put("subscriptions", subscriptions.export(userId));
        // The rest from the features that keep it, each from its own tables.
        otherFeatures.orderedStream().forEach(feature -> data.put(feature.section(), feature.export(userId)));
        return data;
    }

    /**
     * Deletes the reader's account and what hangs off it. Staff accounts that wrote pieces are
     * referenced by bylines, so staff cannot delete themselves here.
     */
    @Transactional
    public void delete(long userId) {
        Reader r = jdbc.sql("SELECT email, role FROM users WHERE id = :id")
                .param("id", userId)
                .query((rs, n) ->
                        new Reader(userId, rs.getString(1), null, Role.valueOf(rs.getString(2)), false, false))
                .single();
        if (r.role().isStaff() || r.role() == Role.ANALYST) {
            throw new UserAccounts.AccountProblem("Staff accounts are removed by an administrator.");
        }
        otherFeatures.orderedStream().forEach(feature -> feature.delete(userId));
        jdbc.sql("DELETE FROM magic_links WHERE email = :e")
                .param("e", r.email())
                .update();
        subscriptions.deleteAll(userId);
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", userId).update();
        // The audit entry names the account by id only: the address itself is what was asked to be forgotten.
        audit.record("user#" + userId, "account.deleted", "user#" + userId, "deleted by the reader");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String iso(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    Instant instant() {
        return clock.instant();
    }
}
