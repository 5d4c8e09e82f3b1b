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
 * A cut body is cut here ({@link #opening}), so the rest never reaches the browser.
 */
@Service
public class Paywall {
    public static final String FREE_PER_MONTH = "paywall.free-per-month";
    public static final int DEFAULT_FREE_PER_MONTH = 3;
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

    /**
     * The publisher's paywall settings as one value: free pieces a month and the offer. Read from
     * the settings table by {@link #terms()}; the article page keeps them with its cached pages, which
     * the paywall admin empties on every change, so a page view costs no settings query.
     */
    public record Terms(int freePerMonth, Access.Offer offer) {}

    public Terms terms() {
        return new Terms(freePerMonth(), offer());
    }

    /** How much of the piece {@code pieceId}, of access {@code level}, the reader making {@code request} gets. */
    public Access decide(long pieceId, AccessLevel level, Terms terms, HttpServletRequest request, HttpServletResponse response) {
        Optional<ReaderAccounts.Reader> reader = currentReader();
        boolean signedIn = reader.isPresent();
        if (signedIn && reader.get().readsEverything()) return new Access(Access.Outcome.FULL, 0, true, null);
        if (level == AccessLevel.PAID) return new Access(Access.Outcome.CUT_PAID, 0, signedIn, terms.offer());
        if (level == AccessLevel.MEMBERS && !signedIn) return new Access(Access.Outcome.CUT_MEMBERS, 0, false, terms.offer());
        if (!counts(request)) {
            // A link preview, a crawler's HEAD: it reads nothing, so it must not use up a free piece.
            String who = signedIn ? "u:" + reader.get().id() : Meter.VISITOR + visitors.visitor(request, response).id();
            int left = meter.left(who, terms.freePerMonth());
            return left > 0 ? new Access(Access.Outcome.METERED, left, signedIn, null)
                    : new Access(Access.Outcome.CUT_METER, 0, signedIn, terms.offer());
        }
        Meter.Reading reading;
        if (signedIn) {
            reading = meter.read("u:" + reader.get().id(), pieceId, terms.freePerMonth());
        } else {
            VisitorCookie.Visitor visitor = visitors.visitor(request, response);
            reading = meter.read(Meter.VISITOR + visitor.id(), visitor.isNew(), pieceId, terms.freePerMonth());
        }
        return reading.allowed()
                ? new Access(Access.Outcome.METERED, reading.left(), signedIn, null)
                : new Access(Access.Outcome.CUT_METER, 0, signedIn, terms.offer());
    }

    /** Only a GET (or POST) of the page is a read; HEAD, OPTIONS and the like never count on the meter. */
    static boolean counts(HttpServletRequest request) {
        return request == null || "GET".equals(request.getMethod()) || "POST".equals(request.getMethod());
    }

    /** What a reader the paywall stops gets of the piece's body: its opening paragraphs ({@link ReaderText#opening}). */
    public String opening(Piece piece) {
        return ReaderText.opening(piece);
    }

    public int freePerMonth() {
        return Math.max(0, settings.getInt(FREE_PER_MONTH, DEFAULT_FREE_PER_MONTH));
    }

    public Access.Offer offer() {
        return new Access.Offer(settings.get("paywall.offer-heading", "Join our community of readers"),
                settings.get("paywall.offer-text", ""), settings.get("paywall.price-text", ""));
    }

    private Optional<ReaderAccounts.Reader> currentReader() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return Optional.empty();
        return readers.find(auth.getName());
    }
}
