package org.sitrep.tracker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * Links to actor pages. An actor's page is
 * {@code /tracker/actors/{name}}; a name with a slash or backslash (which servers refuse inside a
 * path segment, even encoded) gets the equivalent {@code /tracker/actors?name=}.
 */
final class ActorLinks {
    private ActorLinks() {}

    /** An actor with how many events it has somewhere, and the link to its page. */
    record Linked(String name, long events, String url) {
        Linked(String name, long events) {
            this(name, events, to(name));
        }
    }

    static String to(String name) {
        if (name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0
                || name.indexOf('%') >= 0
                || name.indexOf(';') >= 0
                || name.equals(".")
                || name.equals("..")) {
            return "/tracker/actors?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        }
        return "/tracker/actors/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }
}
