package org.sitrep.members;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use sign-in links. The token goes only into the mail; the table keeps its SHA-256, so a
 * copy of the database signs no one in. A link works once, within {@link #LIFETIME}.
 */
@Service
public class MagicLinks {
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    record Link(
            long id,
            String hash,
            String email,
            String displayName,
            OffsetDateTime expiresAt,
            OffsetDateTime usedAt,
            String newsletters) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReaderAccounts readers;
    private final ApplicationEventPublisher events;

    public MagicLinks(JdbcClient jdbc, Clock clock, ReaderAccounts readers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.readers = readers;
        this.events = events;
    }

    /** A new link's token for this address (and, for a new account, its name). */
    public String issue(String email, String displayName) {
        return issue(email, displayName, List.of());
    }

    /** A link that also opts the reader into these newsletters (slugs) when used. */
    public String issue(String email, String displayName, List<String> newsletters) {
        String token = Tokens.fresh();
        OffsetDateTime now = now();
        String chosen = newsletters == null
                ? ""
                : newsletters.stream()
                        .filter(s -> s.matches("[a-z0-9-]{1,100}"))
                        .distinct()
                        .collect(Collectors.joining(","));
        jdbc.sql("INSERT INTO magic_links (token_hash, email, display_name, created_at, expires_at, newsletters) "
                        + "VALUES (:h, :e, :n, :now, :exp, :nl)")
                .param("h", Tokens.sha256(token))
                .param("e", UserAccounts.normalise(email))
                .param("n", displayName == null || displayName.isBlank() ? null : displayName.strip())
                .param("now", now)
                .param("exp", now.plus(LIFETIME))
                .param("nl", chosen.isEmpty() || chosen.length() > 1000 ? null : chosen)
                .update();
        // Old links are useless after a day; keep the table small.
        jdbc.sql("DELETE FROM magic_links WHERE expires_at < :old")
                .param("old", now.minusDays(1))
                .update();
        return token;
    }

    /** True when the token names a link that is unused and unexpired (to show the confirm button). */
    public boolean usable(String token) {
        return find(token)
                .filter(l -> l.usedAt() == null && l.expiresAt().isAfter(now()))
                .isPresent();
    }

    /**
     * Uses the link: the reader it signs in, made and verified if new. Empty for an unknown, used
     * or expired token, and for a disabled account.
     */
    @Transactional
    public Optional<ReaderAccounts.Reader> redeem(String token) {
        Optional<Link> link =
                find(token).filter(l -> l.usedAt() == null && l.expiresAt().isAfter(now()));
        if (link.isEmpty()) return Optional.empty();
        // The conditional update is what makes the link single-use when two requests race.
        int claimed = jdbc.sql("UPDATE magic_links SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .param("now", now())
                .param("id", link.get().id())
                .update();
        if (claimed != 1) return Optional.empty();
        Optional<ReaderAccounts.Reader> reader =
                readers.signedInByLink(link.get().email(), link.get().displayName());
        String chosen = link.get().newsletters();
        if (reader.isPresent() && chosen != null)
            events.publishEvent(new NewslettersChosen(reader.get().id(), List.of(chosen.split(","))));
        return reader;
    }

    private Optional<Link> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        String hash = Tokens.sha256(token);
        return jdbc.sql(
                        "SELECT id, token_hash, email, display_name, expires_at, used_at, newsletters FROM magic_links WHERE token_hash = :h")
                .param("h", hash)
                .query((rs, n) -> new Link(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7)))
                .optional()
                .filter(l -> Tokens.same(l.hash(), hash));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
