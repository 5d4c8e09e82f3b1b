package org.sitrep.analysis.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.SubEventType;

/**
 * The action words and the modality cues, read from {@code triggers.tsv} and {@code modality.tsv}.
 * Words are compared by a light stem so that "shelled", "shelling" and "shells" all match "shell"
 * whether or not the tokenizer supplied lemmas.
 */
public final class TriggerLexicon {

    /**
     * One action word or phrase with the ACLED sub-type it signals; {@code kind} is null for a phrase
     * that holds an action word but is no action ("attack helicopters").
     */
    public record Trigger(String phrase, String[] stems, SubEventType kind, Set<String> flags) {
        public boolean has(String flag) {
            return flags.contains(flag);
        }

        public boolean noAction() {
            return kind == null;
        }
    }

    /** The flags {@code triggers.tsv} may use (see its header); any other is a typo that would silently do nothing. */
    static final Set<String> FLAGS = Set.of(
            "weak",
            "civilians",
            "territory",
            "air",
            "noun",
            "verb",
            "agentafter",
            "protesteragent",
            "weapon",
            "protest",
            "riot",
            "strikecue",
            "setup");

    /** A word or phrase that hedges, negates or cancels an action. */
    public record Cue(String phrase, String[] stems, double factor, String scope) {
        public boolean sentenceWide() {
            return scope.equals("sentence");
        }

        /** Reaches back over the whole clause, not just the few words before the trigger. */
        public boolean wholeClause() {
            return scope.equals("preceding");
        }
    }

    private final Map<String, List<Trigger>> triggersByFirstStem = new HashMap<>();
    private final Map<String, List<Cue>> cuesByFirstStem = new HashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();

    private TriggerLexicon() {}

    public static TriggerLexicon load() {
        TriggerLexicon lex = new TriggerLexicon();
        for (String[] f : rows("triggers.tsv", 3)) {
            String[] stems = stems(f[0]);
            lex.triggersByFirstStem
                    .computeIfAbsent(stems[0], k -> new ArrayList<>())
                    .add(trigger(f));
        }
        for (String[] f : rows("modality.tsv", 3)) {
            String[] stems = stems(f[0]);
            lex.cuesByFirstStem
                    .computeIfAbsent(stems[0], k -> new ArrayList<>())
                    .add(new Cue(f[0], stems, Double.parseDouble(f[1]), f[2].strip()));
        }
        for (String[] f : rows("cues.tsv", 2)) {
            Set<String> words = lex.groups.computeIfAbsent(f[0].strip(), k -> new HashSet<>());
            for (String w : f[1].strip().split("\\s+")) words.add(stem(w));
        }
        // longest phrases first, so "suicide car bomb" wins over "car bomb"
        lex.triggersByFirstStem
                .values()
                .forEach(l -> l.sort(Comparator.comparingInt((Trigger t) -> -t.stems().length)));
        lex.cuesByFirstStem.values().forEach(l -> l.sort(Comparator.comparingInt((Cue c) -> -c.stems().length)));
        return lex;
    }

    /**
     * One row of {@code triggers.tsv}, checked: the type and sub-type spelled as ACLED does (or "-" "-"),
     * every flag one the extractor knows. A bad row stops the engine at load with the row named, rather
     * than a trigger that never fires.
     */
    static Trigger trigger(String[] f) {
        String where = "triggers.tsv: '" + String.join("\t", f) + "': ";
        SubEventType kind = null;
        if (!(f[1].strip().equals("-") && f[2].strip().equals("-"))) {
            kind = SubEventType.of(f[1].strip(), f[2].strip())
                    .filter(SubEventType::isEvent)
                    .orElseThrow(() -> new IllegalStateException(
                            where + "no ACLED type '" + f[1] + "' with sub-type '" + f[2] + "'"));
        }
        Set<String> flags = new HashSet<>();
        if (f.length > 3) {
            for (String flag : f[3].split(",")) {
                if (flag.isBlank()) continue;
                if (!FLAGS.contains(flag.strip()))
                    throw new IllegalStateException(where + "unknown flag '" + flag.strip() + "'");
                flags.add(flag.strip());
            }
        }
        return new Trigger(f[0].strip(), stems(f[0]), kind, Set.copyOf(flags));
    }

