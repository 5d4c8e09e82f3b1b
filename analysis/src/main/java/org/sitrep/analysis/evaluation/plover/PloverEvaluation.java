package org.sitrep.analysis.evaluation.plover;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.actors.ActorFinder;
import org.sitrep.analysis.actors.DictionaryActorFinder;
import org.sitrep.analysis.events.EventExtractor;
import org.sitrep.analysis.events.RuleBasedEventExtractor;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.Sentence;

/**
 * Scores event extraction on the PLOVER gold sentences. PLOVER categories map to ACLED as the shared
 * README says: violent and coercive acts should give an event of a matching ACLED type, verbal acts
 * (DEMAND, REJECT, THREATEN, DISAPPROVE, CONSULT, SUPPORT) none. Categories the mapping leaves open
 * (SANCTION, AID, INVESTIGATE, COOPERATE, MOBILIZE) are not scored, only counted.
 */
public final class PloverEvaluation {

    /** PLOVER categories that should become an ACLED event, with the ACLED types accepted. */
    static final Map<String, Set<String>> EXPECTED = Map.of(
            "FIGHT", Set.of("Battles", "Explosions/Remote violence", "Violence against civilians"),
            "ASSAULT", Set.of("Battles", "Explosions/Remote violence", "Violence against civilians"),
            "PROTEST", Set.of("Protests", "Riots"),
            "COERCE", Set.of("Strategic developments", "Violence against civilians"),
            "RETREAT", Set.of("Strategic developments"),
            "CONCEDE", Set.of("Strategic developments"),
            "AGREE", Set.of("Strategic developments"));
    /** Verbal acts: no ACLED event. */
    static final Set<String> VERBAL = Set.of("DEMAND", "REJECT", "THREATEN", "DISAPPROVE", "CONSULT", "SUPPORT");

    /** A narrower set of accepted types where the PLOVER mode says how it was done. */
    static Set<String> accepted(PloverRecord r) {
        String mode = r.mode() == null ? "" : r.mode();
        if (r.event().equals("FIGHT") || r.event().equals("ASSAULT")) {
            if (mode.equals("explosives") || mode.equals("suicide-attack")) return Set.of("Explosions/Remote violence");
            if (Set.of("beat", "torture", "sexual", "primitive").contains(mode))
                return Set.of("Violence against civilians");
        }
        if (r.event().equals("PROTEST") && !mode.startsWith("riot")) return Set.of("Protests");
        return EXPECTED.getOrDefault(r.event(), Set.of());
    }

    private PloverEvaluation() {}

