package org.sitrep.analysis.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.events.TriggerLexicon.Trigger;

/**
 * Who did it and to whom, for one trigger, from shallow syntax: the subject of an active verb, the "by" phrase of a
 * passive, the modifier of a nominalisation, the object, "clashes between X and Y".
 */
final class RoleLabeller {
    private static final java.util.Set<String> RELATIVE = java.util.Set.of("who", "which", "that");

    private final TriggerLexicon lex;
    private final WordClasses words;

    RoleLabeller(TriggerLexicon lex, WordClasses words) {
        this.lex = lex;
        this.words = words;
    }

    /** [agent, target] for the trigger at tokens [i, end). */
    ActorSpan[] roles(List<Tok> toks, String[] stems, int i, int end, List<ActorSpan> spans) {
        for (ActorSpan a : spans) {
            if (a.from() <= i && end <= a.to()) { // "Israeli strikes", "suicide bombers": the actor is the action
                return new ActorSpan[] {a, objectAfter(toks, stems, a.to(), spans, null)};
            }
        }
        ActorSpan[] between = between(toks, stems, end, spans);
        if (between != null) return between;
        ActorSpan by = byPhrase(toks, stems, end, spans);
        if (words.isPassive(toks, stems, i)) {
            return new ActorSpan[] {by, subjectBefore(toks, stems, i, spans)};
        }
        if (words.isNoun(toks, stems, i)) {
            ActorSpan modifier = modifierBefore(toks, stems, i, spans);
            ActorSpan agent = modifier != null ? modifier : by != null ? by : lightVerbSubject(toks, stems, i, spans);
            if (agent == null && protestWord(stems, i)) agent = subjectBefore(toks, stems, i, spans);
            ActorSpan target = objectAfter(toks, stems, end, spans, agent);
            if (target == null && (modifier != null || by != null)) {
                ActorSpan subject = subjectBefore(toks, stems, modifier != null ? modifier.from() : i, spans);
                if (subject != null && subject != agent && !same(subject, agent)) target = subject;
            }
            return new ActorSpan[] {agent, target};
        }
        // "barrel bombs hit a market": the weapon is the subject, the agent is not named
        ActorSpan subject = triggerEndsAt(stems, i) ? null : subjectBefore(toks, stems, i, spans);
        ActorSpan agent = by != null && subject == null ? by : subject;
        ActorSpan target = objectAfter(toks, stems, end, spans, agent);
        // "IS fighters and government troops have been fighting": the second is the other side
        if (target == null) target = partner(stems, agent, spans);
        return new ActorSpan[] {agent, target};
    }

    /**
     * "Rebels launched an offensive": the subject of a light verb before a noun trigger is its agent.
     * The subject of any other verb ("residents said the strikes…") is not.
     */
    private ActorSpan lightVerbSubject(List<Tok> toks, String[] stems, int i, List<ActorSpan> spans) {
        int k = i - 1;
        while (k >= 0 && k >= i - 8 && !governingVerb(toks, stems, k)) {
            // "fired about 100 rockets", "fired a barrage of rockets"
            boolean quantity = lex.inGroup("quantity", stems[k])
                    || WordClasses.NUMBER.matcher(stems[k]).matches();
            if (!quantity && !words.onlyModifiers(stems, k, k + 1) && !lex.inGroup("particle", stems[k])) return null;
            k--;
        }
        if (k < 0 || k < i - 8) return null;
        return subjectBefore(toks, stems, k, spans);
    }

    /** A verb taking the action as its object: a light verb ("launched") or another past-tense verb ("lifted"). */
    private boolean governingVerb(List<Tok> toks, String[] stems, int k) {
        if (lex.inGroup("reporting", stems[k])) return false;
        if (lex.inGroup("light", stems[k])) return true;
        String tag = toks.get(k).tag();
        if (tag != null && !tag.isEmpty()) return tag.startsWith("VB") && !tag.equals("VBN") && !tag.equals("VBG");
        String w = toks.get(k).lower();
        return w.endsWith("ed") && w.length() > 4 && !lex.inGroup("be", stems[k]);
    }

    private boolean triggerEndsAt(String[] stems, int i) {
        for (int j = Math.max(0, i - 3); j < i; j++) {
            for (Trigger t : lex.triggersAt(stems, j)) if (j + lex.length(t.stems(), stems, j) == i) return true;
        }
        return false;
    }

