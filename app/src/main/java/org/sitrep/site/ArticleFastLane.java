package org.sitrep.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves an article page already in the page cache to a reader without a session, ahead of
 * Spring Security's filter chain and Spring MVC: most page views are anonymous, and for them those
 * layers decide nothing (the page is public, CSRF and sign-in do not apply to a GET of it) yet cost
 * more than the page itself. The security headers are written by the application's own
 * {@link HeaderWriterFilter}, so they are the same as on every other page. Anything else — a
 * session (maybe signed in), a page not rendered yet, an unknown piece, another method or an odd
 * path — goes on to the usual chain and {@link ArticleController}.
 */
class ArticleFastLane extends OncePerRequestFilter {
    /** Article paths as the newsroom makes them; anything else (encoded, ";" parameters, "..") takes the long way. */
    static final Pattern PATH = Pattern.compile("/(news|analysis|memos|reports)/[A-Za-z0-9_-]{1,200}");

    private final ArticlePages pages;
    private final ObjectProvider<SecurityFilterChain> chains;
    private volatile HeaderWriterFilter headers;
    private final LongAdder served = new LongAdder();

    ArticleFastLane(ArticlePages pages, ObjectProvider<SecurityFilterChain> chains) {
        this.pages = pages;
        this.chains = chains;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ArticlePage page = servable(request) ? pages.cached(request.getRequestURI()) : null;
        HeaderWriterFilter securityHeaders = page == null ? null : headers(request);
        if (securityHeaders == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            securityHeaders.doFilter(request, response, (req, res) -> {
                byte[] html = pages.forReader(page, (HttpServletRequest) req, (HttpServletResponse) res);
                res.setContentType(SitePages.HTML.toString());
                res.setContentLength(html.length);
                res.getOutputStream().write(html);
            });
            served.increment();
        } finally {
            SecurityContextHolder
                    .clearContext(); // the paywall looked for a signed-in reader: leave the thread as found
        }
    }

    /** Pages served here since start. */
    long served() {
        return served.sum();
    }

    private static boolean servable(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getRequestedSessionId() == null
                && request.getContextPath().isEmpty()
                && PATH.matcher(request.getRequestURI()).matches();
    }

    /**
     * The header filter of the security chain that would serve this article (the first chain matching it,
     * as Spring Security picks: the API has a chain of its own with other headers); null (no fast lane) if none.
     */
    private HeaderWriterFilter headers(HttpServletRequest request) {
        HeaderWriterFilter h = headers;
        if (h == null) {
            SecurityFilterChain serving = chains.orderedStream()
                    .filter(c -> c.matches(request))
                    .findFirst()
                    .orElse(null);
            if (serving == null) return null;
            for (var f : serving.getFilters()) if (f instanceof HeaderWriterFilter found && h == null) h = found;
            headers = h;
        }
        return h;
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ArticleFastLane> articleFastLane(
                ArticlePages pages, ObjectProvider<SecurityFilterChain> chains) {
            FilterRegistrationBean<ArticleFastLane> registration =
                    new FilterRegistrationBean<>(new ArticleFastLane(pages, chains));
            registration.setUrlPatterns(List.of("/news/*", "/analysis/*", "/memos/*", "/reports/*"));
            // Before Spring Security's chain (and after the character-encoding filter, which comes first).
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }
}
