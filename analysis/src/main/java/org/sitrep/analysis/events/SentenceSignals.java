package org.sitrep.analysis.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.SubEventType;

/**
 * What the rule engine saw in one sentence, handed to the {@link EventClassifier}: the words (as the
 * lexicon's light stems), the sub-types the rules coded, every trigger matched even when a cue cancelled
 * it, the modality, the kinds of actor and whether a place was found, and whether the sentence reads like
 * a headline or a caption. Training computes the same signals from the corpus passages, so features at
 * run time and at training time come from one place: {@link #features()}.
 *
 * @param stems       one per token, lower case
 * @param ruleKinds   the sub-types the rules coded for the sentence (none: the rules found no event)
 * @param triggers    the sub-types of every trigger matched, coded or not
 * @param cancelled   a negation, future, threat or demand cancelled a trigger
 * @param hedged      a hedge ("reportedly", "attempted to") lowered one
 * @param actorKinds  the kinds of the actors named, in order of mention
 * @param place       a place was named
 * @param caption     no sentence punctuation, or a photo credit / liveblog marker
 */
public record SentenceSignals(
        List<String> stems,
        Set<SubEventType> ruleKinds,
        Set<SubEventType> triggers,
        boolean cancelled,
        boolean hedged,
        List<ActorKind> actorKinds,
        boolean place,
        boolean caption) {
    /** Words too common to say anything about the kind of event. */
    private static final Set<String> STOP = Set.of(
            "the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "by", "with", "from", "as", "that", "this",
            "it", "its", "their", "was", "were", "is", "are", "be", "been", "ha", "have", "had", "said", "say", "says");

    /** The signals of several sentences read as one (a corpus passage of two or three sentences). */
    public static SentenceSignals merge(List<SentenceSignals> parts) {
        List<String> stems = new ArrayList<>();
        Set<SubEventType> rules = new LinkedHashSet<>();
        Set<SubEventType> triggers = new LinkedHashSet<>();
        List<ActorKind> kinds = new ArrayList<>();
        boolean cancelled = false;
        boolean hedged = false;
        boolean place = false;
        boolean caption = !parts.isEmpty();
        for (SentenceSignals s : parts) {
            stems.addAll(s.stems());
            rules.addAll(s.ruleKinds());
            triggers.addAll(s.triggers());
            kinds.addAll(s.actorKinds());
            cancelled |= s.cancelled();
            hedged |= s.hedged();
            place |= s.place();
            caption &= s.caption();
        }
        return new SentenceSignals(stems, rules, triggers, cancelled, hedged, kinds, place, caption);
    }

    /**
     * The classifier's features: words and word pairs (numbers as #), the rules' own verdict and
     * triggers, modality, actor kinds (and which came first), place, headline cues. Sorted and distinct,
     * so the same sentence always gives the same features.
     */
    public String[] features() {
        // Sorted and distinct like a TreeSet, but built as a list and sorted once, with the words read by
        // character rather than by regular expression: this runs once per sentence of every article.
        List<String> f = new ArrayList<>(stems.size() * 2 + 16);
        String prev = "^";
        for (String raw : stems) {
            String w = numbersAsHash(raw.toLowerCase(Locale.ROOT));
            if (!word(w)) {
                prev = "|";
                continue;
            }
            if (!STOP.contains(w)) f.add("w=" + w);
            f.add("b=" + prev + "_" + w);
            prev = w;
        }
        if (ruleKinds.isEmpty()) f.add("rule=none");
        for (SubEventType k : ruleKinds) {
            f.add("rule=" + k.name());
            f.add("ruletype=" + k.type().name());
        }
        for (SubEventType k : triggers) {
            f.add("trig=" + k.name());
            f.add("trigtype=" + k.type().name());
        }
        if (triggers.isEmpty()) f.add("trig=none");
        if (cancelled) f.add("mod=cancelled");
        if (hedged) f.add("mod=hedged");
        for (ActorKind k : actorKinds) f.add("actor=" + k.name());
        f.add("actors=" + Math.min(actorKinds.size(), 3));
        if (!actorKinds.isEmpty()) f.add("actor1=" + actorKinds.get(0).name());
        if (actorKinds.size() > 1)
            f.add("actor12=" + actorKinds.get(0).name() + "_"
                    + actorKinds.get(1).name());
        f.add(place ? "place=yes" : "place=no");
        if (caption) f.add("caption");
        String[] sorted = f.toArray(String[]::new);
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) if (n == 0 || !sorted[i].equals(sorted[n - 1])) sorted[n++] = sorted[i];
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    /** Each run of ASCII digits as one '#' (what {@code \d+} replaced by "#" gives). */
    static String numbersAsHash(String w) {
        int first = -1;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                first = i;
                break;
            }
        }
        if (first < 0) return w;
        StringBuilder b = new StringBuilder(w.length()).append(w, 0, first);
        boolean inRun = false;
        for (int i = first; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inRun) b.append('#');
                inRun = true;
            } else {
                b.append(c);
                inRun = false;
            }
        }
        return b.toString();
    }

    /** A word for the classifier ({@code [\p{L}#][\p{L}#'-]*}): a letter or '#', then letters, '#', apostrophes, hyphens. */
    static boolean word(String w) {
        if (w.isEmpty()) return false;
        for (int i = 0; i < w.length(); ) {
            int cp = w.codePointAt(i);
            boolean ok = Character.isLetter(cp) || cp == '#' || i > 0 && (cp == '\'' || cp == '-');
            if (!ok) return false;
            i += Character.charCount(cp);
        }
        return true;
    }
}
