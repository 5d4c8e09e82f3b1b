package org.sitrep.analysis.places;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.Precision;

/**
 * What the whole article says about which of two same-named places it means, as evidence the
 * ranking weighs against importance (a tie-breaker, never a rule):
 *
 * <ul>
 *   <li><b>the divisions it names</b>: a town in a state or province the text names itself
 *       ("Missouri", "Mo.", "Alberta") ranks above its namesakes elsewhere. Only divisions named as
 *       such count, never one inferred from the towns (a focus inferred from towns pulled large
 *       cities to small namesakes and was taken out), and the evidence is worth less than the gap
 *       between a city and a village, so Boston stays Boston in a text that names Georgia;</li>
 *   <li><b>one place per name</b>: a name the text once pins down with a container or a cue
 *       ("Churchill, Man.", "Paris, Texas") means that place wherever it stands alone in the same
 *       text ("a Churchill doctor").</li>
 * </ul>
 */
final class DocumentContext {
    /** Weight of a division the text names against importance (log10 population is 1 per tenfold). */
    static final double NAMED_DIVISION_WEIGHT = 1.5;

    private final Gazetteer gazetteer;
    /** Divisions the text names, each with the names (keys) it was named by. */
    private final Map<String, Set<String>> namedDivisions = new HashMap<>();

    private DocumentContext(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The divisions named by the document's mentions as resolved so far (a first pass). */
    static DocumentContext of(Gazetteer gazetteer, List<PlaceMention> mentions) {
        DocumentContext c = new DocumentContext(gazetteer);
        for (PlaceMention m : mentions) {
            if (m.resolved < 0) continue;
            GazetteerEntry e = gazetteer.entry(m.resolved);
            if ("ADM1".equals(e.featureCode()) && !e.admin1().isEmpty())
                c.namedDivisions
                        .computeIfAbsent(division(e), k -> new HashSet<>())
                        .add(m.key);
        }
        return c;
    }

    private static String division(GazetteerEntry e) {
        return e.country() + '|' + e.admin1();
    }

    /**
     * Bonus of a candidate inside a division the text names under another name than the mention's
     * own ("Louisville" does not vote for itself), when the evidence can only break a tie: the
     * name's candidates lie in several divisions, none of them is a country ("China" is no town of
     * Maine), and the candidate is at least a tenth as populous as its most populous namesake (a
     * named Mississippi leaves Louisville in Kentucky).
     */
    double namedDivision(GazetteerEntry candidate, PlaceMention m) {
        if (namedDivisions.isEmpty() || candidate.admin1().isEmpty()) return 0;
        Precision p = candidate.precision();
        if (p == Precision.COUNTRY || p == Precision.ADMIN1) return 0;
        Set<String> by = namedDivisions.get(division(candidate));
        if (by == null || by.size() == 1 && by.contains(m.key)) return 0;
        return spansDivisions(m) && closeInImportance(candidate, m) ? NAMED_DIVISION_WEIGHT : 0;
    }

    private boolean closeInImportance(GazetteerEntry candidate, PlaceMention m) {
        long most = 0;
        for (int c : m.candidates) {
            GazetteerEntry e = gazetteer.entry(c);
            if (e.precision() == Precision.COUNTRY) return false;
            if (e.precision() != Precision.ADMIN1) most = Math.max(most, e.population());
        }
        return candidate.population() * 10 >= most;
    }

    private boolean spansDivisions(PlaceMention m) {
        String first = null;
        for (int c : m.candidates) {
            String d = division(gazetteer.entry(c));
            if (first == null) first = d;
            else if (!first.equals(d)) return true;
        }
        return false;
    }

    /**
     * One place per name: a mention with no cue of its own takes the place a cued mention of the
     * same name resolved to. Call after ranking.
     */
    void onePlacePerName(List<PlaceMention> mentions) {
        Map<String, PlaceMention> pinned = new HashMap<>();
        for (PlaceMention m : mentions) {
            if (m.resolved < 0) continue;
            int at = indexOf(m.candidates, m.resolved);
            if (at >= 0 && m.contained && m.bonus[at] > 0 && townsOnly(m)) pinned.putIfAbsent(m.key, m);
        }
        if (pinned.isEmpty()) return;
        for (PlaceMention m : mentions) {
            PlaceMention p = pinned.get(m.key);
            if (p == null || p == m || !plain(m)) continue;
            if (indexOf(m.candidates, p.resolved) < 0) continue;
            m.resolved = p.resolved;
            m.confidence = p.confidence;
        }
    }

    /**
     * Only names of towns and districts are pinned: a list of countries ("China, the U.S.") reads
     * like a town and its container, and must not turn every "China" of the text into a town.
     */
    private boolean townsOnly(PlaceMention m) {
        for (int c : m.candidates) {
            Precision p = gazetteer.entry(c).precision();
            if (p == Precision.COUNTRY || p == Precision.ADMIN1) return false;
        }
        return true;
    }

    static boolean plain(PlaceMention m) {
        for (double b : m.bonus) if (b != 0) return false;
        return true;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }
}
