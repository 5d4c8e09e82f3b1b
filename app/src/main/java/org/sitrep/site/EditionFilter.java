package org.sitrep.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.web.Edition;
import org.sitrep.web.Language;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts each request in its edition. A path under a language prefix ({@code /ar/analysis/…}) is the
 * edition's copy of a public page: the request goes on with the prefix taken off, so the site's
 * controllers, the security chain and the cache see the page's usual path, and the edition is kept
 * as a request attribute ({@link Edition#ATTRIBUTE}) for the {@link EditionLocaleResolver}, the page
 * model and the catalogue's language. Only the public site has editions: a prefixed address of
 * anything else (the newsroom, accounts, the API), or of an edition that is not turned on, is 404.
 * Runs first, before the article fast lane and Spring Security.
 */
class EditionFilter extends OncePerRequestFilter {
    private static final Pattern PREFIXED = Pattern.compile("/(ar|fa|tr|he)(/.*)?");
    /** The pages an edition has: home, lists, articles, feeds, sitemaps and search. */
    static final Pattern SITE_PATH = Pattern.compile("/|/(news|analysis|memos|reports)(/feed\\.(rss|atom)|/[^/]+)?"
            + "|/sections/[^/]+|/tags/[^/]+(/feed\\.(rss|atom))?|/authors/[^/]+|/feed\\.(rss|atom)|/sitemap\\.xml"
            + "|/sitemaps/[^/]+\\.xml|/search");

    private final Editions editions;

    EditionFilter(Editions editions) {
        this.editions = editions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = PREFIXED.matcher(path);
        if (!m.matches()) {
            request.setAttribute(Edition.ATTRIBUTE, Edition.ENGLISH);
            chain.doFilter(request, response);
            return;
        }
        Language language = Language.of(m.group(1)).orElseThrow();
        String rest = m.group(2) == null ? "/" : m.group(2);
        if (!SITE_PATH.matcher(rest).matches() || !editions.enabled(language)) {
            // Said before anything else runs: the error page is then drawn in English, as for any unknown address.
            request.setAttribute(Edition.ATTRIBUTE, Edition.ENGLISH);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(Edition.ATTRIBUTE, Edition.of(language));
        chain.doFilter(new Unprefixed(request, rest), response);
    }

    /** The request as the site sees it: the same page without the edition's prefix. */
    static final class Unprefixed extends HttpServletRequestWrapper {
        private final String path;

        Unprefixed(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!(("http".equals(getScheme()) && port == 80) || ("https".equals(getScheme()) && port == 443)))
                url.append(':').append(port);
            return url.append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<EditionFilter> editionFilter(Editions editions) {
            FilterRegistrationBean<EditionFilter> registration =
                    new FilterRegistrationBean<>(new EditionFilter(editions));
            registration.addUrlPatterns("/*");
            // Before the article fast lane (DEFAULT_FILTER_ORDER - 1) and Spring Security's chain.
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
            return registration;
        }
    }
}
