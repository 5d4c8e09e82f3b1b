package org.sitrep.analysis.fatalities;

import java.util.ArrayList;
import java.util.List;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Fatalities;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.TokenisedText;

/**
 * The engine's fatalities stage: the deaths each sentence reports ({@link DeathsInSentence}) given to the
 * event they belong to, each death counted once.
 *
 * <p>A figure belongs to the event told in its sentence (the first violent one when there are several);
 * a sentence with no event of its own ("At least nine combatants died.") belongs to the event told in one
 * of the two sentences before it, else, when it is a paragraph of its own (a headline,
 * "Six killed in Kabul blast"), to the event of the next sentence. An event told in several sentences keeps the largest figure, not the
 * sum: a story retells its deaths ("killed five people … the five victims were …") and a toll that rises
 * ("a death toll that rose to 40") replaces the first one. A report of no deaths counts only when no
 * sentence of the event gives a figure.
 */
public final class ReportedDeaths implements FatalityReader {
    private static final int SENTENCES_BACK = 2;

    @Override
    public List<Event> read(TokenisedText text, List<Event> events) {
        if (events.isEmpty()) return events;
        List<Sentence> sentences = text.sentences();
        int[] eventSentence = new int[events.size()];
        for (int e = 0; e < events.size(); e++) eventSentence[e] = sentenceOf(sentences, events.get(e));
        Counted[] best = new Counted[events.size()];
        for (Sentence s : sentences) {
            Counted counted = DeathsInSentence.read(s);
            if (counted == null) continue;
            int owner = owner(events, eventSentence, sentences, s.index(), text.text());
            if (owner < 0) continue;
            Counted had = best[owner];
            if (had == null || had.none() && !counted.none() || counted.best() > had.best()) best[owner] = counted;
        }
        List<Event> out = new ArrayList<>(events.size());
        String all = text.text();
        for (int e = 0; e < events.size(); e++) {
            Counted c = best[e];
            out.add(
                    c == null
                            ? events.get(e)
                            : events.get(e)
                                    .withFatalities(new Fatalities(
                                            c.best(),
                                            c.low(),
                                            c.high(),
                                            all.substring(c.start(), c.end()),
                                            c.start(),
                                            c.end())));
        }
        return out;
    }

    /**
     * The event a figure in sentence {@code s} belongs to, or -1. Looking back may cross a paragraph (wire copy gives
     * the risen toll a paragraph of its own); looking ahead is only for a headline or caption, a paragraph of its own.
     */
    private static int owner(List<Event> events, int[] eventSentence, List<Sentence> sentences, int s, String text) {
        int here = -1;
        for (int e = 0; e < events.size(); e++) {
            if (eventSentence[e] != s) continue;
            if (here < 0) here = e;
            if (violent(events.get(e))) return e;
        }
        if (here >= 0) return here;
        for (int back = 1; back <= SENTENCES_BACK && s - back >= 0; back++) {
            int found = firstIn(events, eventSentence, s - back);
            if (found >= 0) return found;
        }
        boolean ownParagraph = (s == 0 || paragraphBreak(sentences, s - 1, s, text))
                && (s + 1 >= sentences.size() || paragraphBreak(sentences, s, s + 1, text));
        return ownParagraph ? firstIn(events, eventSentence, s + 1) : -1;
    }

    /** Whether a blank line (the cleaned text's paragraph break) lies between sentences a and b (a before b). */
    private static boolean paragraphBreak(List<Sentence> sentences, int a, int b, String text) {
        int from = sentences.get(a).end(), to = sentences.get(b).start();
        return from < to && text.substring(from, to).contains("\n\n");
    }

    private static int firstIn(List<Event> events, int[] eventSentence, int s) {
        int first = -1;
        for (int e = 0; e < events.size(); e++) {
            if (eventSentence[e] != s) continue;
            if (violent(events.get(e))) return e;
            if (first < 0) first = e;
        }
        return first;
    }

    /** Events that can kill: a figure in a sentence telling a killing and an arrest is the killing's. */
    private static boolean violent(Event e) {
        String t = e.type();
        return t != null && !t.equals("Strategic developments") && !t.equals("Protests")
                || "Excessive force against protesters".equals(e.subType());
    }

    private static int sentenceOf(List<Sentence> sentences, Event e) {
        if (e.evidence() == null) return -1;
        int at = e.evidence().start();
        int lo = 0, hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (at < s.start()) hi = mid - 1;
            else if (at >= s.end()) lo = mid + 1;
            else return s.index();
        }
        return -1;
    }
}
