package org.sitrep.common;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a reader goes back to after signing in, joining or paying: the {@code next} parameter. Only
 * a path on this site is accepted. Anything a browser could read as another site — an absolute URL,
 * {@code //host}, {@code /\host} (browsers treat a backslash as a slash), a scheme — and anything
 * that could split a header (CR, LF) or be stripped into one of those (tabs, spaces, other control
 * characters) is refused, so {@code next} can never be turned into an open redirect.
 */
public final class ReturnPath {
    /** One slash, then not a second slash or backslash; then only characters RFC 3986 allows in a path and query. */
    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&'()*+,;=:@/?%-]*");
    /**
     * The sign-in pages themselves are no place to return to (a loop), nor is signing out or an error
     * page; nor is a page whose address holds a token (a sign-in or unsubscribe link), which is not to be copied about.
     */
    private static final Pattern NOT_A_DESTINATION =
            Pattern.compile("/(signin|signout|join|error)([/?].*)?|.*[?&]token=.*");

    static final int MAX_LENGTH = 1000;

    private ReturnPath() {}

    /** The path to return to, if {@code raw} is a safe one on this site. */
    public static Optional<String> of(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) return Optional.empty();
        if (!SAFE.matcher(raw).matches()) return Optional.empty();
        if (NOT_A_DESTINATION.matcher(raw).matches()) return Optional.empty();
        // Percent-decoded, the path must still be ours (no "%2F%2Fhost", "%5Chost" or encoded CR/LF a proxy might
        // decode).
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.startsWith("//")
                || decoded.startsWith("/\\")
                || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }

    /**
     * The page a reader came from, from the {@code Referer} header, when it is a page of this site
     * (the host and port this request was addressed to): the fallback for links that cannot carry
     * {@code next} because they sit in a fragment shared by every page (the paywall's offer).
     */
    public static Optional<String> fromReferer(String referer, String host, int port) {
        if (referer == null || referer.length() > MAX_LENGTH || host == null) return Optional.empty();
        try {
            URI r = URI.create(referer);
            if (r.getHost() == null || !r.getHost().equalsIgnoreCase(host) || port(r) != port) return Optional.empty();
            String path = r.getRawPath() == null || r.getRawPath().isEmpty() ? "/" : r.getRawPath();
            return of(r.getRawQuery() == null ? path : path + "?" + r.getRawQuery());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }

    /** {@code page} with {@code next} added as its (encoded) parameter, or {@code page} alone when there is nowhere to return to. */
    public static String link(String page, String next) {
        Optional<String> n = of(next);
        if (n.isEmpty() || n.get().equals("/")) return page;
        return page + (page.contains("?") ? "&" : "?") + "next=" + URLEncoder.encode(n.get(), StandardCharsets.UTF_8);
    }
}
