package org.sitrep.paywall;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.SiteSettings;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Piece;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Decides, on the server, how much of a piece a reader gets. Editors, admins and subscribers read
 * everything. Others read paid pieces only in part; anonymous visitors read members' pieces only
 * in part; and everything else counts on the monthly meter, the piece past the meter being cut.
 * A cut body is cut here, so the rest never reaches the browser.
 */
@Service
public class Paywall {
    public static final String FREE_PER_MONTH = "paywall.free-per-month";
    public static final int DEFAULT_FREE_PER_MONTH = 3;
    /** Block elements of the body a stopped reader sees. */
    static final int OPENING_BLOCKS = 2;

    private final ReaderAccounts readers;
    private final SiteSettings settings;
    private final Meter meter;
    private final VisitorCookie visitors;

    public Paywall(ReaderAccounts readers, SiteSettings settings, Meter meter, VisitorCookie visitors) {
        this.readers = readers;
        this.settings = settings;
        this.meter = meter;
        this.visitors = visitors;
    }

    public Access decide(Piece piece, HttpServletRequest request, HttpServletResponse response) {
        Optional<ReaderAccounts.Reader> reader = currentReader();
        boolean signedIn = reader.isPresent();
        if (signedIn && reader.get().readsEverything()) return new Access(Access.Outcome.FULL, piece.bodyHtml(), 0, true, null);
        if (piece.accessLevel() == AccessLevel.PAID) return cut(piece, Access.Outcome.CUT_PAID, signedIn);
        if (piece.accessLevel() == AccessLevel.MEMBERS && !signedIn) return cut(piece, Access.Outcome.CUT_MEMBERS, false);
        String key = signedIn ? "u:" + reader.get().id() : "v:" + visitors.visitor(request, response);
        Meter.Reading reading = meter.read(key, piece.id(), freePerMonth());
        return reading.allowed()
                ? new Access(Access.Outcome.METERED, piece.bodyHtml(), reading.left(), signedIn, null)
                : cut(piece, Access.Outcome.CUT_METER, signedIn);
    }

    public int freePerMonth() {
        return Math.max(0, settings.getInt(FREE_PER_MONTH, DEFAULT_FREE_PER_MONTH));
    }

    public Access.Offer offer() {
        return new Access.Offer(settings.get("paywall.offer-heading", "Join our community of readers"),
                settings.get("paywall.offer-text", ""), settings.get("paywall.price-text", ""));
    }

    private Access cut(Piece piece, Access.Outcome why, boolean signedIn) {
        return new Access(why, BodyCut.opening(piece.bodyHtml(), OPENING_BLOCKS), 0, signedIn, offer());
    }

    private Optional<ReaderAccounts.Reader> currentReader() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return Optional.empty();
        return readers.find(auth.getName());
    }
}
