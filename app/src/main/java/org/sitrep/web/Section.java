package org.sitrep.web;

import java.text.Normalizer;
import java.util.Locale;

/** A region or desk as it appears in navigation: the name pieces carry, and its URL slug. */
public record Section(String name, String slug) {

    public static Section of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Section(name, slug.isEmpty() ? "section" : slug);
    }

    public String path() {
        return "/sections/" + slug;
    }
}
