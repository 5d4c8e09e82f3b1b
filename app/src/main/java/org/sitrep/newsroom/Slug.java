package org.sitrep.newsroom;

import java.text.Normalizer;
import java.util.Locale;

/** URL segments made from headlines and names: lower case ASCII words joined by hyphens. */
public final class Slug {
    public static final int MAX_LENGTH = 80;

    private Slug() {}

    /** "Rebels push into west Aleppo’s Zahraa district" → "rebels-push-into-west-aleppos-zahraa-district". */
    public static String of(String text) {
        if (text == null) return "";
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("['’‘`]", "")
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
