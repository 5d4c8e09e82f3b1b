package org.sitrep.analysis.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.text.Sentence;

/** Where and when an action happened: the place nearest its trigger, the dateline, the article's focus, the date in its sentence. */
final class PlaceAndDate {

    /** Words between a locative preposition and its place ("in the northern town of"). */
    private static final Pattern DATELINE_END = Pattern.compile("(?s)(,|\\s*\\(|\\s*[-\u2013\u2014]).*");

    private static final Pattern PLACE_WORD = Pattern.compile("\\p{Ll}+(ern|ly)|town|city|village|capital|province");

    private final TriggerLexicon lex;

    PlaceAndDate(TriggerLexicon lex) {
        this.lex = lex;
    }

    // ---- place and date ------------------------------------------------------------------------

    /**
     * Where an action happened when its sentence names no place: "the town" or "the city" is the
     * last town named before; otherwise the dateline's place, else the place the article is about.
     */
    Place fallbackPlace(List<Tok> toks, Sentence s, List<Mentioned<Place>> places, Place dateline, Place focus) {
        for (int k = 1; k < toks.size(); k++) {
            if (!toks.get(k - 1).lower().equals("the")
                    || !lex.inGroup("settlement", toks.get(k).stem())) continue;
            Place last = null;
            for (Mentioned<Place> m : places) {
                if (m.start() >= s.start()) break;
                Precision p = m.value().precision();
                if (p != Precision.COUNTRY && p != Precision.ADMIN1) last = m.value();
            }
            if (last != null) return last;
        }
        return dateline != null ? dateline : focus;
    }

    /** The town the article is most about: the most named place finer than a province, the first among equals. */
    static Place focus(List<Place> places) {
        Place best = null;
        for (Precision level : new Precision[] {Precision.ADMIN2, Precision.ADMIN1, Precision.COUNTRY}) {
            for (Place p : places) {
                if (p.precision() != null && p.precision().compareTo(level) > 0 || p.mentions() == null) continue;
                if (best == null
                        || p.mentions().size() > best.mentions().size()
                        || p.mentions().size() == best.mentions().size() && firstMention(p) < firstMention(best)) {
                    best = p;
                }
            }
            if (best != null) return best;
        }
        return null;
    }

    private static int firstMention(Place p) {
        int first = Integer.MAX_VALUE;
        for (Span m : p.mentions()) first = Math.min(first, m.start());
        return first;
    }

    Place place(List<PlaceSpan> spans, String[] stems, int i, int end, Place dateline) {
        PlaceSpan best = null;
        int bestScore = Integer.MAX_VALUE;
        for (PlaceSpan p : spans) {
            int distance = p.at() >= end ? p.at() - end : i - p.at();
            // "seized Sanaa", "stormed the town of Sinjar": the action's object is where it happened
            boolean object = p.at() >= end && p.at() - end <= 4 && placeWordsOnly(stems, end, p.at());
            int score = distance + (p.locative() || object ? 0 : 20) + (p.at() >= end ? 0 : 2) + vagueness(p.place());
            if (score < bestScore) {
                bestScore = score;
                best = p;
            }
        }
        return best != null ? best.place() : dateline;
    }

    /**
     * When a sentence has no date of its own: the day the lead reports ("on Tuesday" in the first
     * sentences), else the publication day. Its text is null, so readers see it was inferred.
     */
    static DateRange dominantDate(
            List<Sentence> sentences, List<Mentioned<TimeExpression>> dates, LocalDate published) {
        int leadEnd = sentences.isEmpty()
                ? 0
                : sentences.get(Math.min(2, sentences.size() - 1)).end();
        for (Mentioned<TimeExpression> m : dates) {
            if (m.start() >= leadEnd) break;
            DateRange r = m.value().range();
            if (r.earliest() == null || r.latest() == null) continue;
            boolean shortRange = !r.latest().isAfter(r.earliest().plusDays(7));
            boolean notAfter = published == null || !r.latest().isAfter(published);
            if (shortRange && notAfter) return new DateRange(r.earliest(), r.latest(), null);
        }
        return published == null ? null : new DateRange(published, published, null);
    }

    /** Only "the", "town", "of", "northern" … between an action and a place. */
    private boolean placeWordsOnly(String[] stems, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!lex.inGroup("determiner", stems[k])
                    && !PLACE_WORD.matcher(stems[k]).matches()) return false;
        }
        return true;
    }

    /** A town beats its province, a province its country, when both are near. */
    private static int vagueness(Place p) {
        if (p.precision() == null) return 0;
        return switch (p.precision()) {
            case COUNTRY -> 25;
            case ADMIN1 -> 6;
            case ADMIN2 -> 3;
            default -> 0;
        };
    }

    static DateRange date(List<Mentioned<TimeExpression>> dates, Sentence s, int triggerStart, DateRange fallback) {
        TimeExpression best = null;
        for (Mentioned<TimeExpression> m : SentenceText.within(dates, s.start(), s.end())) {
            TimeExpression t = m.value();
            if (t.span().start() < s.start() || t.span().end() > s.end()) continue;
            if (best == null
                    || Math.abs(t.span().start() - triggerStart)
                            < Math.abs(best.span().start() - triggerStart)) {
                best = t;
            }
        }
        if (best != null) return best.range();
        return fallback;
    }

    /** "BEIRUT (Reuters) -": a place at the start of a line followed by an agency or a dash. */
    static Place dateline(String text, List<Place> places) {
        Place best = null;
        int bestStart = Integer.MAX_VALUE;
        for (Place p : places) {
            if (p.mentions() == null) continue;
            for (Span m : p.mentions()) {
                boolean lineStart = m.start() == 0 || text.charAt(m.start() - 1) == '\n';
                String after = text.substring(m.end(), Math.min(text.length(), m.end() + 4));
                if (lineStart && DATELINE_END.matcher(after).matches() && m.start() < bestStart) {
                    best = p;
                    bestStart = m.start();
                }
            }
        }
        return best;
    }

    static EventPlace eventPlace(Place p) {
        if (p == null) return null;
        return new EventPlace(p.name(), p.lat(), p.lon(), p.precision(), p.country(), p.admin1(), p.gazetteerId());
    }

    List<PlaceSpan> placeSpans(List<Tok> toks, List<Mentioned<Place>> places) {
        List<PlaceSpan> out = new ArrayList<>();
        int first = toks.get(0).start();
        int last = toks.get(toks.size() - 1).end();
        Map<Integer, Boolean> seen = new HashMap<>();
        for (Mentioned<Place> pm : SentenceText.within(places, first, last)) {
            Place p = pm.value();
            Span m = new Span(pm.start(), pm.end());
            {
                if (m.start() < first || m.start() >= last) continue;
                int at = 0;
                while (at < toks.size() && toks.get(at).end() <= m.start()) at++;
                if (seen.putIfAbsent(at, true) != null) continue;
                boolean locative = false;
                for (int k = at - 1; k >= 0 && k >= at - 4; k--) {
                    String st = toks.get(k).stem();
                    if (lex.inGroup("locative", st)) {
                        locative = true;
                        break;
                    }
                    if (!lex.inGroup("determiner", st)
                            && !Character.isUpperCase(toks.get(k).text().charAt(0))
                            && !PLACE_WORD.matcher(toks.get(k).lower()).matches()) break;
                }
                int to = at + 1;
                while (to < toks.size() && toks.get(to).start() < m.end()) to++;
                out.add(new PlaceSpan(at, to, p, locative));
            }
        }
        return out;
    }
}
