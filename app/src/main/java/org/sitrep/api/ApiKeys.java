package org.sitrep.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sitrep.members.Tokens;
import org.sitrep.members.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys: made by members in their account (shown once, stored as SHA-256 with a visible prefix),
 * revoked by them, and looked up on every API call. One more key may come from
 * {@code sitrep.api.bootstrap-key} (env {@code SITREP_BOOTSTRAP_API_KEY}) for automation.
 */
@Service
public class ApiKeys {
    public static final String TOKEN_START = "sk_";
    static final int PREFIX_LENGTH = 10, MAX_KEYS_PER_MEMBER = 20;
    static final String BOOTSTRAP_NAME = "bootstrap (SITREP_BOOTSTRAP_API_KEY)";
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** A key as its owner sees it: never the key itself. */
    public record ApiKey(
            long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A key just made: {@code token} is shown to the member once and then forgotten. */
    public record Created(ApiKey key, String token) {}

    /** Whose key a request carries; {@code ownerEmail} is null for the bootstrap key. */
    public record Holder(long keyId, Long userId, String ownerEmail) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String bootstrapKey;
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiKeys(
            JdbcClient jdbc,
            Clock clock,
            @Value("${sitrep.api.bootstrap-key:${SITREP_BOOTSTRAP_API_KEY:}}") String bootstrapKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bootstrapKey = bootstrapKey == null ? "" : bootstrapKey.trim();
    }

    public Created create(long userId, String ownerEmail, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100)
            throw new UserAccounts.AccountProblem(
                    "Name the key (up to 100 characters), e.g. after the script that uses it.");
        long active = jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE user_id = :u AND revoked_at IS NULL")
                .param("u", userId)
                .query(Long.class)
                .single();
        if (active >= MAX_KEYS_PER_MEMBER)
            throw new UserAccounts.AccountProblem("You have " + MAX_KEYS_PER_MEMBER + " keys: revoke one first.");
        String token = TOKEN_START + Tokens.fresh();
        long id = insert(userId, ownerEmail, n, token);
        return new Created(find(id).orElseThrow(), token);
    }

    public List<ApiKey> of(long userId) {
        return jdbc.sql("SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE user_id = :u"
                        + " ORDER BY revoked_at DESC NULLS FIRST, created_at DESC, id DESC")
                .param("u", userId)
                .query((rs, n) -> new ApiKey(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)),
                        instant(rs.getObject(6, OffsetDateTime.class))))
                .list();
    }

    /** Revokes one of the member's own keys; false when it is not theirs or already revoked. */
    public boolean revoke(long userId, long keyId) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                        .param("now", now())
                        .param("id", keyId)
                        .param("u", userId)
                        .update()
                == 1;
    }

    /** Whose key this is, if it is a key we gave out and it is not revoked; notes when it was last used. */
    public Optional<Holder> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        Optional<Holder> holder = jdbc.sql(
                        "SELECT id, user_id, owner_email FROM api_keys WHERE key_hash = :h AND revoked_at IS NULL")
                .param("h", Tokens.sha256(token.trim()))
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3)))
                .optional();
        holder.ifPresent(h -> noteUse(h.keyId()));
        return holder;
    }

    /** Stores the configured bootstrap key once (by its hash); a changed setting revokes the previous bootstrap key. */
    @EventListener(ApplicationReadyEvent.class)
    public void bootstrap() {
        if (bootstrapKey.isEmpty()) return;
        if (bootstrapKey.length() < 20) {
            log.warn("sitrep.api.bootstrap-key is shorter than 20 characters: ignored, choose a long random key");
            return;
        }
        String hash = Tokens.sha256(bootstrapKey);
        jdbc.sql(
                        "UPDATE api_keys SET revoked_at = :now WHERE user_id IS NULL AND name = :n AND key_hash <> :h AND revoked_at IS NULL")
                .param("now", now())
                .param("n", BOOTSTRAP_NAME)
                .param("h", hash)
                .update();
        long present = jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE key_hash = :h")
                .param("h", hash)
                .query(Long.class)
                .single();
        if (present == 0) {
            insert(null, null, BOOTSTRAP_NAME, bootstrapKey);
            log.info("API key from sitrep.api.bootstrap-key stored (prefix {})", prefix(bootstrapKey));
        } else {
            // set again after another key was configured in between: it is the bootstrap key once more
            jdbc.sql("UPDATE api_keys SET revoked_at = NULL WHERE key_hash = :h AND user_id IS NULL")
                    .param("h", hash)
                    .update();
        }
    }

    private long insert(Long userId, String ownerEmail, String name, String token) {
        String hash = Tokens.sha256(token);
        jdbc.sql("INSERT INTO api_keys (user_id, owner_email, name, prefix, key_hash, created_at)"
                        + " VALUES (:u, :e, :n, :p, :h, :now)")
                .param("u", userId)
                .param("e", ownerEmail)
                .param("n", name)
                .param("p", prefix(token))
                .param("h", hash)
                .param("now", now())
                .update();
        return jdbc.sql("SELECT id FROM api_keys WHERE key_hash = :h")
                .param("h", hash)
                .query(Long.class)
                .single();
    }

    private Optional<ApiKey> find(long id) {
        return jdbc.sql("SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new ApiKey(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)),
                        instant(rs.getObject(6, OffsetDateTime.class))))
                .optional();
    }

    // Last use is shown to the owner to the minute: writing it on every call would double the cost of a busy client's
    // requests.
    private void noteUse(long keyId) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(keyId);
        if (written != null && written.plus(LAST_USED_RESOLUTION).isAfter(now)) return;
        lastUseWritten.put(keyId, now);
        jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                .param("now", now())
                .param("id", keyId)
                .update();
    }

    static String prefix(String token) {
        return token.substring(0, Math.min(PREFIX_LENGTH, token.length()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
