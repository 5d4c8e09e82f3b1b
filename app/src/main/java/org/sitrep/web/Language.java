package org.sitrep.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Sitrep publishes in, one edition each: English (always on, without a prefix) and
 * Arabic, Persian, Turkish and Hebrew, which an administrator turns on (docs/editions.md).
 *
 * @param name      the language's own name, as the language switcher shows it
 * @param direction "rtl" where the script reads right to left
 */
public enum Language {
    EN("en", "English", "ltr"),
    AR("ar", "العربية", "rtl"),
    FA("fa", "فارسی", "rtl"),
    TR("tr", "Türkçe", "ltr"),
    HE("he", "עברית", "rtl");

    private final String code;
    private final String name;
    private final String direction;

    Language(String code, String name, String direction) {
        this.code = code;
        this.name = name;
        this.direction = direction;
    }

    /** The ISO 639-1 code: in paths (/ar/), {@code lang}, {@code hreflang} and the pieces' language column. */
    public String code() {
        return code;
    }

    /** The language's name in itself ("العربية"). */
    public String nativeName() {
        return name;
    }

    public String direction() {
        return direction;
    }

    public boolean rightToLeft() {
        return "rtl".equals(direction);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** "" for English, "/ar" for Arabic. */
    public String prefix() {
        return this == EN ? "" : "/" + code;
    }

    /** The language of {@code code} ("ar"), if Sitrep has an edition for it. */
    public static Optional<Language> of(String code) {
        return Arrays.stream(values())
                .filter(l -> l.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }

    /** The language of a piece's stored code; English for anything unknown. */
    public static Language orEnglish(String code) {
        return of(code).orElse(EN);
    }
}
