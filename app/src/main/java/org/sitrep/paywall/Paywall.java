package org.sitrep.paywall;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    /** Paragraphs of the body a stopped reader sees. */
    static final int OPENING_BLOCKS = 2;

    private final ReaderAccounts readers;
    private final SiteSettings settings;
    private final Meter meter;
    private final VisitorCookie visitors;
    private record Body(String html, boolean sample) {}
    private final Cache<Body, String> openings = Caffeine.newBuilder().maximumSize(10_000).build();

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

    public Access decide(Piece piece, HttpServletRequest request, HttpServletResponse response) {
        return decide(piece, terms(), request, response);
    }

    public Access decide(Piece piece, Terms terms, HttpServletRequest request, HttpServletResponse response) {
        Optional<ReaderAccounts.Reader> reader = currentReader();
        boolean signedIn = reader.isPresent();
        if (signedIn && reader.get().readsEverything()) return new Access(Access.Outcome.FULL, piece.bodyHtml(), 0, true, null);
        if (piece.accessLevel() == AccessLevel.PAID) return cut(piece, Access.Outcome.CUT_PAID, signedIn, terms);
        if (piece.accessLevel() == AccessLevel.MEMBERS && !signedIn) return cut(piece, Access.Outcome.CUT_MEMBERS, false, terms);
        Meter.Reading reading;
        if (signedIn) {
            reading = meter.read("u:" + reader.get().id(), piece.id(), terms.freePerMonth());
        } else {
            VisitorCookie.Visitor visitor = visitors.visitor(request, response);
            reading = meter.read(Meter.VISITOR + visitor.id(), visitor.isNew(), piece.id(), terms.freePerMonth());
        }
        return reading.allowed()
                ? new Access(Access.Outcome.METERED, piece.bodyHtml(), reading.left(), signedIn, null)
                : cut(piece, Access.Outcome.CUT_METER, signedIn, terms);
    }

    public int freePerMonth() {
        return Math.max(0, settings.getInt(FREE_PER_MONTH, DEFAULT_FREE_PER_MONTH));
    }

    public Access.Offer offer() {
        return new Access.Offer(settings.get("paywall.offer-heading", "Join our community of readers"),
                settings.get("paywall.offer-text", ""), settings.get("paywall.price-text", ""));
    }

    private Access cut(Piece piece, Access.Outcome why, boolean signedIn, Terms terms) {
        // Cut once per version of a piece, not per page view: parsing the body costs more than serving the page.
        // Keyed by the body itself (its hash is kept by the string), so an edited piece is cut afresh.
        String opening = openings.get(new Body(piece.bodyHtml(), piece.sample()), b -> BodyCut.opening(b.html(), b.sample(), OPENING_BLOCKS));
        return new Access(why, opening, 0, signedIn, terms.offer());
    }

    private Optional<ReaderAccounts.Reader> currentReader() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return Optional.empty();
        return readers.find(auth.getName());
    }
}
