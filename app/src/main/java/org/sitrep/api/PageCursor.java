package org.sitrep.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors for the API's lists other than events (events page by EventSearch's own keyset
 * cursor): "kind:payload" base64url-encoded, so clients pass back what they were given and a forged or
 * foreign cursor is refused with 400.
 */
final class PageCursor {
    private PageCursor() {}

    static String encode(String kind, String payload) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((kind + ":" + payload).getBytes(StandardCharsets.UTF_8));
    }

    /** The payload of a cursor of this kind; null for no cursor. */
    static String decode(String kind, String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (plain.startsWith(kind + ":")) return plain.substring(kind.length() + 1);
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiProblem.badRequest("cursor is not one this server gave out");
    }

    /** An offset cursor (directories are ordered by counts, which have no stable keyset). */
    static int offset(String kind, String cursor) {
        String payload = decode(kind, cursor);
        if (payload == null) return 0;
        try {
            int offset = Integer.parseInt(payload);
            if (offset >= 0) return offset;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("cursor is not one this server gave out");
    }
}
