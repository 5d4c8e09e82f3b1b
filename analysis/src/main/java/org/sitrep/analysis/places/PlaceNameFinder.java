package org.sitrep.analysis.places;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.text.Word;

/**
 * Candidate finding: the runs of words that name a place. Every run of words is looked up in the
 * gazetteer (longest first, exact key, then the transliteration skeleton for the Middle East), and a
 * match is kept only if it reads as a place name: capitalised, not a common English word or month or
 * demonym without a locative cue, not part of a person's or an organisation's name.
 */
final class PlaceNameFinder {
    private final Gazetteer gazetteer;
    private final GazetteerLookup lookup;
    private final PlaceWords lists;
    private final FalseFriends falseFriends;

    PlaceNameFinder(GazetteerLookup lookup, PlaceWords lists) {
        this.gazetteer = lookup.gazetteer();
        this.lookup = lookup;
        this.lists = lists;
        this.falseFriends = new FalseFriends(lists);
    }

    /** The place names of a text, in text order, each with the features it may mean. */
    List<PlaceMention> find(String text, List<Word> tokens) {
        List<PlaceMention> out = new ArrayList<>();
        Set<String> people = new HashSet<>();
        Set<String> lowerCase = new HashSet<>(); // words the text also writes in lower case
        for (Word t : tokens) if (!t.capitalised()) lowerCase.add(t.word());
        int max = gazetteer.maxWords();
        int i = 0;
        while (i < tokens.size()) {
            PlaceMention abbreviation = abbreviation(text, tokens, i);
            if (abbreviation != null) {
                out.add(abbreviation);
                i = abbreviation.to;
                continue;
            }
            PlaceMention m = longestMatch(tokens, i, max);
            if (m == null) {
                i++;
                continue;
            }
            if (readsAsPlace(text, tokens, m, people, lowerCase)) out.add(m);
            i = m.to;
        }
        // A name once seen as part of a person's ("John Kelly") is that person elsewhere too ("Kelly said").
        if (!people.isEmpty())
            out.removeIf(m -> m.to - m.from == 1 && people.contains(m.key) && !isCountryOrAdmin(m.key));
        // A spelling variant is trusted only in a text that names some place of that region exactly.
        boolean regional = out.stream().anyMatch(m -> !m.fuzzy && lookup.inRegion(m));
        if (!regional) out.removeIf(m -> m.fuzzy);
        return out;
    }

    /**
     * "FRANKFORT, Ky." / "Kelowna, B.C.": a state or province abbreviation after a comma, before a full
     * stop; or anywhere an abbreviation of initials ("in B.C.", "the N.S. government"), except after a
     * number ("300 B.C.", a year).
     */
    private PlaceMention abbreviation(String text, List<Word> tokens, int i) {
        Word first = tokens.get(i);
        if (!first.capitalised()) return null;
        PlaceMention initials = initials(text, tokens, i);
        if (initials != null) return initials;
        if (first.joint() != ',' || i == 0) return null;
        int comma = tokens.get(i - 1).end();
        if (text.substring(comma, first.start()).strip().equals(",") == false) return null;
        StringBuilder key = new StringBuilder(first.word());
        for (int j = i; j < Math.min(tokens.size(), i + 3); j++) {
            if (j > i) {
                if (tokens.get(j).joint() != ' ' || tokens.get(j).sentenceStart()) break;
                key.append(' ').append(tokens.get(j).word());
            }
            int end = tokens.get(j).end();
            if (end < text.length() && text.charAt(end) == '.') {
                int d = gazetteer.admin1Abbreviation(key.toString());
                if (d >= 0) return new PlaceMention(i, j + 1, key.toString(), new int[] {d}, false);
            }
        }
        return null;
    }

