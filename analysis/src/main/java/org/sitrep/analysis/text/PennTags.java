package org.sitrep.analysis.text;

import java.util.Locale;
import java.util.Set;

/**
 * Penn Treebank tags (NN, NNS, NNP, VBD, VBN, VBG, VBZ, IN, DT, JJ, …) from the Universal
 * Dependencies tags of OpenNLP's English model (it predicts only the 17 coarse UD tags) and the
 * words themselves. The fine verb tags matter downstream: a passive ("was shelled by") needs VBN,
 * an agent needs a finite verb (VBD). Past forms are told apart by context: after a form of
 * be/have/get, or before a noun ("the besieged town"), a past form is a participle.
 */
final class PennTags {
    private static final Set<String> MODALS = Set.of(
            "can", "could", "may", "might", "must", "shall", "should", "will", "would", "'ll", "ca", "wo", "ought");
    private static final Set<String> PARTICIPLE_AUX = Set.of("be", "have", "get");
    private static final Set<String> POSSESSIVES = Set.of("my", "your", "his", "her", "its", "our", "their");
    private static final Set<String> WH_ADVERBS = Set.of("when", "where", "why", "how", "whenever", "wherever");
    /** Irregular forms that are only ever past participles. */
    private static final Set<String> PARTICIPLES = Set.of(
            "been",
            "seen",
            "done",
            "gone",
            "taken",
            "given",
            "beaten",
            "fallen",
            "driven",
            "broken",
            "stolen",
            "spoken",
            "shaken",
            "chosen",
            "known",
            "shown",
            "thrown",
            "flown",
            "grown",
            "drawn",
            "withdrawn",
            "written",
            "hidden",
            "ridden",
            "risen",
            "eaten",
            "forgotten",
            "gotten",
            "overtaken",
            "undertaken",
            "blown",
            "sworn",
            "torn",
            "worn",
            "born",
            "borne",
            "slain",
            "stricken",
            "sunk",
            "begun",
            "swum",
            "overrun");
    /** Irregular forms that are only ever simple past. */
    private static final Set<String> PAST = Set.of(
            "was",
            "were",
            "did",
            "went",
            "took",
            "gave",
            "saw",
            "fell",
            "drove",
            "broke",
            "stole",
            "spoke",
            "shook",
            "chose",
            "knew",
            "showed",
            "threw",
            "flew",
            "grew",
            "drew",
            "withdrew",
            "wrote",
            "hid",
            "rode",
            "rose",
            "ate",
            "forgot",
            "overtook",
            "undertook",
            "blew",
            "swore",
            "tore",
            "wore",
            "slew",
            "sank",
            "began",
            "ran",
            "came",
            "became",
            "overran");

    private PennTags() {}

    /** Penn tags for a sentence's words, given their UD tags and lemmas. */
    static String[] of(String[] words, String[] ud, String[] lemmas) {
        String[] penn = new String[words.length];
        for (int i = 0; i < words.length; i++) penn[i] = tag(words, ud, lemmas, penn, i);
        return penn;
    }

    private static String tag(String[] words, String[] ud, String[] lemmas, String[] penn, int i) {
        String w = words[i];
        String l = w.toLowerCase(Locale.ROOT);
        String u = coarse(ud[i]);
        return switch (u) {
            case "NOUN" -> plural(l, lemmas[i]) ? "NNS" : "NN";
            case "PROPN" -> "NNP";
            case "VERB", "AUX" -> verb(words, ud, lemmas, penn, i, l);
            case "ADJ" -> "JJ";
            case "ADV" -> WH_ADVERBS.contains(l) ? "WRB" : "RB";
            case "ADP" -> l.equals("to") ? "TO" : "IN";
            case "SCONJ" -> "IN";
            case "CCONJ" -> "CC";
            case "DET" -> l.equals("which") || l.equals("whose") ? "WDT" : "DT";
            case "PRON" -> pronoun(l);
            case "PART" ->
                l.equals("to")
                        ? "TO"
                        : l.equals("'s") || l.equals("’s") || l.equals("'")
                                ? "POS"
                                : l.equals("not") || l.equals("n't") || l.equals("n’t") ? "RB" : "RP";
            case "NUM" -> "CD";
            case "PUNCT" -> punctuation(w);
            case "INTJ" -> "UH";
            case "SYM" -> "SYM";
            default -> "FW";
        };
    }

