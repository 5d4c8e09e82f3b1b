package org.sitrep.site;

import java.nio.charset.StandardCharsets;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.paywall.Access;

/**
 * An article page rendered once and kept in parts, put together per reader: the paywall's
 * outcome changes only the meter notice, the body (whole or its opening), the offer and whether
 * the structured data calls the page free. So one rendering serves every reader, and a page view
 * costs copying a few byte arrays.
 *
 * @param frame   the page around the variable parts: before the JSON-LD, before the meter notice,
 *                before the body, before the offer, and the rest
 * @param ldFree  JSON-LD for a reader who gets the whole piece ({@code isAccessibleForFree})
 * @param ldGated JSON-LD for a gated page (a paid or members' piece, or any cut page)
 */
record ArticlePage(
        long pieceId, AccessLevel level, byte[][] frame, byte[] ldFree, byte[] ldGated, byte[] body, byte[] opening)
        implements PageCache.Weighed {

    /** Where the parts go in the rendered template: comments, which a sanitised body never carries. */
    record Slots(String jsonLd, String meter, String body, String offer) {}

    static final Slots SLOTS =
            new Slots("<!--sitrep:json-ld-->", "<!--sitrep:meter-->", "<!--sitrep:body-->", "<!--sitrep:offer-->");

    /** Splits the page rendered with {@link #SLOTS} at its slots. */
    static ArticlePage of(
            long pieceId,
            AccessLevel level,
            String rendered,
            String ldFree,
            String ldGated,
            String body,
            String opening) {
        String[] marks = {SLOTS.jsonLd(), SLOTS.meter(), SLOTS.body(), SLOTS.offer()};
        byte[][] frame = new byte[marks.length + 1][];
        int from = 0;
        for (int i = 0; i < marks.length; i++) {
            int at = rendered.indexOf(marks[i], from);
            if (at < 0) throw new IllegalStateException("site/article has no slot " + marks[i]);
            frame[i] = utf8(rendered.substring(from, at));
            from = at + marks[i].length();
        }
        frame[marks.length] = utf8(rendered.substring(from));
        return new ArticlePage(pieceId, level, frame, utf8(ldFree), utf8(ldGated), utf8(body), utf8(opening));
    }

    /** The page for one reader; {@code meter} and {@code offer} are the paywall's fragments for that outcome (or empty). */
    byte[] compose(Access access, byte[] meter, byte[] offer) {
        boolean cut = access.cut();
        byte[][] parts = {
            frame[0],
            level != AccessLevel.PUBLIC || cut ? ldGated : ldFree,
            frame[1],
            access.notice() ? meter : EMPTY,
            frame[2],
            cut ? opening : body,
            frame[3],
            cut ? offer : EMPTY,
            frame[4]
        };
        int length = 0;
        for (byte[] p : parts) length += p.length;
        byte[] page = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, page, at, p.length);
            at += p.length;
        }
        return page;
    }

    @Override
    public int weight() {
        int w = ldFree.length + ldGated.length + body.length + opening.length + 256;
        for (byte[] f : frame) w += f.length;
        return w;
    }

    private static final byte[] EMPTY = new byte[0];

    private static byte[] utf8(String s) {
        return s == null ? EMPTY : s.getBytes(StandardCharsets.UTF_8);
    }
}
