package org.sitrep.paywall;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.sitrep.members.ClientAddress;
import org.sitrep.members.Entitlements;
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
    /** Free pieces a month for anonymous visitors (the registration wall) and for free members. */
    public static final String FREE_FOR_VISITORS = "paywall.free-per-month.visitors";

    public static final String FREE_FOR_MEMBERS = "paywall.free-per-month.members";
    /** When a setting is missing; a site that had one allowance keeps it for both (migration V160). */
    public static final int DEFAULT_FREE_FOR_VISITORS = 1;

    public static final int DEFAULT_FREE_FOR_MEMBERS = 5;
    private final ReaderAccounts readers;
    private final SiteSettings settings;
    private final Meter meter;
    private final VisitorCookie visitors;
    private final Entitlements entitlements;
    private final ClientAddress clients;

    public Paywall(
            ReaderAccounts readers,
            SiteSettings settings,
            Meter meter,
            VisitorCookie visitors,
            Entitlements entitlements,
            ClientAddress clients) {
        this.entitlements = entitlements;
        this.clients = clients;
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
    public record Terms(int freeForVisitors, int freeForMembers, Access.Offer offer, Access.Offer visitorOffer) {
        int freePerMonth(boolean signedIn) {
            return signedIn ? freeForMembers : freeForVisitors;
        }

        /**
         * The offer past the meter: members are offered a subscription; so are visitors unless joining
         * would give them more free pieces (the registration wall), which is only worth offering then.
         */
        Access.Offer offer(boolean signedIn) {
            return signedIn || freeForMembers <= freeForVisitors ? offer : visitorOffer;
        }
    }

    public Terms terms() {
        return new Terms(freeForVisitors(), freeForMembers(), offer(), visitorOffer());
    }

    /** How much of the piece {@code pieceId}, of access {@code level}, the reader making {@code request} gets. */
    public Access decide(
            long pieceId, AccessLevel level, Terms terms, HttpServletRequest request, HttpServletResponse response) {
        Optional<ReaderAccounts.Reader> reader = currentReader();
        boolean signedIn = reader.isPresent();
        if (signedIn && reader.get().readsEverything()) return new Access(Access.Outcome.FULL, 0, true, null);
        // A site licence: the reader's address is in an organisation's ranges (the client address only
        // from a trusted proxy's X-Forwarded-For, so a forged header from elsewhere buys nothing).
        if (request != null) {
            Optional<String> site = entitlements.byAddress(clients.of(request), counts(request));
            if (site.isPresent()) return new Access(Access.Outcome.FULL, 0, signedIn, null, site.get());
        }
        if (level == AccessLevel.PAID) return new Access(Access.Outcome.CUT_PAID, 0, signedIn, terms.offer());
        if (level == AccessLevel.MEMBERS && !signedIn)
            return new Access(Access.Outcome.CUT_MEMBERS, 0, false, terms.offer());
        if (!counts(request)) {
            // A link preview, a crawler's HEAD: it reads nothing, so it must not use up a free piece.
            String who = signedIn
                    ? "u:" + reader.get().id()
                    : Meter.VISITOR + visitors.visitor(request, response).id();
            int left = meter.left(who, terms.freePerMonth(signedIn));
            return left > 0
                    ? new Access(Access.Outcome.METERED, left, signedIn, null)
                    : new Access(Access.Outcome.CUT_METER, 0, signedIn, terms.offer(signedIn));
        }
        Meter.Reading reading;
        if (signedIn) {
            reading = meter.read("u:" + reader.get().id(), pieceId, terms.freeForMembers());
        } else {
            VisitorCookie.Visitor visitor = visitors.visitor(request, response);
            reading = meter.read(Meter.VISITOR + visitor.id(), visitor.isNew(), pieceId, terms.freeForVisitors());
        }
        return reading.allowed()
                ? new Access(Access.Outcome.METERED, reading.left(), signedIn, null)
                : new Access(Access.Outcome.CUT_METER, 0, signedIn, terms.offer(signedIn));
    }

    /** Only a GET (or POST) of the page is a read; HEAD, OPTIONS and the like never count on the meter. */
    static boolean counts(HttpServletRequest request) {
        return request == null || "GET".equals(request.getMethod()) || "POST".equals(request.getMethod());
    }

    /** What a reader the paywall stops gets of the piece's body: its opening paragraphs ({@link ReaderText#opening}). */
    public String opening(Piece piece) {
        return ReaderText.opening(piece);
    }

    public int freeForVisitors() {
        return Math.max(0, settings.getInt(FREE_FOR_VISITORS, DEFAULT_FREE_FOR_VISITORS));
    }

    public int freeForMembers() {
        return Math.max(0, settings.getInt(FREE_FOR_MEMBERS, DEFAULT_FREE_FOR_MEMBERS));
    }

    /** The registration wall's offer to an anonymous visitor past the meter: join free, and how many pieces a member reads. */
    public Access.Offer visitorOffer() {
        int members = freeForMembers();
        return new Access.Offer(
                settings.get("paywall.visitor-offer-heading", "Register to keep reading"),
                settings.get("paywall.visitor-offer-text", ""),
                "Join free: " + members + (members == 1 ? " piece" : " pieces") + " a month",
                true);
    }

    public Access.Offer offer() {
        return new Access.Offer(
                settings.get("paywall.offer-heading", "Join our community of readers"),
                settings.get("paywall.offer-text", ""),
                settings.get("paywall.price-text", ""));
    }

    private Optional<ReaderAccounts.Reader> currentReader() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken)
            return Optional.empty();
        return readers.find(auth.getName());
    }
}