    /** The figures. Accuracies are shares of the detected gold events (and of those with a gold actor). */
    public record Score(
            int records,
            int truePositives,
            int falseNegatives,
            int falsePositives,
            int trueNegatives,
            int typeCorrect,
            int actor1Gold,
            int actor1Correct,
            int actor2Gold,
            int actor2Correct,
            Map<String, int[]> byCategory,
            List<String> misses) {
        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Recall on the violent and coercive categories only (FIGHT, ASSAULT, PROTEST, COERCE). */
        public double violentRecall() {
            int all = 0;
            int found = 0;
            for (String cat : List.of("FIGHT", "ASSAULT", "PROTEST", "COERCE")) {
                int[] n = byCategory.getOrDefault(cat, new int[2]);
                all += n[0];
                found += n[1];
            }
            return ratio(found, all);
        }

        public double typeAccuracy() {
            return ratio(typeCorrect, truePositives);
        }

        public double actor1Accuracy() {
            return ratio(actor1Correct, actor1Gold);
        }

        public double actor2Accuracy() {
            return ratio(actor2Correct, actor2Gold);
        }

        /** A Markdown summary, as written to docs/evaluation/events-plover.md. */
        public String toMarkdown() {
            StringBuilder b = new StringBuilder();
            b.append("| Measure | Value |\n|---|---|\n");
            b.append(String.format(
                    Locale.ROOT,
                    "| Sentences scored (mapped categories) | %d |%n",
                    truePositives + falseNegatives + falsePositives + trueNegatives));
            b.append(String.format(Locale.ROOT, "| Event detection precision | %.3f |%n", precision()));
            b.append(String.format(Locale.ROOT, "| Event detection recall | %.3f |%n", recall()));
            b.append(String.format(Locale.ROOT, "| Event detection F1 | %.3f |%n", f1()));
            b.append(
                    String.format(Locale.ROOT, "| Recall on FIGHT/ASSAULT/PROTEST/COERCE | %.3f |%n", violentRecall()));
            b.append(String.format(
                    Locale.ROOT,
                    "| ACLED type accuracy (detected events) | %.3f (%d/%d) |%n",
                    typeAccuracy(),
                    typeCorrect,
                    truePositives));
            b.append(String.format(
                    Locale.ROOT,
                    "| actor1 = PLOVER source | %.3f (%d/%d) |%n",
                    actor1Accuracy(),
                    actor1Correct,
                    actor1Gold));
            b.append(String.format(
                    Locale.ROOT,
                    "| actor2 = PLOVER target | %.3f (%d/%d) |%n",
                    actor2Accuracy(),
                    actor2Correct,
                    actor2Gold));
            b.append("\n| PLOVER category | Expected | Sentences | With an ACLED event |\n|---|---|---|---|\n");
            byCategory.forEach((cat, n) -> b.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d |%n",
                    cat,
                    EXPECTED.containsKey(cat) ? "event" : VERBAL.contains(cat) ? "none" : "not scored",
                    n[0],
                    n[1])));
            return b.toString();
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }
    }

    /** Scores the built-in actor finder and event extractor on the gold file. */
    public static Score score(Path gold) throws IOException {
        return score(gold, new DictionaryActorFinder(), new RuleBasedEventExtractor());
    }

    /** Each sentence as one CleanText sentence, no places; the extractor tokenizes it itself. */
    public static Score score(Path gold, ActorFinder actors, EventExtractor events) throws IOException {
        return score(gold, PloverEvaluation::oneSentence, t -> List.of(), actors, events);
    }

    /**
     * @param prepare turns a gold sentence into cleaned text (the engine's sentence splitter and tagger)
     * @param places  the place finder, or none
     */
    public static Score score(
            Path gold,
            Function<String, CleanText> prepare,
            Function<CleanText, List<Place>> places,
            ActorFinder actors,
            EventExtractor events)
            throws IOException {
        int tp = 0, fn = 0, fp = 0, tn = 0, typeOk = 0, a1Gold = 0, a1Ok = 0, a2Gold = 0, a2Ok = 0;
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<PloverRecord> records = PloverRecords.read(gold);
        for (PloverRecord r : records) {
            CleanText clean = prepare.apply(r.text());
            List<Place> ps = places.apply(clean);
            List<Actor> as = actors.find(clean, ps);
            List<Event> es = events.extract(clean, ps, as, List.of());
            int[] cat = byCategory.computeIfAbsent(r.event(), k -> new int[2]);
            cat[0]++;
            if (!es.isEmpty()) cat[1]++;
            if (VERBAL.contains(r.event())) {
                if (es.isEmpty()) tn++;
                else {
                    fp++;
                    misses.add("FP " + r.id() + ": " + es.get(0).type() + " ["
                            + es.get(0).trigger() + "] " + r.text());
                }
                continue;
            }
            if (!EXPECTED.containsKey(r.event())) continue;
            if (es.isEmpty()) {
                fn++;
                misses.add("FN " + r.id() + ": " + r.text());
                continue;
            }
            tp++;
            Set<String> ok = accepted(r);
            Event best = es.stream()
                    .filter(e -> ok.contains(e.type()))
                    .findFirst()
                    .orElse(es.stream()
                            .max(Comparator.comparingDouble(Event::confidence))
                            .orElseThrow());
            if (ok.contains(best.type())) typeOk++;
            else misses.add("TYPE " + r.id() + ": " + best.type() + " [" + best.trigger() + "] " + r.text());
            List<Span> src = spans(r.text(), r.sources());
            List<Span> tar = spans(r.text(), r.targets());
            if (!src.isEmpty()) {
                a1Gold++;
                if (overlaps(spansOf(best.actor1(), as, clean.text()), src)) a1Ok++;
                else misses.add("A1 " + r.id() + ": got " + best.actor1() + " want " + r.sources() + " | " + r.text());
            }
            if (!tar.isEmpty()) {
                a2Gold++;
                if (overlaps(spansOf(best.actor2(), as, clean.text()), tar)) a2Ok++;
                else misses.add("A2 " + r.id() + ": got " + best.actor2() + " want " + r.targets() + " | " + r.text());
            }
        }
        return new Score(records.size(), tp, fn, fp, tn, typeOk, a1Gold, a1Ok, a2Gold, a2Ok, byCategory, misses);
    }

    static CleanText oneSentence(String text) {
        return new CleanText(null, text, null, List.of(new Sentence(0, 0, text.length(), text, null)));
    }

    /** Where the gold actor texts occur in the sentence (first occurrence, case-insensitive). */
    private static List<Span> spans(String text, List<String> actorTexts) {
        List<Span> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String a : actorTexts) {
            int i = lower.indexOf(a.toLowerCase(Locale.ROOT));
            if (i >= 0) out.add(new Span(i, i + a.length()));
        }
        return out;
    }

    /** Where the extracted actor was mentioned: its actor's mentions, or its name in the text. */
    private static List<Span> spansOf(String canonical, List<Actor> actors, String text) {
        if (canonical == null) return List.of();
        for (Actor a : actors) if (a.canonical().equals(canonical)) return a.mentions();
        // the extractor names civilians who protest "Protesters (X)" where the finder said "Civilians (X)"
        if (canonical.startsWith("Protesters")) {
            String civilians = "Civilians" + canonical.substring("Protesters".length());
            for (Actor a : actors) if (a.canonical().equals(civilians)) return a.mentions();
        }
        return spans(text, List.of(canonical));
    }

    private static boolean overlaps(List<Span> got, List<Span> gold) {
        for (Span g : got) for (Span w : gold) if (g.overlaps(w)) return true;
        return false;
    }

    /** Prints the figures and the misses: {@code java … PloverEvaluation [gold-file]}. */
    public static void main(String[] args) throws IOException {
        Path gold = args.length > 0 ? Path.of(args[0]) : PloverRecords.locate().orElse(null);
        if (gold == null) {
            System.err.println("PLOVER gold file not found: pass its path or set SITREP_SHARED");
            System.exit(2);
            return;
        }
        Score s = score(gold);
        System.out.print(s.toMarkdown());
        if (args.length > 1 && args[1].equals("--misses")) s.misses().forEach(System.out::println);
    }
}