    /** The first part of a contraction tag ("PRON+AUX" → "PRON"). */
    static String coarse(String ud) {
        int plus = ud.indexOf('+');
        return plus < 0 ? ud : ud.substring(0, plus);
    }

    private static boolean plural(String lower, String lemma) {
        return !lower.equals(lemma)
                || lower.equals("people")
                || lower.equals("men")
                || lower.equals("women")
                || lower.equals("children")
                || lower.equals("police");
    }

    private static String pronoun(String l) {
        if (POSSESSIVES.contains(l)) return "PRP$";
        if (l.equals("who") || l.equals("whom") || l.equals("what")) return "WP";
        if (l.equals("whose")) return "WP$";
        if (l.equals("that") || l.equals("which")) return "WDT";
        return "PRP";
    }

    private static String verb(String[] words, String[] ud, String[] lemmas, String[] penn, int i, String l) {
        if (MODALS.contains(l) && "AUX".equals(coarse(ud[i]))) return "MD";
        if (l.endsWith("ing") && l.length() > 4) return "VBG";
        switch (l) {
            case "am", "are", "'re", "'m", "’re", "’m" -> {
                return "VBP";
            }
            case "is", "'s", "’s", "has", "does" -> {
                return "VBZ";
            }
            case "be", "have", "do" -> {
                return infinitive(words, penn, i) ? "VB" : "VBP";
            }
            default -> {}
        }
        if (PARTICIPLES.contains(l)) return "VBN";
        if (PAST.contains(l)) return "VBD";
        String lemma = lemmas[i];
        boolean pastForm = !l.equals(lemma) && !l.endsWith("s") || l.endsWith("ed");
        if (pastForm) {
            if (afterAuxiliary(words, ud, lemmas, i) || attributive(ud, penn, i)) return "VBN";
            return "VBD";
        }
        if (l.endsWith("s") && !l.endsWith("ss") && !l.equals(lemma)) return "VBZ";
        return infinitive(words, penn, i) ? "VB" : "VBP";
    }

    /** After "to", a modal or do-support, skipping adverbs and "not". */
    private static boolean infinitive(String[] words, String[] penn, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            String p = penn[k];
            if ("RB".equals(p)) continue;
            String w = words[k].toLowerCase(Locale.ROOT);
            return "TO".equals(p)
                    || "MD".equals(p)
                    || w.equals("did")
                    || w.equals("does")
                    || w.equals("do")
                    || w.equals("n't")
                    || w.equals("not");
        }
        return false;
    }

    /** "was shelled", "have been killed", "got wounded", "were reportedly captured". */
    private static boolean afterAuxiliary(String[] words, String[] ud, String[] lemmas, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            String u = coarse(ud[k]);
            if (u.equals("ADV") || u.equals("PART")) continue;
            if (u.equals("VERB") || u.equals("AUX")) return PARTICIPLE_AUX.contains(lemmas[k]);
            return false;
        }
        return false;
    }

    /** "the besieged town", "a newly captured hill": a past form between a determiner or adjective and a noun. */
    private static boolean attributive(String[] ud, String[] penn, int i) {
        if (i == 0) return false;
        String before = penn[i - 1];
        boolean afterModifier = "DT".equals(before)
                || "JJ".equals(before)
                || "PRP$".equals(before)
                || "RB".equals(before) && i >= 2 && "DT".equals(penn[i - 2]);
        boolean beforeNoun = i + 1 < ud.length
                && (coarse(ud[i + 1]).equals("NOUN") || coarse(ud[i + 1]).equals("PROPN"));
        return afterModifier && beforeNoun;
    }

    private static String punctuation(String w) {
        return switch (w) {
            case ".", "!", "?" -> ".";
            case "," -> ",";
            case "\"", "“", "”", "''", "``" -> w.equals("“") || w.equals("``") ? "``" : "''";
            case "(", "[", "{" -> "-LRB-";
            case ")", "]", "}" -> "-RRB-";
            case "$" -> "$";
            case "#" -> "#";
            default -> ":";
        };
    }
}