    /** Whether the word (any form) belongs to a cue group of {@code cues.tsv}. */
    public boolean inGroup(String group, String stem) {
        return groups.getOrDefault(group, Set.of()).contains(stem);
    }

    /** Triggers whose phrase starts at token {@code i} of these stems, longest first. */
    public List<Trigger> triggersAt(String[] tokenStems, int i) {
        List<Trigger> candidates = triggersByFirstStem.get(tokenStems[i]);
        if (candidates == null) return List.of();
        List<Trigger> out = new ArrayList<>(2);
        for (Trigger t : candidates) {
            if (matches(t.stems(), tokenStems, i)) out.add(t);
        }
        return out;
    }

    /** The longest cue starting at token {@code i}, or null. */
    public Cue cueAt(String[] tokenStems, int i) {
        for (Cue c : cuesByFirstStem.getOrDefault(tokenStems[i], List.of())) {
            if (matches(c.stems(), tokenStems, i)) return c;
        }
        return null;
    }

    private static final java.util.Set<String> ARTICLES =
            java.util.Set.of("a", "an", "the", "their", "its", "his", "her");

    /** Phrase words in order; an article inside the text is skipped ("blocked a road" for "block road"). */
    private static boolean matches(String[] phrase, String[] tokens, int i) {
        int t = i;
        for (int k = 0; k < phrase.length; k++) {
            if (t >= tokens.length) return false;
            if (k > 0 && !phrase[k].equals(tokens[t]) && ARTICLES.contains(tokens[t]) && !ARTICLES.contains(phrase[k]))
                t++;
            if (t >= tokens.length || !phrase[k].equals(tokens[t])) return false;
            t++;
        }
        return true;
    }

    /** How many tokens the phrase covers at i (articles skipped inside it included). */
    public int length(String[] phrase, String[] tokens, int i) {
        int t = i;
        for (int k = 0; k < phrase.length; k++) {
            if (k > 0 && !phrase[k].equals(tokens[t]) && ARTICLES.contains(tokens[t])) t++;
            t++;
        }
        return t - i;
    }

    static String[] stems(String phrase) {
        return Arrays.stream(phrase.strip().split("\\s+"))
                .map(TriggerLexicon::stem)
                .toArray(String[]::new);
    }

    /**
     * A deliberately small English stemmer: plural -s/-es, -ed, -ing, -ies/-ied, a final silent e and
     * doubled final consonants, applied the same way to lexicon and text.
     */
    public static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int n = w.length();
        boolean suffix = false;
        if (n > 4 && (w.endsWith("ies") || w.endsWith("ied"))) {
            w = w.substring(0, n - 3) + "y";
            suffix = true;
        } else if (n > 5 && w.endsWith("ing")) {
            w = w.substring(0, n - 3);
            suffix = true;
        } else if (n > 4 && w.endsWith("ed")) {
            w = w.substring(0, n - 2);
            suffix = true;
        } else if (n > 4 && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
            w = w.substring(0, n - 2);
        } else if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, n - 1);
        }
        if (!suffix && w.length() > 3 && w.endsWith("e")) w = w.substring(0, w.length() - 1);
        int m = w.length();
        if (m > 3 && w.charAt(m - 1) == w.charAt(m - 2) && "bdfgklmnprstz".indexOf(w.charAt(m - 1)) >= 0) {
            w = w.substring(0, m - 1);
        }
        return w;
    }

    private static List<String[]> rows(String name, int fields) {
        InputStream in = TriggerLexicon.class.getResourceAsStream("/org/sitrep/analysis/events/" + name);
        if (in == null) throw new IllegalStateException("missing event lexicon resource " + name);
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length < fields || f[0].isBlank()) continue;
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
