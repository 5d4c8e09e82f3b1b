package org.sitrep.analysis.actors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.actors.ActorDictionary.CountryName;
import org.sitrep.analysis.actors.ActorDictionary.Entry;
import org.sitrep.analysis.actors.ActorDictionary.Generic;
import org.sitrep.analysis.actors.ActorDictionary.Meaning;
import org.sitrep.analysis.actors.ActorDictionary.Named;
import org.sitrep.analysis.actors.ActorDictionary.Nationality;
import org.sitrep.analysis.text.TokenisedText;

/**
 * Finds actors with the {@link ActorDictionary}: named actors by alias, nationalities ("Burmese
 * troops"), country names used as actors ("Israel struck…"), and generic mentions ("the regime",
 * "rebels", "residents") resolved to a side from the document's country focus and the named
 * actors nearby. One {@link Actor} per canonical name, with all its mentions.
 */
public final class DictionaryActorFinder implements ActorFinder {

    /** Words before a country name that make it a place, not an actor ("in Syria"). */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of(
            "in",
            "into",
            "to",
            "from",
            "across",
            "near",
            "at",
            "throughout",
            "inside",
            "outside",
            "within",
            "toward",
            "towards",
            "via",
            "around",
            "through",
            "of",
            "over",
            "for",
            "on",
            "onto",
            "entered",
            "visited",
            "visit",
            "reach",
            "reached",
            "leave",
            "left",
            "enter",
            "beyond",
            "targeting");

    private static final Set<String> COMPASS = Set.of(
            "the",
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
            "north",
            "south",
            "east",
            "west",
            "northeastern",
            "northwestern",
            "southeastern",
            "southwestern");

    /** How far to look for a sentence edge: bounds the work on text without punctuation. */
    private static final int SENTENCE_REACH = 1000;

    private final ActorDictionary dictionary;
    /** The second slot: actors no dictionary knows, found by the way the text names them; null when off. */
    private final PatternActorFinder patterns;

    public DictionaryActorFinder() {
        this(ActorDictionary.load());
    }

    /** The built-in dictionary plus extra dictionary files or directories. */
    public DictionaryActorFinder(List<Path> extraDictionaries) {
        this(ActorDictionary.load(extraDictionaries));
    }

    /**
     * This dictionary, with the patterns on by default ({@link ActorPattern#byDefault()}) in the second slot:
     * each pattern was measured on its own on the development corpus, and one that gives its texts actors their
     * annotators did not list stays off (see docs/analysis/README.md); {@link #withPatterns()} turns all on.
     */
    public DictionaryActorFinder(ActorDictionary dictionary) {
        this(dictionary, ActorPattern.byDefault());
    }

    private DictionaryActorFinder(ActorDictionary dictionary, Set<ActorPattern> patterns) {
        this.dictionary = dictionary;
        this.patterns = patterns.isEmpty() ? null : new PatternActorFinder(dictionary, patterns);
    }

    /** The built-in dictionary with every pattern ({@link PatternActorFinder}) in the second slot. */
    public static DictionaryActorFinder withPatterns() {
        return withPatterns(ActorPattern.all());
    }

    /** The built-in dictionary with these patterns in the second slot (none: the slot is empty). */
    public static DictionaryActorFinder withPatterns(Set<ActorPattern> patterns) {
        return new DictionaryActorFinder(ActorDictionary.load(), patterns);
    }

    /** The dictionary alone, the second slot empty: only actors some dictionary knows. */
    public static DictionaryActorFinder dictionaryOnly() {
        return withPatterns(Set.of());
    }

    public ActorDictionary dictionary() {
        return dictionary;
    }

    private record Mention(int start, int end, Entry entry, String surface) {}

