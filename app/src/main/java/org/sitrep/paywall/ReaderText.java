package org.sitrep.paywall;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Piece;

/**
 * The one place that decides what text of a piece may leave the server. Every renderer of a
 * piece's body or of words taken from it (search snippets, the pieces API, the cut article page,
 * and anything made for every reader alike: feeds, structured data, sitemaps, newsletter web views)
 * takes its text from here, never from {@link Piece#bodyHtml()} itself.
 *
 * <ul>
 *   <li>{@link #opening}: what a reader the paywall stops gets of any piece — its first paragraphs;</li>
 *   <li>{@link #freeHtml}/{@link #freeText}: what <em>every</em> reader may receive, signed in or not:
 *       a public piece's whole body (it is free to read: the meter counts reads, not words), and
 *       only the opening of a members' or paid piece. Text shown to everyone alike (a cached search
 *       page) must come from here;</li>
 *   <li>{@link #htmlFor}: what one known reader may receive outside the metered article page.</li>
 * </ul>
 */
public final class ReaderText {
    /** Paragraphs of the body a stopped reader sees. */
    static final int OPENING_BLOCKS = 2;

    private ReaderText() {}

    /** The opening paragraphs of the body: what the paywall leaves a reader it stops. */
    public static String opening(Piece piece) {
        return BodyCut.opening(piece.bodyHtml(), piece.sample(), OPENING_BLOCKS);
    }

    /** The body any reader may receive, anonymous and past the meter included. */
    public static String freeHtml(Piece piece) {
        return piece.accessLevel() == AccessLevel.PUBLIC ? nullToEmpty(piece.bodyHtml()) : opening(piece);
    }

    /** {@link #freeHtml} as plain text, block boundaries kept as spaces so words never run together. */
    public static String freeText(Piece piece) {
        return plainText(freeHtml(piece));
    }

    /**
     * The body {@code reader} (empty: anonymous) may receive: the whole of it when the reader reads
     * everything (editors, administrators, subscribers), or the piece is public, or it is a members'
     * piece and the reader is signed in; else the opening.
     */
    public static String htmlFor(Piece piece, Optional<ReaderAccounts.Reader> reader) {
        return readsWhole(piece.accessLevel(), reader) ? nullToEmpty(piece.bodyHtml()) : opening(piece);
    }

    /** Whether {@code reader} may read the whole of a piece of access {@code level} (the meter aside). */
    public static boolean readsWhole(AccessLevel level, Optional<ReaderAccounts.Reader> reader) {
        if (reader.isPresent() && reader.get().readsEverything()) return true;
        return switch (level) {
            case PUBLIC -> true;
            case MEMBERS -> reader.isPresent();
            case PAID -> false;
        };
    }

    /** Text of sanitised HTML with block boundaries kept as spaces. */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) return "";
        return Jsoup.parse(html).body().text();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
