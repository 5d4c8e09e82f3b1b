package org.sitrep.analysis.places;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.text.Word;

/**
 * "the Zebdiyeh district of Aleppo": a district, suburb or camp named as part of a city. A name the
 * gazetteer lacks stands for its city (at city precision); a known name resolved far from that city
 * is moved to its namesake near it.
 */
final class NeighbourhoodFallback {
    private final Gazetteer gazetteer;
    private final PlaceWords lists;

    NeighbourhoodFallback(Gazetteer gazetteer, PlaceWords lists) {
        this.gazetteer = gazetteer;
        this.lists = lists;
    }

    private static final Pattern DISTRICT_OF = Pattern.compile(
            "(?i)\\b(districts?|neighbou?rhoods?|suburbs?|quarters?|areas?|camps?|towns?|villages?|outskirts)\\s+(of|in|outside|near)\\s+"
                    + "(the\\s+)?((northern|southern|eastern|western|central|rebel-held|government-held|opposition-held)\\s+)?$");
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "((?:(?:al|el|ad|ar|as|ash|az|an|at)-)?\\p{Lu}[\\p{L}'’ʿ]+(?:[ -](?:(?:al|el|ad|ar|as|ash|az|an|at)-)?\\p{Lu}[\\p{L}'’ʿ]+){0,3})\\s+$");

    /** "the Zebdiyeh district of Aleppo": an unknown neighbourhood stands for its city, at city precision. */
    void apply(String text, List<Word> tokens, List<PlaceMention> mentions) {
        List<PlaceMention> added = new ArrayList<>();
        for (int k = 0; k < mentions.size(); k++) {
            PlaceMention m = mentions.get(k);
            if (m.resolved < 0) continue;
            GazetteerEntry city = gazetteer.entry(m.resolved);
            if (city.precision() != Precision.CITY && city.precision() != Precision.ADMIN2) continue;
            int start = tokens.get(m.from).start();
            String head = text.substring(Math.max(0, start - 120), start);
            if (!head.endsWith(" ")
                    || head.indexOf(" of ", Math.max(0, head.length() - 50)) < 0
                            && head.indexOf(" in ", Math.max(0, head.length() - 50)) < 0
                            && head.indexOf(" near ", Math.max(0, head.length() - 50)) < 0
                            && head.indexOf(" outside ", Math.max(0, head.length() - 50)) < 0)
                continue; // cheap test first
            Matcher d = DISTRICT_OF.matcher(head);
            if (!d.find()) continue;
            String beforeCue = head.substring(0, d.start());
            Matcher n = NAME_BEFORE.matcher(beforeCue);
            if (!n.find()) continue;
            int nameStart = start - head.length() + n.start(1);
            int nameEnd = start - head.length() + n.end(1);
            boolean known = false;
            // Only the few mentions just before this one can overlap the name.
            for (int q = k - 1; q >= 0 && tokens.get(mentions.get(q).to - 1).end() > nameStart - 1; q--) {
                PlaceMention o = mentions.get(q);
                if (tokens.get(o.from).start() < nameEnd
                        && nameStart < tokens.get(o.to - 1).end()) {
                    known = true;
                    // A known name that is far from the city it is said to be in was the wrong candidate.
                    if (o.resolved >= 0 && Geoparser.km(gazetteer.entry(o.resolved), city) > 40) {
                        int near = nearest(o, city);
                        if (near >= 0) o.resolved = near;
                        else {
                            o.resolved = m.resolved;
                            o.fallbackPrecision = Precision.CITY;
                        }
                    }
                }
            }
            if (known) continue;
            int from = tokenAt(tokens, nameStart), to = tokenAt(tokens, nameEnd - 1) + 1;
            if (from < 0 || to <= from) continue;
            String first = tokens.get(from).word();
            if (lists.notPlaces.contains(first) || PlaceWords.TITLES.contains(first)) continue;
            PlaceMention x =
                    new PlaceMention(from, to, text.substring(nameStart, nameEnd), new int[] {m.resolved}, false);
            x.resolved = m.resolved;
            x.confidence = 0.6;
            x.fallbackPrecision = Precision.CITY;
            added.add(x);
        }
        mentions.addAll(added);
        mentions.sort((a, b) -> Integer.compare(a.from, b.from));
    }

    private int nearest(PlaceMention o, GazetteerEntry city) {
        int best = -1;
        double bestKm = 40;
        for (int c : o.candidates) {
            double d = Geoparser.km(gazetteer.entry(c), city);
            if (d < bestKm) {
                bestKm = d;
                best = c;
            }
        }
        return best;
    }

    /** The token covering {@code offset}, by binary search; -1 if none. */
    private static int tokenAt(List<Word> tokens, int offset) {
        int lo = 0, hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Word t = tokens.get(mid);
            if (offset < t.start()) hi = mid - 1;
            else if (offset >= Math.max(t.end(), t.start() + 1)) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
