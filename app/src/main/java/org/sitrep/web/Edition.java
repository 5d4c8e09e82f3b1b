package org.sitrep.web;

import java.util.Locale;

/**
 * The edition a public page belongs to: its language, and where its pages live (English at the
 * root, the others under their prefix, /ar/…). Templates read {@code edition.language},
 * {@code edition.direction} and make links with {@code edition.path('/news')}.
 */
public record Edition(Language lang) {
    public static final Edition ENGLISH = new Edition(Language.EN);

    /** The request attribute where the edition of the request is kept (set by the site's edition filter). */
    public static final String ATTRIBUTE = Edition.class.getName();

    public static Edition of(Language language) {
        return language == Language.EN ? ENGLISH : new Edition(language);
    }

    /** "en", "ar"…: for {@code <html lang>}, feeds and the catalogue's language column. */
    public String language() {
        return lang.code();
    }

    /** "ltr" or "rtl": for {@code <html dir>}. */
    public String direction() {
        return lang.direction();
    }

    public String prefix() {
        return lang.prefix();
    }

    public Locale locale() {
        return lang.locale();
    }

    public boolean english() {
        return lang == Language.EN;
    }

    /** The edition's address of a site path: "/news" is "/ar/news" in Arabic; "/" is "/ar/". */
    public String path(String sitePath) {
        if (english()) return sitePath;
        return "/".equals(sitePath) ? prefix() + "/" : prefix() + sitePath;
    }

    /** Open Graph's locale ("en_GB", "ar"). */
    public String ogLocale() {
        return english() ? "en_GB" : lang.code();
    }
}