    @Override
    public List<Actor> find(TokenisedText document, List<Place> places) {
        String text = document.text() == null ? "" : document.text();
        List<PhraseMatcher.Match<Meaning>> matches = dictionary.matcher().find(text);
        String focus = countryFocus(places, matches);

        List<Mention> resolved = new ArrayList<>();
        List<Mention> countryNames = new ArrayList<>();
        List<PhraseMatcher.Match<Meaning>> generics = new ArrayList<>();
        for (PhraseMatcher.Match<Meaning> m : matches) {
            String surface = text.substring(m.start(), m.end());
            Named named = first(m.values(), Named.class);
            if (named != null) {
                if (ActorDictionary.isAcronym(named.alias())
                        && named.alias().replace(".", "").length() <= 2
                        && !nounContext(text, m.start(), m.end())) continue;
                resolved.add(new Mention(m.start(), m.end(), named.entry(), surface));
                ActorKind k = named.entry().kind();
                if (k == ActorKind.STATE_FORCES || k == ActorKind.INTERNATIONAL_FORCES) {
                    Mention shared = sharedNoun(text, m.start(), "government"); // "Yemeni and Emirati troops"
                    if (shared != null) resolved.add(shared);
                }
                continue;
            }
            Nationality nat = first(m.values(), Nationality.class);
            if (nat != null) {
                Entry e = dictionary.forRole(nat.country().iso2(), nat.role());
                if (e != null) resolved.add(new Mention(m.start(), m.end(), e, surface));
                Mention shared = sharedNoun(text, m.start(), nat.role());
                if (shared != null) resolved.add(shared);
                continue;
            }
            CountryName country = first(m.values(), CountryName.class);
            if (country != null) {
                if (actorPosition(text, m.start(), m.end())) {
                    Entry e = dictionary.forRole(country.country().iso2(), "state");
                    if (e != null) {
                        Mention c = new Mention(m.start(), m.end(), e, surface);
                        resolved.add(c);
                        countryNames.add(c);
                    }
                }
                continue;
            }
            if (first(m.values(), Generic.class) != null) generics.add(m);
        }
        if (patterns != null) addPatterns(document, places, focus, resolved, countryNames, generics);
        // named mentions by start offset, so each generic looks only at its neighbourhood
        TreeMap<Integer, Mention> named = new TreeMap<>();
        for (Mention m : resolved) named.put(m.start(), m);
        List<Mention> resolvedGenerics = new ArrayList<>();
        DocumentRoles earlier = new DocumentRoles();
        for (PhraseMatcher.Match<Meaning> g : generics) {
            if (first(g.values(), Generic.class).role().equals("none")) continue;
            earlier.advanceTo(g.start(), named);
            Mention m = resolveGeneric(text, g, first(g.values(), Generic.class).role(), named, focus, earlier);
            if (m != null) resolvedGenerics.add(m);
        }
        resolved = new ArrayList<>(named.values());
        resolved.addAll(resolvedGenerics);
        resolved.sort(Comparator.comparingInt(Mention::start));

        Map<String, List<Mention>> byCanonical = new LinkedHashMap<>();
        for (Mention m : resolved)
            byCanonical
                    .computeIfAbsent(m.entry().canonical(), k -> new ArrayList<>())
                    .add(m);
        mergeIntoBranches(byCanonical);
        List<Actor> actors = new ArrayList<>();
        byCanonical.forEach((canonical, ms) -> {
            Entry e = ms.get(0).entry();
            List<Span> spans =
                    ms.stream().map(x -> new Span(x.start(), x.end())).toList();
            actors.add(new Actor(ms.get(0).surface(), canonical, e.kind(), e.side(), e.country(), spans));
        });
        return actors;
    }

