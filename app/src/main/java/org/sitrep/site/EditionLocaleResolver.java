package org.sitrep.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.sitrep.web.Edition;
import org.sitrep.web.Language;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The locale of a request is its edition's language: Arabic under /ar/, English without a prefix.
 * Not the browser's Accept-Language: one address is one language, for readers and crawlers alike
 * (hreflang promises it). Spring MVC, Thymeleaf's {@code #{…}} and {@code LocaleContextHolder} read it
 * from here; readers change language by following the language switcher, not by setting a locale.
 */
@Component("localeResolver")
class EditionLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return edition(request).locale();
    }

    /** The edition the {@link EditionFilter} put the request in; without it (a test's mock request), from the path. */
    static Edition edition(HttpServletRequest request) {
        if (request.getAttribute(Edition.ATTRIBUTE) instanceof Edition e) return e;
        String path = request.getRequestURI() == null
                ? ""
                : request.getRequestURI().substring(request.getContextPath().length());
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
        return Language.of(first).filter(l -> l != Language.EN).map(Edition::of).orElse(Edition.ENGLISH);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException(
                "The language is the edition's: follow the language switcher to another edition");
    }
}
