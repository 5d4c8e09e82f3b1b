package org.sitrep.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lemmas of English words from a table of irregular forms and suffix rules: "shelled" → "shell",
 * "clashes" → "clash", "fled" → "flee", "militias" → "militia". Fast enough to run on every token,
 * which OpenNLP's statistical lemmatizer is not.
 */
public final class EnglishLemmas {
    private static final Map<String, String> IRREGULAR = load();
    /** Stems whose final consonant is really doubled, so "-ed"/"-ing" must not be undoubled. */
    private static final Set<Character> KEEP_DOUBLE = Set.of('l', 's', 'f', 'z');

    private EnglishLemmas() {}

    /** The lemma of {@code word} tagged {@code tag} (a Universal Dependencies tag), lower-cased. */
    public static String lemma(String word, String tag) {
        String w = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(w);
        if (irregular != null && !"PROPN".equals(tag)) return irregular;
        if (w.length() < 4 || !isWord(w)) return w;
        if ("NOUN".equals(tag)) return noun(w);
        if ("VERB".equals(tag) || "AUX".equals(tag)) return verb(w);
        return w;
    }

    private static boolean isWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isLetter(c) && c != '-') return false;
        }
        return true;
    }

    static String noun(String w) {
        if (w.endsWith("men") && w.length() > 4 && !w.endsWith("omen") && !w.endsWith("imen")) {
            return w.substring(0, w.length() - 3) + "man"; // gunmen, militiamen, tribesmen
        }
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zzes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static String verb(String w) {
        if (w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("ied")) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("ed") && w.length() > 4) return restore(w.substring(0, w.length() - 2));
        if (w.endsWith("ing") && w.length() > 5) return restore(w.substring(0, w.length() - 3));
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return w.substring(0, w.length() - 1);
        return w;
    }

    /** Undoes consonant doubling ("stopp" → "stop") and restores a dropped "e" ("captur" → "capture"). */
    private static String restore(String stem) {
        int n = stem.length();
        char last = stem.charAt(n - 1);
        if (n >= 4 && last == stem.charAt(n - 2) && !isVowel(last) && !KEEP_DOUBLE.contains(last)) {
            return stem.substring(0, n - 1);
        }
        if (needsE(stem)) return stem + "e";
        return stem;
    }

    private static boolean needsE(String stem) {
        int n = stem.length();
        char last = stem.charAt(n - 1);
        char before = stem.charAt(n - 2);
        if (last == 'v' || stem.endsWith("ur") || stem.endsWith("iz") || stem.endsWith("eg")) return true;
        if (stem.endsWith("rg") || stem.endsWith("dg") || stem.endsWith("nc") || stem.endsWith("rc")) return true;
        if (last == 's' && isVowel(before)) return true; // raised, caused, released
        if (stem.endsWith("at") && n > 4 && "aeo".indexOf(stem.charAt(n - 3)) < 0) return true; // detonated
        if (n == 4 && stem.endsWith("ut")) return true; // muted
        // fired, hoped, united: a short stem ending consonant-vowel-consonant
        return n <= 4
                && isVowel(before)
                && !isVowel(last)
                && "wxy".indexOf(last) < 0
                && !isVowel(stem.charAt(n - 3))
                && before != 'e';
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        try (var in = EnglishLemmas.class.getResourceAsStream("irregular-lemmas.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("\\s+");
                if (parts.length == 2) map.put(parts[0], parts[1]);
            }
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("cannot read irregular-lemmas.txt", e));
        }
        return Map.copyOf(map);
    }
}