    /** "they seized Tikrit": a pronoun right before the verb (auxiliaries and adverbs aside). */
    boolean pronounSubject(List<Tok> toks, String[] stems, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (lex.inGroup("pronoun", stems[k]) && !toks.get(k).text().equals("IT")) return true;
            if (!lex.inGroup("be", stems[k])
                    && !WordClasses.ADVERB.matcher(toks.get(k).lower()).matches()) return false;
        }
        return false;
    }

    /** "… but were repelled", "… and was captured": a verb (with its auxiliaries) right after "but" or "and". */
    boolean joinedVerb(List<Tok> toks, String[] stems, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            String w = toks.get(k).lower();
            if (w.equals("but") || w.equals("and") || w.equals("yet")) return true;
            if (!lex.inGroup("be", stems[k]) && !WordClasses.ADVERB.matcher(w).matches()) return false;
        }
        return false;
    }

    /** "its drones struck", "their fighters stormed": a possessive and one noun right before the verb. */
    boolean possessiveSubject(List<Tok> toks, String[] stems, int i) {
        if (i < 2 || words.isNoun(toks, stems, i)) return false;
        String p = toks.get(i - 2).lower();
        return (p.equals("its") || p.equals("their")) && words.isNoun(toks, stems, i - 1);
    }

    /** "said they", "says it had": the pronoun reports what the speaker did. */
    boolean reportedSpeech(String[] stems, int pronoun) {
        int k = pronoun - 1;
        if (k >= 0 && stems[k].equals("that")) k--;
        return k >= 0 && lex.inGroup("reporting", stems[k]);
    }

    int pronounAt(List<Tok> toks, String[] stems, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) if (lex.inGroup("pronoun", stems[k])) return k;
        return i;
    }

    /** Who holds a rally or a strike is nearly always the subject of the sentence. */
    private boolean protestWord(String[] stems, int i) {
        for (Trigger t : lex.triggersAt(stems, i)) if (t.has("protest") || t.has("riot")) return true;
        return false;
    }

    static boolean same(ActorSpan a, ActorSpan b) {
        return a != null && b != null && a.actor().canonical().equals(b.actor().canonical());
    }

    ActorSpan fromPhrase(List<Tok> toks, int end, List<ActorSpan> spans) {
        for (int k = end; k < toks.size() && k < end + 10; k++) {
            String w = toks.get(k).lower();
            if (w.equals(",") || w.equals(";") || w.equals(".")) return null;
            if (w.equals("from")) return firstSpanFrom(spans, k + 1, k + 4);
        }
        return null;
    }

    /** "clashes between X and Y". */
    private ActorSpan[] between(List<Tok> toks, String[] stems, int end, List<ActorSpan> spans) {
        int k = end;
        while (k < toks.size() && k < end + 4 && !toks.get(k).lower().equals("between")) k++;
        if (k >= toks.size() || !toks.get(k).lower().equals("between")) return null;
        ActorSpan first = firstSpanFrom(spans, k + 1, k + 5);
        if (first == null) return null;
        int and = first.to();
        while (and < toks.size()
                && and < first.to() + 3
                && !toks.get(and).lower().equals("and")) and++;
        ActorSpan second = and < toks.size() ? firstSpanFrom(spans, and + 1, and + 5) : null;
        return new ActorSpan[] {first, second};
    }

    private ActorSpan byPhrase(List<Tok> toks, String[] stems, int end, List<ActorSpan> spans) {
        for (int k = end; k < toks.size() && k < end + 10; k++) {
            if (lex.inGroup("boundary", stems[k]) || toks.get(k).lower().equals(",")) return null;
            if (toks.get(k).lower().equals("by")) {
                ActorSpan a = firstSpanFrom(spans, k + 1, k + 6);
                if (a != null && words.onlyModifiers(stems, k + 1, a.from())) return a;
            }
        }
        return null;
    }

    /** The nearest actor before the trigger that is not the object of a preposition ("in Syria"). */
    ActorSpan subjectBefore(List<Tok> toks, String[] stems, int i, List<ActorSpan> spans) {
        ActorSpan best = null;
        int clauseStart = 0;
        for (int k = i - 1; k >= 0; k--) {
            if (stems[k].equals(")")) { // "al-Qaeda in the Arabian Peninsula (AQAP) overran it": an aside, not a clause
                int open = k - 1;
                while (open >= 0 && open >= k - 8 && !stems[open].equals("(")) open--;
                if (open >= 0 && open >= k - 8) {
                    k = open;
                    continue;
                }
            }
            if (stems[k].equals(";") || stems[k].equals(":") || lex.inGroup("boundary", stems[k])) {
                clauseStart = k + 1;
                break;
            }
        }
        for (ActorSpan a : spans) {
            if (a.to() > i || a.from() < clauseStart) continue;
            int before = a.from() - 1;
            while (before >= clauseStart && lex.inGroup("determiner", stems[before]) && !stems[before].equals("of")) {
                before--;
            }
            if (before >= clauseStart && lex.inGroup("oblique", stems[before])) continue;
            if (best == null || a.to() > best.to()) best = a;
        }
        if (best == null
                && clauseStart > 0
                && RELATIVE.contains(toks.get(clauseStart - 1).lower())) {
            // "the Houthis, who seized Sanaa": the antecedent of the relative pronoun
            int k = clauseStart - 2;
            if (k >= 0 && toks.get(k).lower().equals(",")) k--;
            for (ActorSpan a : spans) if (a.to() == k + 1) best = a;
        }
        ActorSpan first = coordinated(stems, best, spans);
        return first != null ? first : best;
    }

    /** "Government forces and allied militias": the first of two joined actors (its partner is {@link #partner}). */
    private ActorSpan coordinated(String[] stems, ActorSpan second, List<ActorSpan> spans) {
        if (second == null) return null;
        int k = second.from() - 1;
        // "and allied militias", "and the pro-government NDF": up to two modifiers after the "and"
        for (int skipped = 0;
                k >= 0
                        && skipped < 2
                        && !stems[k].equals("and")
                        && WordClasses.LOWER_WORD.matcher(stems[k]).matches()
                        && !lex.inGroup("oblique", stems[k])
                        && !lex.inGroup("be", stems[k])
                        && !lex.inGroup("boundary", stems[k]);
                skipped++) {
            k--;
        }
        if (k < 1 || !stems[k].equals("and")) return null;
        for (ActorSpan a : spans) if (a.to() == k && !same(a, second)) return a;
        return null;
    }

    /** The second of "X and Y" when X is the subject: in a clash, the other side. */
    private ActorSpan partner(String[] stems, ActorSpan first, List<ActorSpan> spans) {
        if (first == null || first.to() >= stems.length || !stems[first.to()].equals("and")) return null;
        for (ActorSpan a : spans) {
            if (a.from() > first.to()
                    && a.from() <= first.to() + 3
                    && words.onlyModifiers(stems, first.to() + 1, a.from())) {
                // "Russian and Syrian jets": allies named together act together; only opponents fight each other
                boolean allies = a.actor().side() != null
                        && a.actor().side().equals(first.actor().side());
                return same(a, first) || allies ? null : a;
            }
        }
        return null;
    }

    /** "a regime airstrike", "the rebels' assault", "Hezbollah's attack". */
    private ActorSpan modifierBefore(List<Tok> toks, String[] stems, int i, List<ActorSpan> spans) {
        for (ActorSpan a : spans) {
            if (a.actor().canonical().startsWith("Government of")) continue; // "Iraq protests", "the Syria war"
            if (a.to() <= i && i - a.to() <= 3 && words.onlyModifiers(stems, a.to(), i)) return a;
        }
        return null;
    }

    /** The first actor after the trigger in the same clause, unless it is a "by" agent. */
    private ActorSpan objectAfter(List<Tok> toks, String[] stems, int end, List<ActorSpan> spans, ActorSpan agent) {
        int limit = Math.min(toks.size(), end + 12);
        for (int k = end; k < limit; k++) {
            if (lex.inGroup("boundary", stems[k]) || stems[k].equals(",") || stems[k].equals(".")) break;
            for (ActorSpan a : spans) {
                if (a.from() != k) continue;
                if (k > 0 && toks.get(k - 1).lower().equals("by")) continue;
                if (agent != null && same(a, agent)) continue;
                return a;
            }
        }
        return null;
    }

    private static ActorSpan firstSpanFrom(List<ActorSpan> spans, int from, int limit) {
        ActorSpan best = null;
        for (ActorSpan a : spans) {
            if (a.from() >= from && a.from() < limit && (best == null || a.from() < best.from())) best = a;
        }
        return best;
    }

    /**
     * The dictionary's actors plus runs of capitalised words it does not know ("Homeland Union",
     * "President Dos Santos"), which stand for themselves. Places, dates and sentence openers are not names.
     */
    List<ActorSpan> withNames(
            String text, List<Tok> toks, String[] stems, List<ActorSpan> known, List<PlaceSpan> places) {
        List<ActorSpan> out = new ArrayList<>(known);
        boolean[] taken = new boolean[toks.size()];
        for (ActorSpan a : known) for (int k = a.from(); k < a.to(); k++) taken[k] = true;
        for (PlaceSpan p : places) for (int k = p.at(); k < p.to() && k < taken.length; k++) taken[k] = true;
        int k = 0;
        while (k < toks.size()) {
            if (!WordClasses.capitalised(toks.get(k)) || taken[k] || lex.inGroup("notname", stems[k])) {
                k++;
                continue;
            }
            int from = k;
            int to = k + 1;
            while (to < toks.size()
                    && !taken[to]
                    && (WordClasses.capitalised(toks.get(to)) && !lex.inGroup("notname", stems[to])
                            || (toks.get(to).lower().equals("of")
                                            || toks.get(to).lower().equals("for"))
                                    && to + 1 < toks.size()
                                    && WordClasses.capitalised(toks.get(to + 1)))) {
                to++;
            }
            // one capitalised word is too often a place, a demonym or a brand; names need two words or an acronym
            boolean acronym = to - from == 1
                    && toks.get(from).text().length() >= 3
                    && toks.get(from).text().equals(toks.get(from).text().toUpperCase(Locale.ROOT));
            if (to - from < 2 && !acronym) {
                k = to;
                continue;
            }
            if (lex.triggersAt(stems, from).isEmpty()) {
                String name =
                        text.substring(toks.get(from).start(), toks.get(to - 1).end());
                out.add(new ActorSpan(
                        from,
                        to,
                        new Actor(
                                name,
                                name,
                                ActorKind.OTHER,
                                null,
                                null,
                                List.of(new Span(
                                        toks.get(from).start(), toks.get(to - 1).end())))));
            }
            k = to;
        }
        out.sort(Comparator.comparingInt(ActorSpan::from));
        return out;
    }
}
