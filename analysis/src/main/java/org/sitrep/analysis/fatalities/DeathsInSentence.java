package org.sitrep.analysis.fatalities;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.Token;

/**
 * Reads the deaths one sentence reports: "killing at least six people", "two soldiers and a civilian were
 * killed", "a death toll that rose to 40", "no casualties were reported". Each death word is read with the
 * noun phrase it governs (the victims after an active verb, before a passive or intransitive one); the
 * numbers in that phrase are added ("two soldiers and a civilian": 3). A sentence that names its deaths
 * twice ("killed 12 people, among them three children") counts the largest figure, never the sum.
 */
final class DeathsInSentence {
    /**
     * Stems a sentence must contain to be read at all: most sentences are skipped by one scan of their text
     * (not "die": it is in every "soldier").
     */
    private static final String[] STEMS = {
        "kill",
        "dead",
        "died",
        "dies",
        "dying",
        " die",
        "death",
        "fatalit",
        "casualt",
        "lives",
        "bodies",
        "toll",
        "massacr",
        "execut",
        "slain",
        "perish",
        "murder",
        "assassinat",
        "lynch",
        "behead",
        "slaughter",
        "injur",
        "hurt",
        "harm",
        "loss of life"
    };
    /** Verbs whose object is the dead: "killed six", "kills 12", "executed two men". */
    private static final Set<String> ACTIVE = Set.of(
            "killed",
            "killing",
            "kills",
            "massacred",
            "massacring",
            "executed",
            "executing",
            "murdered",
            "murdering",
            "assassinated",
            "lynched",
            "beheaded",
            "slaughtered",
            "slain");
    /** Words whose subject (or the number before them) is the dead: "six died", "12 dead", "five deaths". */
    private static final Set<String> SUBJECT =
            Set.of("died", "dead", "perished", "deaths", "fatalities", "bodies", "corpses", "die", "dies", "dying");
    /** Words that count only when there were none: "no casualties", "nobody was hurt", "no injuries". */
    private static final Set<String> NONE_ONLY =
            Set.of("casualties", "casualty", "injuries", "hurt", "injured", "harmed", "wounded", "loss");

    private static final Set<String> AUX = Set.of(
            "was",
            "were",
            "been",
            "being",
            "be",
            "are",
            "is",
            "got",
            "get",
            "have",
            "has",
            "had",
            "reportedly",
            "also",
            "all",
            "later",
            "allegedly",
            "subsequently",
            "both",
            "each",
            "apparently",
            "instantly",
            "immediately",
            "initially",
            "since",
            "then",
            "now",
            "eventually",
            "shot",
            "not");
    /** Words before a death word that make it no report: "threatened to kill", "could die". */
    private static final Set<String> UNREAL = Set.of(
            "to",
            "could",
            "would",
            "might",
            "may",
            "will",
            "can",
            "threatened",
            "vowed",
            "risk",
            "feared",
            "fear",
            "if",
            "whether",
            "nearly",
            "almost");

