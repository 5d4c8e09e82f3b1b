package org.sitrep.analysis.fatalities;

import java.util.Map;
import java.util.Set;

/**
 * Reads a number of people at a token: "six", "12", "1,200", "at least 40", "between 10 and 15",
 * "dozens", "several", "a soldier". Vague words follow ACLED's convention (the lowest credible figure:
 * "tens" 10, "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000; "several", "many", "a number
 * of" 10; "a few", "a handful" 3, which ACLED leaves unnamed); see docs/analysis/README.md#fatalities.
 * Words are the sentence's tokens, lower-cased.
 */
final class Quantities {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("both", 2),
            Map.entry("dozen", 12));
    /** Vague plurals and the figure ACLED codes for them (the lowest the words allow). */
    private static final Map<String, Integer> VAGUE = Map.of(
            "tens",
            10,
            "dozens",
            12,
            "scores",
            20,
            "hundreds",
            100,
            "thousands",
            1000,
            "several",
            10,
            "many",
            10,
            "numerous",
            10,
            "multiple",
            10);

    private static final Set<String> MONTHS = Set.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec");
    private static final Set<String> AT_LEAST_ONE_WORD = Set.of("over", "upwards");
    private static final Set<String> ABOUT = Set.of(
            "about", "around", "some", "nearly", "almost", "approximately", "roughly", "estimated", "approx.", "circa");

    private Quantities() {}

    /** The quantity starting at token i (its modifiers included), or null. */
    static Quantity at(String[] w, int i) {
        int n = w.length;
        if (i >= n) return null;
        String x = w[i];
        // "at least", "no fewer than", "more than", "over": the figure is a floor
        if (x.equals("at") && i + 2 < n && (w[i + 1].equals("least"))) return open(w, i, i + 2);
        if ((x.equals("more") || x.equals("upwards"))
                && i + 2 < n
                && (w[i + 1].equals("than") || w[i + 1].equals("of"))) return open(w, i, i + 2);
        if (x.equals("no")
                && i + 3 < n
                && (w[i + 1].equals("fewer") || w[i + 1].equals("less"))
                && w[i + 2].equals("than")) return open(w, i, i + 3);
        if (AT_LEAST_ONE_WORD.contains(x)) return open(w, i, i + 1);
        // "up to", "as many as": the figure is a ceiling, and the only figure given
        if (x.equals("up") && i + 1 < n && w[i + 1].equals("to")) return ceiling(w, i, i + 2);
        if (x.equals("as") && i + 2 < n && w[i + 1].equals("many") && w[i + 2].equals("as"))
            return ceiling(w, i, i + 3);
        if (x.equals("an") && i + 1 < n && w[i + 1].equals("estimated")) return shifted(w, i, i + 2);
        if (ABOUT.contains(x)) return shifted(w, i, i + 1);
        if (x.equals("between") && i + 1 < n) {
            Quantity a = bare(w, i + 1);
            if (a != null && a.last() + 2 < n && w[a.last() + 1].equals("and")) {
                Quantity b = bare(w, a.last() + 2);
                if (b != null && b.best() >= a.best()) return new Quantity(a.best(), a.best(), b.best(), i, b.last());
            }
            return null;
        }
        if ((x.equals("a") || x.equals("an")) && i + 1 < n) {
            String y = w[i + 1];
            if (y.equals("few") || y.equals("handful"))
                return new Quantity(
                        3, 2, null, i, i + (y.equals("handful") && i + 2 < n && w[i + 2].equals("of") ? 2 : 1));
            if (y.equals("number") && i + 2 < n && w[i + 2].equals("of")) return new Quantity(10, 2, null, i, i + 2);
            if (y.equals("dozen")) return new Quantity(12, 12, 12, i, i + 1);
            if (y.equals("score") && i + 2 < n && w[i + 2].equals("of")) return new Quantity(20, 20, 20, i, i + 2);
            if (y.equals("couple")) return new Quantity(2, 2, 2, i, i + (i + 2 < n && w[i + 2].equals("of") ? 2 : 1));
            return null; // "a soldier": a single victim is read by the noun phrase, not here
        }
        Quantity q = bare(w, i);
        if (q == null) return null;
        // "12 to 15", "12 or 13": a range, counted at its low end
        int j = q.last();
        if (j + 2 < n && (w[j + 1].equals("to") || w[j + 1].equals("or"))) {
            Quantity b = bare(w, j + 2);
            if (b != null && b.best() > q.best()) return new Quantity(q.best(), q.best(), b.best(), i, b.last());
        }
        if (j + 2 < n && w[j + 1].equals("or") && w[j + 2].equals("more"))
            return new Quantity(q.best(), q.best(), null, i, j + 2);
        return q;
    }

    private static Quantity open(String[] w, int from, int numberAt) {
        Quantity q = bare(w, numberAt);
        return q == null ? null : new Quantity(q.best(), q.low(), null, from, q.last());
    }

    private static Quantity ceiling(String[] w, int from, int numberAt) {
        Quantity q = bare(w, numberAt);
        return q == null ? null : new Quantity(q.best(), Math.min(1, q.best()), q.best(), from, q.last());
    }

    private static Quantity shifted(String[] w, int from, int numberAt) {
        Quantity q = bare(w, numberAt);
        return q == null ? null : new Quantity(q.best(), q.low(), q.high(), from, q.last());
    }

    /** A number without modifiers: digits, number words ("twenty-five", "two dozen"), a vague plural. */
    static Quantity bare(String[] w, int i) {
        if (i < 0 || i >= w.length) return null;
        String x = w[i];
        Integer vague = VAGUE.get(x);
        if (vague != null) {
            int last = i + 1 < w.length && w[i + 1].equals("of") ? i + 1 : i;
            return new Quantity(
                    vague,
                    x.equals("several") || x.equals("many") || x.equals("numerous") || x.equals("multiple") ? 2 : vague,
                    null,
                    i,
                    last);
        }
        if ((x.equals("a") || x.equals("an"))
                && i + 1 < w.length
                && (w[i + 1].equals("hundred") || w[i + 1].equals("thousand"))) {
            int v = w[i + 1].equals("hundred") ? 100 : 1000;
            return new Quantity(v, v, v, i, i + 1); // "more than a hundred"
        }
        int value = number(x);
        if (value < 0) return null;
        // a day of the month ("March 5") or a year ("in 2014") is no count of people
        if (i > 0 && MONTHS.contains(w[i - 1])) return null;
        if (x.length() == 4 && value >= 1900 && value <= 2100) return null;
        int last = i;
        if (i + 1 < w.length) {
            String y = w[i + 1];
            if (y.equals("hundred") || y.equals("thousand")) {
                value *= y.equals("hundred") ? 100 : 1000;
                last = i + 1;
            } else if (y.equals("dozen")) {
                value *= 12;
                last = i + 1;
            }
        }
        return new Quantity(value, value, value, i, last);
    }

    /** 12, 1,200, "six", "twenty-five"; -1 when the word is no number. */
    static int number(String x) {
        if (x.isEmpty()) return -1;
        char c = x.charAt(0);
        if (c >= '0' && c <= '9') {
            int v = 0;
            for (int k = 0; k < x.length(); k++) {
                char d = x.charAt(k);
                if (d == ',') continue;
                if (d < '0' || d > '9' || v > 10_000_000) return -1;
                v = v * 10 + (d - '0');
            }
            return v;
        }
        Integer u = UNITS.get(x);
        if (u != null) return x.equals("dozen") ? -1 : u;
        int dash = x.indexOf('-');
        if (dash > 0) {
            Integer tens = UNITS.get(x.substring(0, dash));
            Integer ones = UNITS.get(x.substring(dash + 1));
            if (tens != null && ones != null && tens >= 20 && tens % 10 == 0 && ones < 10) return tens + ones;
        }
        return -1;
    }

    /** Whether the word starts a quantity (a number word, digits or a vague plural). */
    static boolean numberWord(String x) {
        return number(x) >= 0 || VAGUE.containsKey(x);
    }
}