    /**
     * Puts the pattern finder's actors beside the dictionary's: a named actor on the same words wins
     * ("Hamas fighters" stays Hamas), except that "Hezbollah supporters" are not Hezbollah and that
     * "forces loyal to X" is X when the dictionary knows X; a country name used as a modifier
     * ("Iran-backed militias") and generic words inside a pattern ("fighters" in "Zintan fighters")
     * give way. A group's own name found by a pattern ("M23 rebels") also names it where it stands alone.
     */
    private void addPatterns(
            TokenisedText document,
            List<Place> places,
            String focus,
            List<Mention> resolved,
            List<Mention> countryNames,
            List<PhraseMatcher.Match<Meaning>> generics) {
        String text = document.text();
        List<PatternActorFinder.Found> found = patterns.find(document, places, focus);
        List<PatternActorFinder.Found> kept = new ArrayList<>();
        for (PatternActorFinder.Found f : found) {
            if (f.leader() != null) {
                Mention leader = null;
                for (Mention m : resolved) {
                    if (m.start() >= f.leader().start()
                            && m.end() <= f.leader().end()
                            && dictionary.named(m.entry().canonical()) != null) leader = m;
                }
                Entry known = leader != null
                        ? leader.entry()
                        : leadersForces(
                                text.substring(f.leader().start(), f.leader().end()));
                if (known
                        != null) { // "forces loyal to Haftar": the dictionary's actor for Haftar, or for "Hadi forces"
                    if (leader != null) resolved.remove(leader);
                    resolved.add(new Mention(f.start(), f.end(), known, text.substring(f.start(), f.end())));
                    generics.removeIf(g -> g.start() < f.end() && f.start() < g.end());
                    continue;
                }
            }
            resolved.removeIf(m -> countryNames.contains(m) && m.start() >= f.start() && m.end() <= f.end());
            // "Hezbollah supporters", "the Fatah Mubin Operations Room": a named actor strictly inside gives way
            if (f.overridesNamed())
                resolved.removeIf(m ->
                        m.start() >= f.start() && m.end() <= f.end() && (m.start() > f.start() || m.end() < f.end()));
            if (resolved.stream().anyMatch(m -> m.start() < f.end() && f.start() < m.end())) continue;
            resolved.add(new Mention(f.start(), f.end(), f.entry(), text.substring(f.start(), f.end())));
            generics.removeIf(g -> g.start() < f.end() && f.start() < g.end());
            kept.add(f);
        }
        for (PatternActorFinder.Found f : kept) {
            if (!f.ownName()) continue;
            String name = f.entry().canonical();
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                int from = at;
                int to = at + name.length();
                if (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))
                        || to < text.length() && Character.isLetterOrDigit(text.charAt(to))) continue;
                if (resolved.stream().anyMatch(m -> m.start() < to && from < m.end())) continue;
                resolved.add(new Mention(from, to, f.entry(), name));
                generics.removeIf(g -> g.start() < to && from < g.end());
            }
        }
    }

    /**
     * The dictionary actor a leader's forces are ("Hadi forces" is an alias of the Yemeni Armed Forces),
     * by the leader's full name or surname; null when the dictionary has none.
     */
    private Entry leadersForces(String leader) {
        String[] parts = leader.split("\\s+");
        for (String name : new String[] {leader, parts[parts.length - 1]}) {
            String phrase = name + " forces";
            List<PhraseMatcher.Match<Meaning>> m = dictionary.matcher().find(phrase);
            if (m.size() != 1 || m.get(0).start() != 0 || m.get(0).end() != phrase.length()) continue;
            Named named = first(m.get(0).values(), Named.class);
            if (named != null) return named.entry();
        }
        return null;
    }

    /**
     * A generic mention right after a named actor ("HTS fighters") belongs to it; otherwise to the
     * one named actor of the same role in this or the previous sentence; otherwise to the role's
     * default actor in the document's country.
     */
    /**
     * For each role, the one dictionary actor of that role named so far in the document (or none
     * when several are); swept once through the text so long documents stay linear.
     */
    private final class DocumentRoles {
        private final Map<String, Entry> only = new HashMap<>();
        private final Set<String> ambiguous = new java.util.HashSet<>();
        private int upTo = -1;

        void advanceTo(int position, TreeMap<Integer, Mention> named) {
            for (Mention n : named.subMap(upTo, false, position, true).values()) {
                for (String role : List.of("government", "opposition", "jihadist", "militants", "coalition")) {
                    if (!fits(n.entry(), role)) continue;
                    Entry e = only.putIfAbsent(role, n.entry());
                    if (e != null && !e.canonical().equals(n.entry().canonical())) ambiguous.add(role);
                }
            }
            upTo = Math.max(upTo, position);
        }

        Entry only(String role) {
            return ambiguous.contains(role) ? null : only.get(role);
        }
    }

    private Mention resolveGeneric(
            String text,
            PhraseMatcher.Match<Meaning> g,
            String role,
            TreeMap<Integer, Mention> named,
            String focus,
            DocumentRoles earlier) {
        String surface = text.substring(g.start(), g.end());
        Map.Entry<Integer, Mention> before = named.lowerEntry(g.start());
        if (before != null) {
            Mention n = before.getValue();
            if (n.end() <= g.start()
                    && g.start() - n.end() <= 2
                    && text.substring(n.end(), g.start()).isBlank()) {
                named.remove(n.start());
                Mention joined = new Mention(n.start(), g.end(), n.entry(), text.substring(n.start(), g.end()));
                named.put(joined.start(), joined);
                return null;
            }
        }
        if (!role.equals("civilians") && !role.equals("protesters")) {
            int windowStart = sentenceStart(text, sentenceStart(text, g.start()) - 1);
            // this sentence and the next, across a paragraph break ("Islamist rebels seized Kasab. ¶ Fighters from
            // Nusra…")
            int next = sentenceEnd(text, g.end()) + 1;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) next++;
            int windowEnd = sentenceEnd(text, next);
            Entry fit = null;
            int fits = 0;
            for (Mention n : named.subMap(windowStart, true, windowEnd, true).values()) {
                if (n.end() > windowEnd || !fits(n.entry(), role)) continue;
                if (fit == null || !fit.canonical().equals(n.entry().canonical())) fits++;
                fit = n.entry();
            }
            if (fits == 1) return new Mention(g.start(), g.end(), fit, surface);
            if (fits == 0) {
                // "the militants" three paragraphs after "Islamic State": the only armed group of that kind
                Entry only = earlier.only(role);
                if (only != null) return new Mention(g.start(), g.end(), only, surface);
            }
        }
        Entry e = dictionary.forRole(focus, role);
        return e == null ? null : new Mention(g.start(), g.end(), e, surface);
    }

    /**
     * "al-Qaeda" in a story about "al-Qaeda in the Arabian Peninsula" is that branch: a named actor
     * whose name begins another named actor's found in the same text gives it its mentions.
     */
    private void mergeIntoBranches(Map<String, List<Mention>> byCanonical) {
        for (String parent : List.copyOf(byCanonical.keySet())) {
            if (dictionary.named(parent) == null) continue;
            String branch = null;
            for (String other : byCanonical.keySet()) {
                if (other.length() > parent.length() + 1
                        && other.startsWith(parent + " ")
                        && dictionary.named(other) != null) {
                    if (branch != null) {
                        branch = null;
                        break;
                    } // two branches named: keep the parent
                    branch = other;
                }
            }
            if (branch == null) continue;
            List<Mention> into = byCanonical.get(branch);
            for (Mention m : byCanonical.remove(parent)) {
                into.add(new Mention(m.start(), m.end(), into.get(0).entry(), m.surface()));
            }
            into.sort(Comparator.comparingInt(Mention::start));
        }
    }

    /**
     * "Russian and Syrian jets", "US and British troops": the demonym before "and" shares the force
     * noun of the one after it.
     */
    private Mention sharedNoun(String text, int start, String role) {
        String and = previousWord(text, start);
        if (and == null || !and.equals("and") && !and.equals("or")) return null;
        int andAt = text.lastIndexOf(and, start - 1);
        String word = previousWord(text, andAt);
        if (word == null || "civilians".equals(role)) return null;
        int wordAt = text.lastIndexOf(word, andAt - 1);
        if (wordAt < 0 || andAt - (wordAt + word.length()) > 2) return null;
        ActorDictionary.Country c = dictionary.countryOfDemonym(word);
        if (c == null) return null;
        Entry e = dictionary.forRole(c.iso2(), role);
        return e == null ? null : new Mention(wordAt, wordAt + word.length(), e, word);
    }

    /** Only actors the dictionary names stand behind a generic mention, not "Turkey" the country. */
    private boolean fits(Entry e, String role) {
        if (dictionary.named(e.canonical()) == null) return false;
        return switch (role) {
            case "government" -> e.kind() == ActorKind.STATE_FORCES && "government".equals(e.side());
            case "opposition" -> e.kind() == ActorKind.REBEL_GROUP;
            case "jihadist" -> e.kind() == ActorKind.JIHADIST_GROUP;
            case "militants" ->
                e.kind() == ActorKind.REBEL_GROUP
                        || e.kind() == ActorKind.JIHADIST_GROUP
                        || e.kind() == ActorKind.MILITIA && !"government".equals(e.side());
            case "coalition" ->
                e.kind() == ActorKind.INTERNATIONAL_FORCES && e.canonical().contains("coalition");
            default -> false;
        };
    }

    /** The country most places belong to; else the country of most named-actor mentions. */
    private String countryFocus(List<Place> places, List<PhraseMatcher.Match<Meaning>> matches) {
        Map<String, Integer> votes = new HashMap<>();
        if (places != null) {
            for (Place p : places) {
                if (p.country() == null) continue;
                int n = p.mentions() == null || p.mentions().isEmpty()
                        ? 1
                        : p.mentions().size();
                votes.merge(p.country().toUpperCase(Locale.ROOT), n * 2, Integer::sum);
            }
        }
        for (PhraseMatcher.Match<Meaning> m : matches) {
            Named n = first(m.values(), Named.class);
            if (n != null && n.entry().country() != null) votes.merge(n.entry().country(), 1, Integer::sum);
            CountryName c = first(m.values(), CountryName.class);
            if (c != null && n == null) votes.merge(c.country().iso2(), 1, Integer::sum);
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** "IS" the acronym, not "IS" the verb in a capitalised headline. */
    static boolean nounContext(String text, int start, int end) {
        String before = previousWord(text, start);
        String after = nextWord(text, end);
        return !shouting(before) && !shouting(after);
    }

    private static boolean shouting(String word) {
        return word != null
                && word.length() >= 2
                && ActorDictionary.isAcronym(word)
                && !word.equals("US")
                && !word.equals("UN")
                && !word.equals("IS");
    }

    /** A country name is an actor unless a preposition makes it a place ("in Syria", "of Iraq"). */
    private static boolean actorPosition(String text, int start, int end) {
        String before = previousWord(text, start);
        // "at northern Israel", "into the south of Lebanon": skip compass words and articles first
        int from = start;
        while (before != null && COMPASS.contains(before.toLowerCase(Locale.ROOT))) {
            from = text.lastIndexOf(before, from - 1);
            if (from < 0) break;
            before = previousWord(text, from);
        }
        if (before != null && PLACE_PREPOSITIONS.contains(before.toLowerCase(Locale.ROOT))) return false;
        // "Mosul, Iraq's second city", "BAGHDAD, Iraq": a country after a place name locates it
        int k = start - 1;
        while (k >= 0 && text.charAt(k) == ' ') k--;
        if (k >= 0 && text.charAt(k) == ',' && before != null && Character.isUpperCase(before.charAt(0))) return false;
        String after = nextWord(text, end);
        // "the Syria conflict", "Iraq war": a modifier, not an actor
        return after == null
                || !Set.of(
                                "war",
                                "conflict",
                                "crisis",
                                "border",
                                "province",
                                "governorate",
                                "desk",
                                "office",
                                "envoy",
                                "talks")
                        .contains(after.toLowerCase(Locale.ROOT));
    }

    static String previousWord(String text, int start) {
        int i = start - 1;
        while (i >= 0 && !Character.isLetterOrDigit(text.charAt(i))) {
            if (".!?;:\n".indexOf(text.charAt(i)) >= 0 || start - i > 40) return null;
            i--;
        }
        int end = i + 1;
        while (i >= 0 && Character.isLetterOrDigit(text.charAt(i))) i--;
        return end > i + 1 ? text.substring(i + 1, end) : null;
    }

    static String nextWord(String text, int end) {
        int i = end;
        while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
            if (".!?;:\n".indexOf(text.charAt(i)) >= 0 || i - end > 40) return null;
            i++;
        }
        int start = i;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) i++;
        return i > start ? text.substring(start, i) : null;
    }

    private static int sentenceStart(String text, int pos) {
        int i = Math.max(0, Math.min(pos, text.length()));
        int limit = Math.max(0, i - SENTENCE_REACH);
        while (i > limit && ".!?\n".indexOf(text.charAt(i - 1)) < 0) i--;
        return i;
    }

    private static int sentenceEnd(String text, int pos) {
        int i = pos;
        int limit = Math.min(text.length(), pos + SENTENCE_REACH);
        while (i < limit && ".!?\n".indexOf(text.charAt(i)) < 0) i++;
        return i;
    }

    private static <T> T first(List<Meaning> values, Class<T> type) {
        for (Meaning m : values) if (type.isInstance(m)) return type.cast(m);
        return null;
    }
}