    /** Initials with a full stop after each ("B.C.", "P.E.I.", "W.Va."): two at least, so "Ky." alone is no state. */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\p{Ll}{0,2}\\.){2,}");

    private PlaceMention initials(String text, List<Word> tokens, int i) {
        Word first = tokens.get(i);
        Matcher dotted = INITIALS.matcher(text).region(first.start(), text.length());
        if (!dotted.lookingAt()) return null;
        if (i > 0 && Character.isDigit(tokens.get(i - 1).word().charAt(0))) return null;
        int j = i;
        StringBuilder key = new StringBuilder(first.word());
        while (j + 1 < tokens.size() && tokens.get(j + 1).end() <= dotted.end())
            key.append(' ').append(tokens.get(++j).word());
        int d = gazetteer.admin1Abbreviation(key.toString());
        return d < 0 ? null : new PlaceMention(i, j + 1, key.toString(), new int[] {d}, false);
    }

    private PlaceMention longestMatch(List<Word> tokens, int i, int max) {
        Word first = tokens.get(i);
        // A name starts with a capital, or with a lower-case article before one ("al-Bab").
        boolean article = NameKey.ARTICLES.contains(first.word())
                && i + 1 < tokens.size()
                && tokens.get(i + 1).capitalised()
                && tokens.get(i + 1).joint() != ','
                // "at Haifa", "as Raqqa fell", "an Israeli": English words, unless joined on ("at-Tanf")
                && (!PlaceWords.ENGLISH_ARTICLES.contains(first.word())
                        || tokens.get(i + 1).joint() == '-');
        if (!first.capitalised() && !article) return null;
        int limit = i + 1;
        while (limit < tokens.size()
                && limit - i < max
                && tokens.get(limit).joint() != ','
                && tokens.get(limit).joint() != '.') limit++;
        StringBuilder key = new StringBuilder();
        List<String> run = new ArrayList<>(max);
        String[] keys = new String[limit - i];
        for (int j = i; j < limit; j++) {
            if (j > i) key.append(' ');
            key.append(tokens.get(j).word());
            keys[j - i] = key.toString();
        }
        // Longest first; at each length the exact spelling, then (Middle East only) a spelling variant.
        for (int j = limit; j > i; j--) {
            String k = keys[j - i - 1];
            Word last = tokens.get(j - 1);
            // A multi-word name ends on a capitalised word ("Deir ez-Zor", not "Aleppo and").
            if (j - i > 1 && !last.capitalised()) continue;
            int[] hits = lookup.exact(k);
            if (hits.length > 0) return new PlaceMention(i, j, k, hits, false);
            run.clear();
            for (int t = i; t < j; t++) run.add(tokens.get(t).word());
            if (!last.capitalised() || run.size() == 1 && run.get(0).length() < 4) continue;
            if (run.size() == 1
                    && (lists.commonWords.contains(run.get(0))
                            || lists.givenNames.contains(run.get(0))
                            || lists.notPlaces.contains(run.get(0)))) continue;
            int[] near = lookup.spellingVariants(run, k);
            if (near.length > 0) return new PlaceMention(i, j, k, near, true);
        }
        return null;
    }

    private boolean readsAsPlace(
            String text, List<Word> tokens, PlaceMention m, Set<String> people, Set<String> lowerCase) {
        Word first = tokens.get(m.from);
        Word before = m.from > 0 ? tokens.get(m.from - 1) : null;
        Word after = m.to < tokens.size() ? tokens.get(m.to) : null;
        int words = m.to - m.from;
        if (lists.notPlaces.contains(m.key)) return false;
        // "US-led coalition", "Iran-backed militias": the name says who stands behind an actor, not where
        if (after != null && after.joint() == '-' && PlaceWords.BACKING.contains(after.word())) return false;
        if (words == 1 && first.word().length() < 3 && !allCaps(text, first)) return false;
        boolean country = false, admin1 = false, primaryName = false, focus = false, curatedRegion = false;
        long population = 0;
        for (int c : m.candidates) {
            GazetteerEntry e = gazetteer.entry(c);
            country |= e.precision() == Precision.COUNTRY;
            admin1 |= e.precision() == Precision.ADMIN1 || "RGN".equals(e.featureCode());
            curatedRegion |= e.id() < 0 && "RGN".equals(e.featureCode());
            population = Math.max(population, e.population());
            focus |= BundledGazetteerBuild.FOCUS.contains(e.country());
            if (!primaryName && (m.fuzzy || gazetteer.nameKey(c).equals(m.key))) primaryName = true;
        }
        boolean common = words == 1
                && (lists.commonWords.contains(first.word())
                        || lists.givenNames.contains(first.word()) && population < 300_000);
        boolean strong = country || admin1 && !common;
        // Short capitals ("BA", "MW", "APC") are abbreviations, places only when a country's ("US", "UAE")
        // or a region's of the curated supplement ("EU"), where someone chose the abbreviation as a name.
        if (words == 1
                && allCaps(text, first)
                && !country
                && !curatedRegion
                && (first.word().length() <= 3 || first.word().length() <= 5 && population < 100_000)) return false;
        // Part of a longer proper name: "Bashar al-Assad", "President Kelly", "Paul Ryan", "Washington Post".
        boolean glued = first.joint() == ' ' || first.joint() == '-';
        // After a given name, even at the start of a sentence: "Boris Johnson said", "Michael Jordan".
        if (before != null
                && glued
                && words == 1
                && before.capitalised()
                && lists.givenNames.contains(before.word())
                && !PlaceWords.MODIFIERS.contains(before.word())
                && gazetteer.byExactKey(before.word() + " " + m.key).length == 0) {
            people.add(m.key);
            return false;
        }
        if (before != null && !first.sentenceStart() && glued) {
            String w = before.word();
            if (PlaceWords.TITLES.contains(w)) {
                people.add(m.key);
                return false;
            }
            if (before.capitalised()
                    && !before.sentenceStart()
                    && !PlaceWords.MODIFIERS.contains(w)
                    && !isCountryOrAdmin(w)
                    && !strong) {
                // After a given name it is a surname everywhere in the text ("John Kelly" ... "Kelly said");
                // after another capitalised word ("Air Berlin", "CBC Toronto") only here.
                if (lists.givenNames.contains(w)) people.add(m.key);
                return false;
            }
        }
        // The head of a longer name the gazetteer lacks: "Riad al-Solh", "Bir al-Abed", "Castello Road".
        if (after != null && (after.joint() == ' ' || after.joint() == '-') && !strong && words == 1) {
            Word next = m.to + 1 < tokens.size() ? tokens.get(m.to + 1) : null;
            if (NameKey.ARTICLES.contains(after.word())
                    && !after.capitalised()
                    && next != null
                    && next.capitalised()
                    && next.joint() != ','
                    && next.joint() != '.') return false;
            if (after.capitalised() && PlaceWords.STREET_WORDS.contains(after.word()) && population < 100_000)
                return false;
        }
        if (after != null && (after.joint() == ' ' || after.joint() == '-') && after.capitalised()) {
            String w = after.word();
            if (PlaceWords.ORG_WORDS.contains(w)) return false;
            boolean cue = PlaceWords.ADMIN1_CUES.contains(w)
                    || PlaceWords.ADMIN2_CUES.contains(w)
                    || PlaceWords.CITY_CUES.contains(w)
                    || PlaceWords.TITLES.contains(w)
                    || PlaceWords.MODIFIERS.contains(w)
                    || NameKey.ARTICLES.contains(w);
            if (!strong && !cue && words == 1 && population < 50_000 && gazetteer.byExactKey(w).length == 0)
                return false;
        }
        boolean locative = before != null && PlaceWords.LOCATIVE.contains(before.word()) && !first.sentenceStart();
        boolean cueAfter = after != null
                && (PlaceWords.ADMIN1_CUES.contains(after.word())
                        || PlaceWords.ADMIN2_CUES.contains(after.word())
                        || PlaceWords.CITY_CUES.contains(after.word())
                        || after.joint() == ',' && isCountryOrAdmin(after.word()));
        if (common && !strong) {
            // A common word is a place only after a locative preposition mid-sentence, or with a cue after it.
            if (!locative && !cueAfter) return false;
            if (locative && !cueAfter && population < (m.fuzzy ? 0 : 20_000)) return false;
        }
        if (words == 1 && !m.fuzzy && falseFriends.speaksAsPerson(tokens, m.from, m.to, population, strong)) {
            people.add(m.key); // "Johnson said": a person here and wherever the text names Johnson alone
            return false;
        }
        if (words == 1 && falseFriends.givenNameForAnotherPlace(first.word(), primaryName, locative, cueAfter))
            return false;
        // A single word known only as some small place's alternate name is more often a person's name.
        // (Not in the transliterated Middle East, where a town's other spellings are its everyday names.)
        if (words == 1 && !primaryName && !strong && !focus && population < 100_000 && !locative && !cueAfter)
            return false;
        if (first.sentenceStart()
                && words == 1
                && !strong
                && population < 1000
                && !m.fuzzy
                && lowerCase.contains(first.word())) return false;
        return true;
    }

    private boolean isCountryOrAdmin(String word) {
        for (int c : gazetteer.byExactKey(word)) {
            Precision p = gazetteer.entry(c).precision();
            if (p == Precision.COUNTRY || p == Precision.ADMIN1) return true;
        }
        return false;
    }

    private static boolean allCaps(String text, Word t) {
        for (int k = t.start(); k < t.end(); k++) if (Character.isLowerCase(text.charAt(k))) return false;
        return true;
    }
}
