package org.sitrep.site;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sitrep.common.ReturnPath;
import org.sitrep.web.ReaderLookup;
import org.sitrep.web.SignedInReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The reader's part of the masthead and footer (sign in, join, subscribe; or account, desk, sign
 * out). Cached public pages are shared by every reader, so they are rendered signed out — the
 * state that carries nothing personal — between marks ({@link #MASTHEAD}, {@link #FOOTER}); for a
 * signed-in reader {@link #personalise} swaps what is between the marks, per request, after the
 * page leaves the cache. A reader's name therefore never enters the cache, and a reader without a
 * session (most page views) costs nothing here.
 */
@Component
public class ReaderChrome {
    static final String MASTHEAD = "masthead";
    static final String FOOTER = "footer";

    private final ITemplateEngine templates;
    private final ObjectProvider<ReaderLookup> lookup;

    ReaderChrome(ITemplateEngine templates, ObjectProvider<ReaderLookup> lookup) {
        this.templates = templates;
        this.lookup = lookup;
    }

    /** The signed-out navigation for a page at {@code next}: the same for every reader, so fit for the cache. */
    static ReaderNav signedOut(String next) {
        return ReaderNav.of(null, next, null);
    }

    /** The navigation for the reader making {@code request}, returning to {@code next}. */
    ReaderNav forRequest(HttpServletRequest request, String next) {
        SignedInReader reader = current().orElse(null);
        CsrfToken csrf =
                reader == null || request == null ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ReaderNav.of(reader, next, csrf);
    }

    /**
     * {@code page} (a cached page rendered signed out) as the reader making {@code request} should
     * see it: unchanged for a reader who is not signed in, else with the marked parts swapped.
     */
    byte[] personalise(byte[] page, HttpServletRequest request) {
        if (request == null || request.getRequestedSessionId() == null) return page; // no session, nobody signed in
        Optional<SignedInReader> reader = current();
        if (reader.isEmpty()) return page;
        ReaderNav nav = forRequest(request, here(request));
        String html = new String(page, StandardCharsets.UTF_8);
        html = swap(html, MASTHEAD, nav);
        html = swap(html, FOOTER, nav);
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** The page a reader is on, as a {@code next} value (path and query). */
    static String here(HttpServletRequest request) {
        String q = request.getQueryString();
        return q == null ? request.getRequestURI() : request.getRequestURI() + "?" + q;
    }

    /** Where the reader would return to from a page: its own {@code next} if it has a safe one, else the page itself. */
    static String nextFor(HttpServletRequest request) {
        return ReturnPath.of(request.getParameter("next")).orElseGet(() -> here(request));
    }

    static String open(String place) {
        return "<!--sitrep:reader:" + place + "-->";
    }

    static String close(String place) {
        return "<!--/sitrep:reader:" + place + "-->";
    }

    private String swap(String html, String place, ReaderNav nav) {
        int from = html.indexOf(open(place));
        int to = from < 0 ? -1 : html.indexOf(close(place), from);
        if (to < 0) return html;
        String part = templates.process(
                "site/layout",
                Set.of("readerNav"),
                new Context(Editions.current().locale(), Map.of("nav", nav, "place", place)));
        return html.substring(0, from + open(place).length()) + part.strip() + html.substring(to);
    }

    private Optional<SignedInReader> current() {
        ReaderLookup l = lookup.getIfAvailable();
        return l == null ? Optional.empty() : l.current();
    }
}
