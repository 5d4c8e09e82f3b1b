package org.sitrep.newsroom;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * URL segments made from headlines and names: lower case ASCII words joined by hyphens. Text in
 * another script (Arabic, Persian, Hebrew, Cyrillic, Greek, CJK…) is first spelt in Latin letters
 * with ICU's transliterator, so "حلب" gets the address "hlb" rather than none at all.
 */
public final class Slug {
    public static final int MAX_LENGTH = 80;

    // ICU transliterators are not safe for concurrent use; one shared instance behind a lock is enough
    // for the rate at which slugs are made (one per save).
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private Slug() {}

    /** "Rebels push into west Aleppo’s Zahraa district" → "rebels-push-into-west-aleppos-zahraa-district". */
    public static String of(String text) {
        if (text == null) return "";
        String latin = text;
        if (!text.chars().allMatch(c -> c < 0x250)) { // beyond Latin: transliterate (Latin accents are handled below)
            synchronized (TO_LATIN) {
                latin = TO_LATIN.transliterate(text);
            }
        }
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("['’‘`ʼʻʹ]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
            int cut = s.lastIndexOf('-');
            if (cut > MAX_LENGTH / 2) s = s.substring(0, cut);
        }
        return s;
    }
}
