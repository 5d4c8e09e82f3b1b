package org.sitrep.analysis.events;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Word classes without a parser: noun or verb, passive, modifiers, names, from tags when the tokenizer gives them and from word forms when not. */
final class WordClasses {
    /** Unlisted words that still read as adjectives between a modifier and its noun ("two-day", "massive"). */
    private static final Pattern ADJECTIVE =
            Pattern.compile("\\p{Ll}+-[\\p{L}-]+|\\p{Ll}+(iv|al|ic|ous|ful|ian|ern|ary|ant|ent|est|er)");

    static final Pattern LOWER_WORD = Pattern.compile("\\p{Ll}[\\p{Ll}-]*");
    static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");
    static final Pattern ADVERB = Pattern.compile("\\p{Ll}+ly|also|then|later|all|both");

    private final TriggerLexicon lex;

    WordClasses(TriggerLexicon lex) {
        this.lex = lex;
    }

    boolean onlyModifiers(String[] stems, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!lex.inGroup("determiner", stems[k]) || stems[k].equals("of")) {
                // adjectives we do not list ("two-day", "fierce") are fine when lower-case words
                if (!ADJECTIVE.matcher(stems[k]).matches()
                        || lex.inGroup("oblique", stems[k])
                        || lex.inGroup("be", stems[k])
                        || lex.inGroup("boundary", stems[k])) return false;
            }
        }
        return true;
    }

    static boolean properNoun(Tok t) {
        String w = t.text();
        return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT));
    }

    /** Headlines in Title Case capitalise every word, actions included. */
    static boolean titleCase(List<Tok> toks) {
        int words = 0;
        int capitals = 0;
        for (Tok t : toks) {
            if (t.text().length() <= 3 || !Character.isLetter(t.text().charAt(0))) continue;
            words++;
            if (Character.isUpperCase(t.text().charAt(0))) capitals++;
        }
        return words >= 3 && capitals * 10 >= words * 7;
    }

    static boolean capitalised(Tok t) {
        return !t.text().isEmpty() && Character.isUpperCase(t.text().charAt(0));
    }

    boolean isNoun(List<Tok> toks, String[] stems, int i) {
        String tag = toks.get(i).tag();
        if (tag != null && !tag.isEmpty()) return tag.startsWith("NN");
        if (i == 0) return true; // headline style "Clashes in …", "Airstrike kills …"
        String prev = toks.get(i - 1).lower();
        if (prev.equals("to")) return false; // "attempted to storm"; "attack to" is rare
        if (lex.inGroup("determiner", stems[i - 1])
                || prev.endsWith("'s")
                || prev.endsWith("\u2019s")
                || NUMBER.matcher(prev).matches()) return true;
        if (lex.inGroup("be", stems[i - 1])) return false;
        String w = toks.get(i).lower();
        if (w.endsWith("ed")) return false;
        if (prev.endsWith("ed") && prev.length() > 4) return true; // "reimposed blockades": the object of a verb
        if (i + 1 < toks.size()) {
            String next = toks.get(i + 1).lower();
            if (next.equals("on") || next.equals("against") || next.equals("between") || next.equals("by")) return true;
        }
        // after a preposition or a verb-like word, a word ending in -ion, -ment, -ing is a noun
        return w.endsWith("ion") || w.endsWith("ment") || lex.inGroup("oblique", stems[i - 1]);
    }

    boolean isPassive(List<Tok> toks, String[] stems, int i) {
        String tag = toks.get(i).tag();
        String w = toks.get(i).lower();
        boolean participle = tag != null && !tag.isEmpty()
                ? tag.equals("VBN")
                : w.endsWith("ed")
                        || w.endsWith("en")
                        || w.equals("shot")
                        || w.equals("hit")
                        || w.equals("struck")
                        || w.equals("overrun")
                        || w.equals("beaten")
                        || w.equals("held");
        if (!participle) return false;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (lex.inGroup("be", stems[k]) && !toks.get(k).text().equals("IS")) return !isPerfect(toks, k);
            if (!ADVERB.matcher(toks.get(k).lower()).matches()) return false;
        }
        return false;
    }

    /** "has attacked" is active; "has been attacked" passive (the "been" is what counts). */
    private static boolean isPerfect(List<Tok> toks, int k) {
        String w = toks.get(k).lower();
        return w.equals("has") || w.equals("have") || w.equals("had");
    }

    boolean any(String group, String[] stems) {
        for (String s : stems) if (lex.inGroup(group, s)) return true;
        return false;
    }

    static String[] stems(ActorSpan a, List<Tok> toks) {
        String[] out = new String[a.to() - a.from()];
        for (int k = a.from(); k < a.to(); k++) out[k - a.from()] = toks.get(k).stem();
        return out;
    }

    /**
     * "set up a forward operating base", "established new border posts": a set-up verb a few words before the
     * noun at i, with only lower-case words between (not "set fire to the post", not "a newly built outpost").
     */
    boolean setUpBefore(List<Tok> toks, String[] stems, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 5; k--) {
            if (lex.inGroup("setup", stems[k])) {
                String next = toks.get(k + 1).lower();
                if (next.equals("fire") || next.equals("ablaze") || next.equals("alight") || next.equals("upon"))
                    return false;
                String before = k > 0 ? toks.get(k - 1).lower() : "";
                return !before.endsWith("ly") && !lex.inGroup("determiner", stems[k > 0 ? k - 1 : k]) || k == 0;
            }
            String w = toks.get(k).text();
            if (w.isEmpty()
                    || !Character.isLowerCase(w.charAt(0))
                    || lex.inGroup("boundary", stems[k])
                    || lex.inGroup("be", stems[k])
                    || lex.inGroup("oblique", stems[k]) && !stems[k].equals("of")) {
                return false;
            }
        }
        return false;
    }
}
