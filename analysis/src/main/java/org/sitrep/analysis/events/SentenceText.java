package org.sitrep.analysis.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.Token;
import org.sitrep.analysis.text.TokenisedText;

/** A text's sentences and tokens, and the mentions of actors and places found in a stretch of tokens. */
final class SentenceText {
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*");
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'\u2019.][\\p{L}\\p{N}]+)*|\\S");
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");

    private SentenceText() {}

    /** "LIVE: strikes continue", "Smoke rises over Rafah. (Photo: agency)": a headline or a caption, not a report. */
    static boolean caption(Sentence s, List<Tok> toks) {
        String last = toks.get(toks.size() - 1).text();
        boolean punctuated =
                last.equals(".") || last.equals("!") || last.equals("?") || last.equals("\"") || last.equals(")");
        for (Tok t : toks) {
            String w = t.lower();
            if (w.equals("photo")
                    || w.equals("photograph")
                    || w.equals("live") && t.text().equals("LIVE")) return true;
        }
        return !punctuated;
    }

    static String firstVerb(String text, List<Tok> toks) {
        for (Tok t : toks) if (t.tag() != null && t.tag().startsWith("VB")) return text.substring(t.start(), t.end());
        return toks.get(0).text();
    }

    // ---- tokens, actors and places per sentence ---------------------------------------------------

    /**
     * The document's sentences; a bare text the cleaner never split (a stage used on its own, as the PLOVER
     * evaluation does) is split here at sentence punctuation.
     */
    static List<Sentence> sentences(TokenisedText document) {
        if (!document.sentences().isEmpty()) return document.sentences();
        List<Sentence> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(document.text());
        while (m.find()) {
            if (m.group().isBlank()) continue;
            out.add(new Sentence(out.size(), m.start(), m.end(), m.group(), null));
        }
        return out;
    }

    static List<Tok> tokens(String text, Sentence s) {
        List<Tok> out = new ArrayList<>();
        if (s.tokens() != null && !s.tokens().isEmpty()) {
            for (Token t : s.tokens()) {
                String lower = t.text().toLowerCase(Locale.ROOT);
                String lemma =
                        t.lemma() != null && !t.lemma().isBlank() && !t.lemma().equals("O") ? t.lemma() : null;
                String stem = TriggerLexicon.stem(lemma != null ? lemma : t.text());
                // a lemmatizer may map "fighting" to "fight" but our lexicon lists both; keep the form's stem for nouns
                if (lemma != null && t.tag() != null && t.tag().startsWith("NN")) stem = TriggerLexicon.stem(t.text());
                out.add(new Tok(t.start(), t.end(), t.text(), lower, stem, t.tag()));
            }
            return out;
        }
        int base = s.start();
        String st = text.substring(s.start(), Math.min(s.end(), text.length()));
        Matcher m = WORD.matcher(st);
        while (m.find()) {
            String w = m.group();
            if (w.length() > 1 && w.endsWith(".") && !INITIALS.matcher(w).matches()) w = w.substring(0, w.length() - 1);
            out.add(new Tok(
                    base + m.start(),
                    base + m.start() + w.length(),
                    w,
                    w.toLowerCase(Locale.ROOT),
                    TriggerLexicon.stem(w),
                    null));
        }
        return out;
    }

    static <T> List<Mentioned<T>> index(List<T> things, Function<T, List<Span>> mentions) {
        List<Mentioned<T>> out = new ArrayList<>();
        for (T t : things) {
            List<Span> ms = mentions.apply(t);
            if (ms == null) continue;
            for (Span m : ms) out.add(new Mentioned<>(m.start(), m.end(), t));
        }
        out.sort(Comparator.comparingInt((Mentioned<T> m) -> m.start()));
        return out;
    }

    /** The mentions starting in [first - slack, last), found by binary search. */
    static <T> List<Mentioned<T>> within(List<Mentioned<T>> sorted, int first, int last) {
        int lo = 0;
        int hi = sorted.size();
        int from = Math.max(0, first - 200); // a mention may start a little before the piece it overlaps
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).start() < from) lo = mid + 1;
            else hi = mid;
        }
        List<Mentioned<T>> out = new ArrayList<>();
        for (int k = lo; k < sorted.size() && sorted.get(k).start() < last; k++) out.add(sorted.get(k));
        return out;
    }

    static List<ActorSpan> actorSpans(List<Tok> toks, List<Mentioned<Actor>> actors) {
        List<ActorSpan> out = new ArrayList<>();
        int first = toks.get(0).start();
        int last = toks.get(toks.size() - 1).end();
        for (Mentioned<Actor> am : within(actors, first, last)) {
            Actor a = am.value();
            Span m = new Span(am.start(), am.end());
            {
                if (m.end() <= first || m.start() >= last) continue;
                int from = -1;
                int to = -1;
                for (int k = 0; k < toks.size(); k++) {
                    Tok t = toks.get(k);
                    if (from < 0 && t.end() > m.start()) from = k;
                    if (t.start() < m.end()) to = k + 1;
                }
                if (from >= 0 && to > from) out.add(new ActorSpan(from, to, a));
            }
        }
        out.sort(Comparator.comparingInt(ActorSpan::from));
        return out;
    }
}
