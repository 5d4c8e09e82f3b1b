package org.sitrep.licences;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.sitrep.members.Tokens;
import org.sitrep.members.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to take a seat, sent by a manager to an e-mail address. The link's token is 256
 * random bits; only its SHA-256 is kept (a copy of the database invites no one), so a token that
 * was not issued is not found. It works once (a conditional update claims it) and for
 * {@link #LIFETIME}; whoever is signed in when it is used gets the seat, if one is free.
 */
@Service
public class Invitations {
    public static final Duration LIFETIME = Duration.ofDays(7);

    /** An open invitation (for the manager's page). */
    public record Pending(long id, String email, OffsetDateTime expiresAt) {}

    /** What a usable link invites to. */
    public record Invitation(long id, long organisationId, String organisationName, String email) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final LicenceMail mail;

    Invitations(JdbcClient jdbc, Organisations organisations, LicenceMail mail) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.mail = mail;
    }

    /** Invites {@code email} to a seat; mails the link. Refused when the caller does not manage the organisation. */
    @Transactional
    public void invite(long organisationId, long managerId, String email) {
        if (!organisations.manages(managerId, organisationId))
            throw new Organisations.Refused("Only the organisation's managers invite.");
        String e = UserAccounts.normalise(email);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || e.length() > 320) {
            throw new Organisations.Refused("Enter a valid email address, like name@example.org.");
        }
        Organisations.Organisation o = organisations.find(organisationId).orElseThrow();
        String token = Tokens.fresh();
        OffsetDateTime now = organisations.now();
        jdbc.sql("INSERT INTO organisation_invitations (organisation_id, email, token_hash, created_at, expires_at) "
                        + "VALUES (:o, :e, :h, :now, :exp)")
                .param("o", organisationId)
                .param("e", e)
                .param("h", Tokens.sha256(token))
                .param("now", now)
                .param("exp", now.plus(LIFETIME))
                .update();
        mail.invitation(e, o.name(), token);
    }

    /** Invitations not used and not expired, newest first. */
    public List<Pending> pending(long organisationId) {
        return jdbc.sql(
                        "SELECT id, email, expires_at FROM organisation_invitations WHERE organisation_id = :o AND used_at IS NULL "
                                + "AND expires_at > :now ORDER BY created_at DESC, id DESC")
                .param("o", organisationId)
                .param("now", organisations.now())
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
    }

    /** The invitation a token names while it is unused and unexpired. */
    public Optional<Invitation> usable(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return jdbc.sql(
                        "SELECT i.id, i.organisation_id, o.name, i.email FROM organisation_invitations i "
                                + "JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = :h AND i.used_at IS NULL AND i.expires_at > :now")
                .param("h", Tokens.sha256(token))
                .param("now", organisations.now())
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Why accepting failed, for the reader. */
    public enum Outcome {
        JOINED,
        ALREADY_A_MEMBER,
        NOT_VALID,
        NO_SEAT_FREE
    }

    /**
     * Uses the invitation for {@code userId}: a seat if one is free. Claimed by a conditional
     * update, so a link used twice at once seats one reader; a full licence leaves it unused, for
     * when the manager frees or buys a seat.
     */
    @Transactional
    public Outcome accept(String token, long userId) {
        Optional<Invitation> invitation = usable(token);
        if (invitation.isEmpty()) return Outcome.NOT_VALID;
        Invitation i = invitation.get();
        if (organisations.holdsSeat(i.organisationId(), userId)) return Outcome.ALREADY_A_MEMBER;
        int claimed = jdbc.sql(
                        "UPDATE organisation_invitations SET used_at = :now, used_by = :u WHERE id = :id AND used_at IS NULL")
                .param("now", organisations.now())
                .param("u", userId)
                .param("id", i.id())
                .update();
        if (claimed != 1) return Outcome.NOT_VALID;
        if (!organisations.takeSeat(i.organisationId(), userId, "INVITED")) {
            // Give the link back: it is still good once a seat is free.
            jdbc.sql("UPDATE organisation_invitations SET used_at = NULL, used_by = NULL WHERE id = :id")
                    .param("id", i.id())
                    .update();
            return Outcome.NO_SEAT_FREE;
        }
        return Outcome.JOINED;
    }

    /** Withdraws an open invitation. */
    public void withdraw(long organisationId, long managerId, long invitationId) {
        if (!organisations.manages(managerId, organisationId))
            throw new Organisations.Refused("Only the organisation's managers withdraw invitations.");
        jdbc.sql("DELETE FROM organisation_invitations WHERE id = :id AND organisation_id = :o AND used_at IS NULL")
                .param("id", invitationId)
                .param("o", organisationId)
                .update();
    }
}