    private static final Set<String> NP_WORDS = Set.of(
            "and",
            ",",
            "of",
            "'s",
            "the",
            "a",
            "an",
            "his",
            "her",
            "their",
            "its",
            "other",
            "others",
            "more",
            "another",
            "people",
            "least",
            "at",
            "than",
            "between",
            "up",
            "to",
            "as",
            "some",
            "about",
            "around",
            "nearly",
            "almost",
            "estimated",
            "over",
            "no",
            "one",
            "none",
            "nobody",
            "himself",
            "herself",
            "themselves",
            "he",
            "she",
            "or",
            "-",
            "few",
            "handful",
            "number",
            "couple",
            "dozen",
            "score",
            "fewer",
            "less",
            "upwards",
            "approximately",
            "roughly",
            "men",
            "women",
            "children");
    private static final Set<String> NOUN_TAGS =
            Set.of("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "DT", "PRP$", "POS", "HYPH", "PDT");
    private static final Set<String> STOP = Set.of(
            "in",
            "on",
            "at",
            "by",
            "for",
            "with",
            "from",
            "after",
            "during",
            "when",
            "who",
            "that",
            "which",
            "while",
            "near",
            "into",
            "across",
            "against",
            "including",
            "among",
            "said",
            "say",
            "says",
            "reported",
            "told",
            ";",
            ":",
            "(",
            ")",
            "\"",
            "'",
            "—",
            "–");

    private DeathsInSentence() {}

    /** Whether the sentence can report deaths at all (cheap: a scan of its lower-cased text). */
    static boolean mayReport(String lower) {
        for (String s : STEMS) if (lower.contains(s)) return true;
        return false;
    }

    /** The deaths the sentence reports (the largest figure it gives), or null when it reports none. */
    static Counted read(Sentence s) {
        String lower = s.text().toLowerCase(Locale.ROOT);
        if (!mayReport(lower)) return null;
        List<Token> tokens = s.tokens();
        int n = tokens.size();
        String[] w = new String[n];
        String[] tag = new String[n];
        for (int i = 0; i < n; i++) {
            w[i] = tokens.get(i).text().toLowerCase(Locale.ROOT);
            tag[i] = tokens.get(i).tag();
        }
        Counted best = null;
        boolean zero = false;
        int zeroAt = -1, zeroEnd = -1;
        for (int c = 0; c < n; c++) {
            String x = w[c];
            Phrase found = null;
            boolean noneOnly = false;
            if (x.equals("toll")) {
                found = toll(w, c);
            } else if (x.equals("lives") && c >= 2 && w[c - 2].equals("lost")) {
                found = subject(w, tag, c - 2, c); // "six people lost their lives"
            } else if (x.equals("lives") && c + 1 < n && w[c + 1].equals("of")) {
                found = object(w, tag, c + 1, c); // "claimed the lives of seven"
            } else if (ACTIVE.contains(x)) {
                if (unreal(w, c)) continue;
                boolean passive = passive(w, c);
                found = passive ? null : object(w, tag, c, c);
                if (found == null || found.q == null) {
                    Phrase before = subject(w, tag, c, c);
                    // the subject of an active verb is the killer ("a vigilante movement killed …"): only a
                    // passive, or a headline's bare number ("Six killed in Kabul blast"), names the dead there
                    if (passive || before != null && before.counted) found = prefer(found, before);
                }
            } else if (x.equals("killing") || x.equals("deaths") || x.equals("death")) {
                found = object(w, tag, c, c);
            } else if (SUBJECT.contains(x)) {
                if (unreal(w, c)) continue;
                // "police shot dead three protesters": active, the dead come after; "a man was shot dead": before
                boolean shotDead =
                        x.equals("dead") && c > 0 && w[c - 1].equals("shot") && !(c > 1 && AUX.contains(w[c - 2]));
                found = shotDead ? object(w, tag, c, c) : subject(w, tag, c, c);
                if ((found == null || found.q == null) && c + 1 < n && (w[c + 1].equals("of") || x.equals("dead")))
                    found = prefer(found, object(w, tag, c, c)); // "the bodies of 12", "shot dead three men"
            } else if (NONE_ONLY.contains(x)) {
                found = subject(w, tag, c, c);
                noneOnly = true;
                if (found != null && !found.none) found = null;
            } else if (x.equals("without") && c + 1 < n && (w[c + 1].equals("casualties") || w[c + 1].equals("loss"))) {
                found = new Phrase(null, true, c, c + 1);
            } else if ((x.equals("unharmed") || x.equals("unhurt")) && c > 0) {
                found = null;
            }
            if (found == null) continue;
            if (found.none) {
                zero = true;
                if (zeroAt < 0) {
                    zeroAt = Math.min(found.first, c);
                    zeroEnd = Math.max(found.last, c);
                }
                continue;
            }
            if (noneOnly || found.q == null) continue;
            Quantity q = found.q;
            int first = Math.min(found.first, c), last = Math.max(found.last, c);
            Counted counted = new Counted(
                    q.best(),
                    q.low(),
                    q.high(),
                    tokens.get(first).start(),
                    tokens.get(last).end());
            if (best == null || counted.best() > best.best()) best = counted;
        }
        if (best != null) return best;
        if (zero)
            return new Counted(
                    0, 0, 0, tokens.get(zeroAt).start(), tokens.get(zeroEnd).end());
        return null;
    }

    /** What a death word's phrase says: a quantity, or that nobody died; with the token span read. */
    private record Phrase(Quantity q, boolean none, int first, int last, boolean counted) {
        Phrase(Quantity q, boolean none, int first, int last) {
            this(q, none, first, last, false);
        }
    }

    private static Phrase prefer(Phrase a, Phrase b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.q != null || a.none ? a : b;
    }

    /** Words of a passive before its participle ("were killed", "was reportedly killed"); "have killed" is active. */
    private static final Set<String> PASSIVE = Set.of("was", "were", "been", "being", "be", "are", "is", "got", "get");

    private static boolean passive(String[] w, int c) {
        for (int k = c - 1; k >= 0 && k >= c - 3; k--) {
            if (PASSIVE.contains(w[k])) return true;
            if (!AUX.contains(w[k])) return false; // "reportedly", "also" may stand between
        }
        return false;
    }

    private static boolean unreal(String[] w, int c) {
        for (int k = Math.max(0, c - 2); k < c; k++) if (UNREAL.contains(w[k])) return true;
        return false;
    }

    /** "the death toll rose to 40", "a toll of 12": the first number within ten words after it. */
    private static Phrase toll(String[] w, int c) {
        boolean death =
                c > 0 && (w[c - 1].equals("death") || w[c - 1].equals("casualty") || w[c - 1].equals("civilian"));
        for (int k = c + 1; k < Math.min(w.length, c + 11); k++) {
            if (w[k].equals(".") || w[k].equals(";")) break;
            Quantity q = Quantities.at(w, k);
            if (q != null && (death || k <= c + 6)) return new Phrase(q, false, c - (death ? 1 : 0), q.last());
        }
        return null;
    }

    /** The noun phrase after the word at {@code c} (its object): "killing at least six people". */
    private static Phrase object(String[] w, String[] tag, int c, int cue) {
        int i = c + 1;
        if (i < w.length && w[i].equals("of")) i++;
        int end = i;
        while (end < w.length && nounPhraseWord(w, tag, end)) {
            // a comma goes on only into a list ("two soldiers, a civilian and a child"), not into "…, a doctors'
            // committee said"
            if (w[end].equals(",") && !listAhead(w, tag, end)) break;
            end++;
        }
        if (end == i) return null;
        return phrase(w, tag, i, end - 1, false);
    }

    /** The noun phrase before the word at {@code c} (its subject), skipping "were", "have been", "reportedly". */
    private static Phrase subject(String[] w, String[] tag, int c, int cue) {
        int j = c - 1;
        while (j >= 0 && AUX.contains(w[j])) j--;
        if (j >= 0 && w[j].equals("were") || j >= 0 && w[j].equals("there")) return null;
        int start = j;
        boolean and = false;
        while (start >= 0 && nounPhraseWord(w, tag, start)) {
            if (w[start].equals("and")) and = true;
            // walking back, a comma is inside the phrase only in a list that ends "… and X" ("In 2014, 5 people")
            if (w[start].equals(",") && !and) break;
            start--;
        }
        start++;
        if (start > j) return null;
        return phrase(w, tag, start, j, true);
    }

    /** Whether an "and" follows within five words of the comma at k, before the phrase ends. */
    private static boolean listAhead(String[] w, String[] tag, int k) {
        for (int m = k + 1; m < Math.min(w.length, k + 6); m++) {
            if (w[m].equals("and")) return true;
            if (w[m].equals(",") || !nounPhraseWord(w, tag, m)) return false;
        }
        return false;
    }

    private static boolean nounPhraseWord(String[] w, String[] tag, int k) {
        String x = w[k];
        if (x.equals("at")) return k + 1 < w.length && w[k + 1].equals("least"); // "at least", not "at the market"
        if (STOP.contains(x)) return false;
        if (NP_WORDS.contains(x) || Quantities.numberWord(x)) return true;
        String t = tag[k];
        if (t == null) return Character.isLetter(x.charAt(0)) && !x.endsWith("ing") && !x.endsWith("ed");
        // "suspected gang members", "armed men": a participle before a noun is an adjective
        if ((t.equals("VBN") || t.equals("VBG"))
                && k + 1 < w.length
                && tag[k + 1] != null
                && (tag[k + 1].startsWith("NN") || tag[k + 1].startsWith("JJ"))) return true;
        return NOUN_TAGS.contains(t);
    }

    /**
     * The figure in a noun phrase: the sum of the quantities joined in it ("two soldiers and a civilian": 3),
     * those after "of" left out ("two of the five guards": 2); no number but one person named ("a
     * policeman", "the driver", "he"): 1; a plural with no number ("civilians"): ACLED's "plural" rule, 10;
     * "no one", "nobody", "no casualties": none.
     */
    private static Phrase phrase(String[] w, String[] tag, int from, int to, boolean before) {
        for (int k = from; k <= to; k++) {
            if (w[k].equals("no") || w[k].equals("nobody") || w[k].equals("none")) return new Phrase(null, true, k, to);
        }
        Quantity sum = null;
        boolean numbered = false;
        int k = from;
        while (k <= to) {
            if (k > from
                    && w[k - 1].equals("of")
                    && !(k >= 2
                            && (w[k - 2].equals("dozens")
                                    || w[k - 2].equals("hundreds")
                                    || w[k - 2].equals("scores")
                                    || w[k - 2].equals("thousands")
                                    || w[k - 2].equals("tens")))) {
                // "two of the five guards": only the number before "of" counts
                if (sum != null) break;
            }
            // "a family of five": the number after "of" is the count
            if ((w[k].equals("a") || w[k].equals("an"))
                    && k + 3 <= to + 1
                    && k + 2 < w.length
                    && w[k + 2].equals("of")) {
                Quantity inner = Quantities.at(w, k + 3);
                if (inner != null) {
                    sum = sum == null ? inner : sum.plus(inner);
                    k = inner.last() + 1;
                    continue;
                }
            }
            // "ten personnel and the driver": one more
            if (sum != null
                    && k > from
                    && w[k - 1].equals("and")
                    && (w[k].equals("the") || w[k].equals("his") || w[k].equals("her"))
                    && k + 1 <= to
                    && tag[k + 1] != null
                    && (tag[k + 1].equals("NN") || tag[k + 1].equals("NNP"))) {
                sum = sum.plus(new Quantity(1, 1, 1, k, k + 1));
                k += 2;
                continue;
            }
            Quantity q = Quantities.at(w, k);
            if (q != null && q.last() <= to + 2) {
                numbered = true;
                sum = sum == null ? q : sum.plus(q);
                k = q.last() + 1;
                continue;
            }
            if ((w[k].equals("a")
                            || w[k].equals("an")
                            || w[k].equals("himself")
                            || w[k].equals("herself")
                            || w[k].equals("he")
                            || w[k].equals("she"))
                    && person(w, tag, k, to)) {
                Quantity one = new Quantity(1, 1, 1, k, k);
                sum = sum == null ? one : sum.plus(one);
                numbered |= sum.best() > 1; // "a soldier" alone is no number: see counted below
            }
            k++;
        }
        // counted: the phrase gives a number ("Six killed in Kabul blast"), not just a person ("named after a
        // commander killed in March", background before a participle); only a number may name the dead there
        if (sum != null) return new Phrase(sum, false, Math.min(from, sum.first()), Math.max(to, sum.last()), numbered);
        // no number: "the driver was killed" is one death; "civilians were killed" ACLED's plural
        String head = w[to];
        String t = tag[to];
        boolean singular = t != null ? t.equals("NN") || t.equals("NNP") : !head.endsWith("s");
        boolean plural = t != null ? t.equals("NNS") || t.equals("NNPS") : head.endsWith("s");
        boolean determined = false;
        for (int d = from; d <= to; d++)
            if (w[d].equals("the") || w[d].equals("his") || w[d].equals("her") || w[d].equals("a")) determined = true;
        if (singular && determined && !head.equals("people"))
            return new Phrase(new Quantity(1, 1, 1, from, to), false, from, to);
        if (plural && !head.equals("others")) return new Phrase(new Quantity(10, 2, null, from, to), false, from, to);
        return null;
    }

    /** Whether "a"/"an"/a pronoun at k names one person (not "a few", "a number of"). */
    private static boolean person(String[] w, String[] tag, int k, int to) {
        String x = w[k];
        if (!x.equals("a") && !x.equals("an")) return true;
        if (k + 1 > to + 1 || k + 1 >= w.length) return false;
        String y = w[k + 1];
        return !(y.equals("few")
                || y.equals("number")
                || y.equals("handful")
                || y.equals("dozen")
                || y.equals("score")
                || y.equals("couple")
                || y.equals("total"));
    }
}
