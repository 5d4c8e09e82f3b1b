package org.sitrep.newsletters;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sitrep.members.NewslettersChosen;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.web.Language;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The newsletters on offer (edited in /admin/newsletters) and who opted into which. */
@Service("newsletters") // templates ask it for the choices on the join and account pages
public class Newsletters {
    /** One newsletter as a reader sees it on their account page, with the language they read it in. */
    public record Choice(Newsletter newsletter, boolean chosen, boolean delivered, Language language) {}

    /** The languages a newsletter can be read in: every edition's (where a piece has no translation, it comes in English). */
    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** An edit refused with a message for the editor. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReaderAccounts readers;

    Newsletters(JdbcClient jdbc, Clock clock, ReaderAccounts readers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.readers = readers;
    }

    public List<Newsletter> all() {
        return jdbc.sql(SELECT + " ORDER BY sort_order, id")
                .query(Newsletters::row)
                .list();
    }

    /** What readers can choose: the active ones. */
    public List<Newsletter> offered() {
        return jdbc.sql(SELECT + " WHERE active = TRUE ORDER BY sort_order, id")
                .query(Newsletters::row)
                .list();
    }

    public Optional<Newsletter> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Newsletters::row)
                .optional();
    }

    public Optional<Newsletter> bySlug(String slug) {
        return jdbc.sql(SELECT + " WHERE slug = :s")
                .param("s", slug)
                .query(Newsletters::row)
                .optional();
    }

    /** Adds ({@code id} null) or changes a newsletter. */
    @Transactional
    public Newsletter save(
            Long id, String slug, String name, String description, Newsletter.Access access, boolean active) {
        String s = slug == null ? "" : slug.strip().toLowerCase(java.util.Locale.ROOT);
        if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*") || s.length() > 100) {
            throw new Refused("The slug is lower-case letters, digits and single hyphens, like daily-brief.");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200)
            throw new Refused("Give the newsletter a name (at most 200 characters).");
        String d = description == null ? "" : description.strip();
        if (d.length() > 2000) throw new Refused("The description is at most 2,000 characters.");
        if (access == null) throw new Refused("Choose free or paid.");
        try {
            if (id == null) {
                int order = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM newsletters")
                        .query(Integer.class)
                        .single();
                jdbc.sql(
                                "INSERT INTO newsletters (slug, name, description, access, active, sort_order) VALUES (:s, :n, :d, :a, :act, :o)")
                        .param("s", s)
                        .param("n", name.strip())
                        .param("d", d)
                        .param("a", access.name())
                        .param("act", active)
                        .param("o", order)
                        .update();
            } else if (jdbc.sql(
                                    "UPDATE newsletters SET slug = :s, name = :n, description = :d, access = :a, active = :act WHERE id = :id")
                            .param("s", s)
                            .param("n", name.strip())
                            .param("d", d)
                            .param("a", access.name())
                            .param("act", active)
                            .param("id", id)
                            .update()
                    != 1) {
                throw new Refused("No such newsletter.");
            }
        } catch (DuplicateKeyException e) {
            throw new Refused("Another newsletter has the slug " + s + ".");
        }
        return bySlug(s).orElseThrow();
    }

    /** The reader's choice of every offered newsletter, and whether each would reach them now. */
    public List<Choice> choices(long userId) {
        boolean paying = readers.isSubscriber(userId);
        Set<Long> chosen = Set.copyOf(chosenIds(userId));
        java.util.Map<Long, String> languages = new java.util.HashMap<>();
        jdbc.sql("SELECT newsletter_id, language FROM newsletter_subscriptions WHERE user_id = :u")
                .param("u", userId)
                .query(rs -> {
                    languages.put(rs.getLong(1), rs.getString(2));
                });
        return offered().stream()
                .map(n -> new Choice(
                        n,
                        chosen.contains(n.id()),
                        chosen.contains(n.id()) && (!n.paid() || paying),
                        Language.orEnglish(languages.get(n.id()))))
                .toList();
    }

    public List<Long> chosenIds(long userId) {
        return jdbc.sql("SELECT newsletter_id FROM newsletter_subscriptions WHERE user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .list();
    }

    /** Sets the reader's opt-ins to exactly {@code slugs} among the offered newsletters. */
    @Transactional
    public void choose(long userId, Collection<String> slugs) {
        choose(userId, slugs, java.util.Map.of());
    }

    /**
     * Sets the reader's opt-ins to exactly {@code slugs}, each read in the language {@code languages}
     * gives for its slug ("ar"); a newsletter without one, or with a code that is no edition's, keeps its language.
     */
    @Transactional
    public void choose(long userId, Collection<String> slugs, java.util.Map<String, String> languages) {
        for (Newsletter n : offered()) {
            if (slugs.contains(n.slug())) {
                optIn(userId, n.id());
                Language.of(languages.get(n.slug())).ifPresent(l -> jdbc.sql(
                                "UPDATE newsletter_subscriptions SET language = :l WHERE newsletter_id = :n AND user_id = :u")
                        .param("l", l.code())
                        .param("n", n.id())
                        .param("u", userId)
                        .update());
            } else {
                optOut(userId, n.id());
            }
        }
    }

    /** The language each of {@code userIds} reads {@code newsletterId} in (English for anyone not found). */
    public java.util.Map<Long, Language> languages(long newsletterId, Collection<Long> userIds) {
        java.util.Map<Long, Language> found = new java.util.HashMap<>();
        if (userIds.isEmpty()) return found;
        jdbc.sql(
                        "SELECT user_id, language FROM newsletter_subscriptions WHERE newsletter_id = :n AND user_id IN (:ids)")
                .param("n", newsletterId)
                .param("ids", userIds)
                .query(rs -> {
                    found.put(rs.getLong(1), Language.orEnglish(rs.getString(2)));
                });
        return found;
    }

    public void optIn(long userId, long newsletterId) {
        try {
            jdbc.sql("INSERT INTO newsletter_subscriptions (newsletter_id, user_id, subscribed_at) "
                            + "SELECT :n, :u, :now FROM newsletters WHERE id = :n AND NOT EXISTS "
                            + "(SELECT 1 FROM newsletter_subscriptions WHERE newsletter_id = :n AND user_id = :u)")
                    .param("n", newsletterId)
                    .param("u", userId)
                    .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            // opted in twice at once: once is what counts
        }
    }

    /** True when the reader was opted in (and is not now). */
    public boolean optOut(long userId, long newsletterId) {
        return jdbc.sql("DELETE FROM newsletter_subscriptions WHERE newsletter_id = :n AND user_id = :u")
                        .param("n", newsletterId)
                        .param("u", userId)
                        .update()
                > 0;
    }

    public boolean optedIn(long userId, long newsletterId) {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriptions WHERE newsletter_id = :n AND user_id = :u")
                        .param("n", newsletterId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Newsletters ticked on the join form take effect when the emailed link is used (same transaction). */
    @EventListener
    void joined(NewslettersChosen chosen) {
        for (Newsletter n : offered()) {
            if (chosen.slugs().contains(n.slug())) optIn(chosen.userId(), n.id());
        }
    }

    private static final String SELECT = "SELECT id, slug, name, description, access, active FROM newsletters";

    private static Newsletter row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Newsletter(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Newsletter.Access.valueOf(rs.getString(5)),
                rs.getBoolean(6));
    }
}
