package org.sitrep.analysis.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.EventType;
import org.sitrep.analysis.SubEventType;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.events.TriggerLexicon.Cue;
import org.sitrep.analysis.events.TriggerLexicon.Trigger;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.Token;

/**
 * ACLED-typed events from action words ({@code triggers.tsv}) and shallow syntax over each
 * sentence's tokens: the agent is the subject of an active verb, the "by" phrase of a passive, or
 * the modifier of a nominalisation ("a regime airstrike", "the rebels' assault"); the target is the
 * object, the passive subject, or what follows "on/against"; "clashes between X and Y" names both.
 * Negated, future and verbal acts ("threatened to attack", "called for a ceasefire") give no event;
 * hedges ("reportedly", "attempted to") lower the confidence. Repeated mentions of one action are
 * merged, keeping the best evidence. Works from POS tags and lemmas when the tokenizer gives them
 * and from word forms alone when it does not.
 */
public final class RuleBasedEventExtractor implements EventExtractor {

    /** Below this an event is not reported at all. */
    static final double MIN_CONFIDENCE = 0.2;
    private static final int CUE_WINDOW = 8;
    /** Longest stretch of tokens read as one unit; keeps every look-around bounded. */
    private static final int MAX_TOKENS = 150;
    /** Merging compares an action with this many earlier ones at most. */
    private static final int MERGE_REACH = 300;
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'\u2019.][\\p{L}\\p{N}]+)*|\\S");

    /** Unlisted words that still read as adjectives between a modifier and its noun ("two-day", "massive"). */
    private static final Pattern ADJECTIVE =
            Pattern.compile("\\p{Ll}+-[\\p{L}-]+|\\p{Ll}+(iv|al|ic|ous|ful|ian|ern|ary|ant|ent|est|er)");

    /** Sub-types of remote violence that, unattributed, are the work of a state's forces. */
    private static final java.util.Set<SubEventType> REMOTE_BY_STATES = java.util.Set.of(SubEventType.AIR_DRONE_STRIKE);
    private static final Pattern PEOPLE_OF = Pattern.compile("(?:Civilians|Protesters)( \\(.+\\))");
    private static final java.util.Set<String> RELATIVE = java.util.Set.of("who", "which", "that");
    private static final Pattern LOWER_WORD = Pattern.compile("\\p{Ll}[\\p{Ll}-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");
    private static final Pattern ADVERB = Pattern.compile("\\p{Ll}+ly|also|then|later|all|both");
    private static final Pattern DATELINE_END = Pattern.compile("(?s)(,|\\s*\\(|\\s*[-\u2013\u2014]).*");
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");
    /** Words between a locative preposition and its place ("in the northern town of"). */
    private static final Pattern PLACE_WORD = Pattern.compile("\\p{Ll}+(ern|ly)|town|city|village|capital|province");

    /** When no event at all is at least this likely, the events the rules coded in a sentence go. */
    static final double VETO = 0.6;
    /**
     * The classifier's likeliest sub-type replaces the rules' for a sentence's one event when it is this
     * many times likelier than the rules' sub-type (and at least {@link #RELABEL_FLOOR} likely).
     */
    static final double RELABEL_RATIO = 2.5;
    static final double RELABEL_FLOOR = 0.25;
    /** A sentence the rules left alone is coded when an event is this likely, its sub-type at least {@link #ADD_FLOOR}. */
    static final double ADD = 0.75;
    static final double ADD_FLOOR = 0.3;

    private final TriggerLexicon lex;
    private final EventClassifier classifier;

    /** The rules alone. */
    public RuleBasedEventExtractor() { this(TriggerLexicon.load(), EventClassifier.NONE); }

    public RuleBasedEventExtractor(TriggerLexicon lex) { this(lex, EventClassifier.NONE); }

    /** The rules with a learned classifier in the slot where it decides the sub-type and whether there is an event. */
    public RuleBasedEventExtractor(EventClassifier classifier) { this(TriggerLexicon.load(), classifier); }

    public RuleBasedEventExtractor(TriggerLexicon lex, EventClassifier classifier) {
        this.lex = Objects.requireNonNull(lex);
        this.classifier = Objects.requireNonNull(classifier);
    }

    /** The classifier in the learned slot ({@link EventClassifier#NONE} for rules alone). */
    public EventClassifier classifier() { return classifier; }

    @Override
    public String model() { return classifier.version(); }

    private record Tok(int start, int end, String text, String lower, String stem, String tag) {}

    private record ActorSpan(int from, int to, Actor actor) {}

    private record PlaceSpan(int at, int to, Place place, boolean locative) {}

    /** One trigger in one sentence, before merging. */
    private static final class Candidate {
        SubEventType kind;
        Actor agent;
        Actor target;
        Place place;
        DateRange date;
        String trigger;
        Evidence evidence;
        double confidence;
        int triggerStart;
        boolean placeInSentence;
        /** "the fighting", "the battle for Hodeidah": a noun action the reader already knows of. */
        boolean definiteNoun;
        /** Where the action is when no place is attached to it: see {@link #fallbackPlace}. */
        Place fallbackPlace;

        int filled() {
            return (agent != null ? 1 : 0) + (target != null ? 1 : 0) + (place != null ? 1 : 0)
                    + (date != null && date.text() != null ? 1 : 0);
        }
    }

    @Override
    public List<Event> extract(CleanText clean, List<Place> places, List<Actor> actors, List<TimeExpression> dates) {
        if (clean == null || clean.text() == null || clean.text().isBlank()) return List.of();
        String text = clean.text();
        List<Place> ps = places == null ? List.of() : places;
        List<Actor> as = actors == null ? List.of() : actors;
        List<TimeExpression> ds = dates == null ? List.of() : dates;
        Place dateline = dateline(text, ps);
        List<Candidate> candidates = new ArrayList<>();
        Actor[] lastAgent = new Actor[1]; // the agent of the latest action, for "they" in the next one
        List<Mentioned<Actor>> actorIndex = index(as, Actor::mentions);
        List<Mentioned<Place>> placeIndex = index(ps, Place::mentions);
        List<Mentioned<TimeExpression>> dateIndex = index(ds.stream().filter(d -> d.span() != null && d.range() != null)
                .toList(), d -> List.of(d.span()));
        DateRange fallbackDate = dominantDate(sentences(clean), dateIndex, clean.published());
        Place focus = focus(ps);
        for (Sentence s : sentences(clean)) {
            List<Tok> all = tokens(text, s);
            Place fallbackPlace = fallbackPlace(all, s, placeIndex, dateline, focus);
            // very long "sentences" (lists, text without punctuation) are read in bounded pieces
            for (int from = 0; from < all.size(); from += MAX_TOKENS) {
                List<Tok> toks = all.subList(from, Math.min(all.size(), from + MAX_TOKENS));
                candidates.addAll(sentenceEvents(text, s, toks, placeIndex, actorIndex, dateIndex, fallbackDate,
                        dateline, fallbackPlace, lastAgent));
            }
        }
        List<Candidate> merged = merge(candidates);
        // a town changes hands between two sides: when the text names only the taker, the other side is
        // the document's main force of the other kind (ACLED codes both)
        for (Candidate c : merged) {
            if (c.target != null || c.agent == null || !territorial(c.kind)) continue;
            boolean governmentTook = c.kind == SubEventType.GOVERNMENT_REGAINS_TERRITORY;
            c.target = mainForce(as, !governmentTook, c.agent);
        }
        // "Warplanes struck …", "an air strike killed …": in these wars only states and the coalitions they
        // lead strike from the air, so an air strike with no one named is the document's main air power's
        for (Candidate c : merged) {
            if (c.agent != null || !REMOTE_BY_STATES.contains(c.kind)) continue;
            c.agent = airPower(as, c.target);
        }
        // "Protesters" with no country named: the country of the place, as the actor finder names it
        Map<String, String> countrySuffix = new HashMap<>();
        for (Actor a : as) {
            Matcher m = PEOPLE_OF.matcher(a.canonical());
            if (a.country() != null && m.matches()) countrySuffix.putIfAbsent(a.country(), m.group(1));
        }
        List<Event> events = new ArrayList<>();
        for (Candidate c : merged) {
            if (c.place == null) c.place = c.fallbackPlace;
            if (c.agent != null && c.agent.canonical().equals("Protesters") && c.place != null
                    && countrySuffix.containsKey(c.place.country())) {
                c.agent = new Actor(c.agent.name(), "Protesters" + countrySuffix.get(c.place.country()),
                        ActorKind.PROTESTERS, "protesters", c.place.country(), c.agent.mentions());
            }
            if (c.confidence < MIN_CONFIDENCE) continue;
            if (c.agent != null && c.target != null && c.agent.canonical().equals(c.target.canonical())) c.target = null;
            events.add(new Event(c.kind.type().label(), c.kind.label(), c.agent == null ? null : c.agent.canonical(),
                    c.target == null ? null : c.target.canonical(), eventPlace(c.place), c.date, c.trigger, c.evidence,
                    Math.round(c.confidence * 100) / 100.0));
        }
        return events;
    }

    private List<Candidate> sentenceEvents(String text, Sentence s, List<Tok> toks, List<Mentioned<Place>> places,
                                           List<Mentioned<Actor>> actors, List<Mentioned<TimeExpression>> dates,
                                           DateRange fallbackDate, Place dateline, Place fallbackPlace,
                                           Actor[] lastAgent) {
        int n = toks.size();
        if (n == 0) return List.of();
        String[] stems = toks.stream().map(Tok::stem).toArray(String[]::new);
        List<ActorSpan> actorSpans = actorSpans(toks, actors);
        List<PlaceSpan> placeSpans = placeSpans(toks, places);
        // "struck", "hit", "bombed" are air strikes with an aircraft in view, or when a state's forces are
        // the ones acting: in these conflicts states strike from the air
        boolean air = any("air", stems) || actorSpans.stream().anyMatch(a -> any("air", stems(a, toks))
                || a.actor().kind() == ActorKind.STATE_FORCES || a.actor().kind() == ActorKind.INTERNATIONAL_FORCES);

        List<Candidate> strong = new ArrayList<>();
        List<Candidate> weak = new ArrayList<>();
        List<int[]> weakRoles = new ArrayList<>();
        double sentenceFactor = sentenceWideFactor(stems);
        boolean titleCase = titleCase(toks);
        boolean blockedStrong = false;
        java.util.Set<SubEventType> triggerKinds = new java.util.LinkedHashSet<>();
        boolean cancelled = false;
        boolean hedged = false;
        String firstTrigger = null;
        int lastEnd = -1;
        for (int i = 0; i < n; i++) {
            Trigger t = pick(lex.triggersAt(stems, i), toks, stems, i, air);
            if (t == null) continue;
            int end = i + lex.length(t.stems(), stems, i);
            if (t.noAction()) { // "attack helicopters": no action here
                i = end - 1;
                continue;
            }
            // "last March", "the Rally for Culture": a capitalised action word inside running text is a name
            if (i > 0 && !titleCase && properNoun(toks.get(i))) continue;
            // "intercepted the missile", "defused an IED": the object names the weapon of the action before it
            if (lastEnd >= 0 && lastEnd < i && isNoun(toks, stems, i) && onlyModifiers(stems, lastEnd, i)) {
                i = end - 1;
                continue;
            }
            double factor = sentenceFactor * cueFactor(toks, stems, i);
            if (purpose(toks, stems, i)) factor *= strong.isEmpty() ? 0.5 : 0; // "an offensive to retake the city"
            if (factor <= 0 && !t.has("weak")) blockedStrong = true;
            triggerKinds.add(t.kind());
            cancelled |= factor <= 0;
            hedged |= factor > 0 && factor < 1;
            if (firstTrigger == null) firstTrigger = text.substring(toks.get(i).start(), toks.get(end - 1).end());
            if (!t.has("weak")) lastEnd = end;
            Candidate c = new Candidate();
            c.kind = t.kind();
            c.trigger = text.substring(toks.get(i).start(), toks.get(end - 1).end());
            c.triggerStart = toks.get(i).start();
            c.evidence = new Evidence(s.text() != null ? s.text() : text.substring(s.start(), s.end()), s.start(), s.end());
            ActorSpan[] roles = roles(toks, stems, i, end, actorSpans);
            if (roles[0] == null && roles[1] == null) {
                // nobody from the dictionary: try names the dictionary does not know ("the APEC forum")
                roles = roles(toks, stems, i, end, withNames(text, toks, stems, actorSpans, placeSpans));
            }
            c.agent = roles[0] == null ? null : roles[0].actor();
            c.target = roles[1] == null ? null : roles[1].actor();
            boolean possessive = c.agent == null && possessiveSubject(toks, stems, i);
            if (pronounSubject(toks, stems, i) || possessive) {
                // "Police said they had arrested …": the subject of the reporting verb; "militants overran
                // Mosul …, and on Wednesday they seized Tikrit": the agent of the clause before; else the
                // last agent ("its drones struck …" likewise)
                int pronoun = possessive ? i - 2 : pronounAt(toks, stems, i);
                Actor antecedent;
                if (!reportedSpeech(stems, pronoun) && !strong.isEmpty() && strong.get(strong.size() - 1).agent != null) {
                    antecedent = strong.get(strong.size() - 1).agent;
                } else {
                    ActorSpan inSentence = subjectBefore(toks, stems, pronoun, actorSpans);
                    antecedent = inSentence != null ? inSentence.actor() : lastAgent[0];
                }
                if (antecedent != null && !antecedent.equals(c.target)) c.agent = antecedent;
            }
            // "militants attacked Samarra but were repelled by troops": the shared subject of a joined passive is its target
            if (c.target == null && !strong.isEmpty() && isPassive(toks, stems, i) && joinedVerb(toks, stems, i)) {
                Actor first = strong.get(strong.size() - 1).agent;
                if (first != null && !first.equals(c.agent)) c.target = first;
            }
            // "abducted women … and executed men": a verb joined by "and" shares the first one's subject
            if (i > 0 && toks.get(i - 1).lower().equals("and") && !strong.isEmpty() && !isNoun(toks, stems, i)) {
                Actor first = strong.get(strong.size() - 1).agent;
                if (first != null && !first.equals(c.target)) c.agent = first;
            }
            if (c.agent != null && factor > 0 && !t.has("weak")) lastAgent[0] = c.agent;
            c.place = place(placeSpans, stems, i, end, dateline);
            c.fallbackPlace = fallbackPlace;
            c.placeInSentence = !placeSpans.isEmpty();
            c.definiteNoun = i > 0 && toks.get(i - 1).lower().equals("the") && isNoun(toks, stems, i);
            c.date = date(dates, s, toks.get(i).start(), fallbackDate);
            c.confidence = (t.has("weak") ? 0.6 : 0.8) + (c.agent != null ? 0.1 : 0) + (c.place != null ? 0.05 : 0);
            if (c.date != null && c.date.text() == null) c.confidence -= 0.1;
            c.confidence = Math.min(1.0, c.confidence) * factor;
            if (c.confidence <= 0) {
                i = end - 1;
                continue;
            }
            if (t.has("protesteragent") && (c.agent == null || c.agent.kind() != ActorKind.PROTESTERS
                    && c.agent.kind() != ActorKind.CIVILIANS)) {
                i = end - 1; // "troops gathered": not a protest
                continue;
            }
            if (t.has("agentafter")) { // "Saraqib fell to government forces"
                c.agent = roles[1] == null ? null : roles[1].actor();
                c.target = null;
            }
            if (t.has("territory")) {
                ActorSpan from = fromPhrase(toks, end, actorSpans); // "retook the villages from IS"
                if (from != null && !from.actor().equals(c.agent)) c.target = from.actor();
            }
            refine(c, t, stems);
            civiliansAreNotAgents(c);
            if (t.has("weak")) {
                weak.add(c);
                weakRoles.add(new int[] {i});
            } else {
                strong.add(c);
            }
            i = end - 1;
        }
        if (!strong.isEmpty()) {
            // "… were killed in an airstrike by X": the victims of "killed" are the airstrike's target
            for (Candidate w : weak) {
                for (Candidate c : strong) {
                    if (c.target == null && w.target != null && !Objects.equals(w.target, c.agent)) c.target = w.target;
                    if (c.agent == null && w.agent != null && !Objects.equals(w.agent, c.target)) c.agent = w.agent;
                }
            }
            for (Candidate c : strong) reconsiderCivilians(c);
        }
        // an action with nobody and nowhere attached ("fighting was quiet") is too thin to code
        strong.removeIf(c -> c.agent == null && c.target == null && c.place == null);
        // "Day seven of the fighting", "since the fighting began": the war itself, not an action of the day
        strong.removeIf(c -> c.agent == null && c.target == null && c.definiteNoun);
        // "setting fire to cars" in a riot, "intercepted" the rockets that were fired: part of the
        // violent event of the same sentence, not a development of its own
        boolean riot = strong.stream().anyMatch(c -> c.kind.type() == EventType.RIOTS || c.kind.type() == EventType.PROTESTS);
        boolean explosion = strong.stream().anyMatch(c -> c.kind.type() == EventType.EXPLOSIONS_REMOTE_VIOLENCE);
        strong.removeIf(c -> riot && c.kind == SubEventType.LOOTING_PROPERTY_DESTRUCTION
                || explosion && c.kind == SubEventType.DISRUPTED_WEAPONS_USE);
        if (strong.isEmpty() && !blockedStrong) {
            // a victim count alone is an event, unless it belongs to a threatened or denied action
            for (Candidate w : weak) {
                // "100 people have been killed": a toll with nobody named as doing it is not an event of its own
                if (w.agent == null) continue;
                strong.add(w);
            }
        }
        if (classifier == EventClassifier.NONE) return strong;
        java.util.Set<SubEventType> ruleKinds = new java.util.LinkedHashSet<>();
        for (Candidate c : strong) ruleKinds.add(c.kind);
        SentenceSignals signals = new SentenceSignals(java.util.Arrays.asList(stems), ruleKinds, triggerKinds, cancelled,
                hedged, actorSpans.stream().map(a -> a.actor().kind()).toList(), !placeSpans.isEmpty(), caption(s, toks));
        EventClassifier.Verdict v = classifier.classify(signals);
        if (v == null) return strong;
        SubEventType label = v.bestEvent();
        if (!strong.isEmpty()) {
            if (v.noEvent() >= VETO) return List.of(); // a flood, a visit, a robbery, a threat
            if (strong.size() == 1 && label != strong.get(0).kind && v.of(label) >= RELABEL_FLOOR
                    && v.of(label) >= RELABEL_RATIO * v.of(strong.get(0).kind)) {
                relabel(strong.get(0), label);
            }
            return strong;
        }
        if (blockedStrong || 1 - v.noEvent() < ADD || v.of(label) < ADD_FLOOR) return strong;
        Candidate c = new Candidate();
        c.kind = label;
        ActorSpan[] roles = pickRoles(label, actorSpans);
        c.agent = roles[0] == null ? null : roles[0].actor();
        c.target = roles[1] == null ? null : roles[1].actor();
        if (territorial(c.kind) && c.agent != null) relabel(c, c.kind);
        c.trigger = firstTrigger != null ? firstTrigger : firstVerb(text, toks);
        c.triggerStart = toks.get(0).start();
        c.evidence = new Evidence(s.text() != null ? s.text() : text.substring(s.start(), s.end()), s.start(), s.end());
        c.place = placeSpans.stream().filter(PlaceSpan::locative).map(PlaceSpan::place).findFirst()
                .orElse(placeSpans.isEmpty() ? null : placeSpans.get(0).place());
        c.fallbackPlace = fallbackPlace;
        c.placeInSentence = !placeSpans.isEmpty();
        c.date = date(dates, s, toks.get(0).start(), fallbackDate);
        c.confidence = Math.min(0.9, 1 - v.noEvent()) * (hedged ? 0.8 : 1.0);
        civiliansAreNotAgents(c);
        return List.of(c);
    }

    /**
     * The classifier's sub-type for the rules' event. Who took a town stays the rules' call (a state's
     * forces regain, anyone else overtakes); the roles of a protest follow ACLED's order.
     */
    private static void relabel(Candidate c, SubEventType label) {
        c.kind = label;
        if (territorial(label) && c.agent != null) {
            ActorKind k = c.agent.kind();
            c.kind = k == ActorKind.STATE_FORCES || k == ActorKind.INTERNATIONAL_FORCES
                    ? SubEventType.GOVERNMENT_REGAINS_TERRITORY : SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
        }
        boolean crowd = label.type() == EventType.PROTESTS || label.type() == EventType.RIOTS;
        boolean forcesFirst = label == SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        if (crowd && c.agent != null && c.target != null) {
            boolean agentIsForce = c.agent.kind() == ActorKind.STATE_FORCES;
            boolean targetIsCrowd = c.target.kind() == ActorKind.PROTESTERS || c.target.kind() == ActorKind.CIVILIANS;
            if (agentIsForce && targetIsCrowd && !forcesFirst || !agentIsForce && !targetIsCrowd && forcesFirst
                    && c.target.kind() == ActorKind.STATE_FORCES) {
                Actor a = c.agent;
                c.agent = c.target;
                c.target = a;
            }
        }
        if (crowd && !forcesFirst && c.agent != null && c.agent.kind() == ActorKind.CIVILIANS) c.agent = asProtesters(c.agent);
    }

    /**
     * Actor1 and actor2 for an event only the classifier saw, from the actors named in the sentence: the
     * crowd first in a protest or riot (the forces first when they used excessive force), the armed side
     * first against civilians, otherwise the order in which they are named.
     */
    private static ActorSpan[] pickRoles(SubEventType label, List<ActorSpan> spans) {
        List<ActorSpan> distinct = new ArrayList<>();
        for (ActorSpan a : spans) if (distinct.stream().noneMatch(d -> same(d, a))) distinct.add(a);
        ActorSpan crowd = first(distinct, ActorKind.PROTESTERS, ActorKind.CIVILIANS);
        ActorSpan force = first(distinct, ActorKind.STATE_FORCES);
        if (label == SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS) return new ActorSpan[] {force, crowd};
        if (label.type() == EventType.PROTESTS || label.type() == EventType.RIOTS) {
            return new ActorSpan[] {crowd, crowd == null ? null : force};
        }
        if (label.type() == EventType.VIOLENCE_AGAINST_CIVILIANS) {
            ActorSpan civilians = first(distinct, ActorKind.CIVILIANS);
            ActorSpan armed = distinct.stream().filter(a -> a != civilians).findFirst().orElse(null);
            return new ActorSpan[] {armed, civilians};
        }
        return new ActorSpan[] {distinct.isEmpty() ? null : distinct.get(0), distinct.size() > 1 ? distinct.get(1) : null};
    }

    private static ActorSpan first(List<ActorSpan> spans, ActorKind... kinds) {
        for (ActorSpan a : spans) for (ActorKind k : kinds) if (a.actor().kind() == k) return a;
        return null;
    }

    /** "LIVE: strikes continue", "Smoke rises over Rafah. (Photo: agency)": a headline or a caption, not a report. */
    private static boolean caption(Sentence s, List<Tok> toks) {
        String last = toks.get(toks.size() - 1).text();
        boolean punctuated = last.equals(".") || last.equals("!") || last.equals("?") || last.equals("\"") || last.equals(")");
        for (Tok t : toks) {
            String w = t.lower();
            if (w.equals("photo") || w.equals("photograph") || w.equals("live") && t.text().equals("LIVE")) return true;
        }
        return !punctuated;
    }

    private static String firstVerb(String text, List<Tok> toks) {
        for (Tok t : toks) if (t.tag() != null && t.tag().startsWith("VB")) return text.substring(t.start(), t.end());
        return toks.get(0).text();
    }

    /** The first trigger at i whose part-of-speech and cue conditions hold. */
    private Trigger pick(List<Trigger> options, List<Tok> toks, String[] stems, int i, boolean air) {
        for (Trigger t : options) {
            boolean noun = isNoun(toks, stems, i);
            if (t.has("noun") && !noun) continue;
            if (t.has("verb") && noun) continue;
            if (t.has("air") && !air) continue;
            if (t.has("strikecue") && !any("labour", stems)) continue;
            if (t.has("weapon") && !any("weapon", stems)) continue;
            return t;
        }
        return null;
    }

    /** Sub-type refinements that depend on who did it to whom and on the words around. */
    private void refine(Candidate c, Trigger t, String[] stems) {
        if (Objects.equals(c.agent, c.target)) c.target = null;
        if (t.has("territory") && c.agent != null) {
            ActorKind k = c.agent.kind();
            c.kind = k == ActorKind.STATE_FORCES || k == ActorKind.INTERNATIONAL_FORCES
                    ? SubEventType.GOVERNMENT_REGAINS_TERRITORY : SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
        }
        if (t.has("civilians")) reconsiderCivilians(c);
        if (t.has("protest") || t.has("riot")) {
            if (t.has("protest") && any("violent", stems)) {
                c.kind = SubEventType.VIOLENT_DEMONSTRATION;
            } else if (t.has("protest")) {
                if (any("excessive", stems)) c.kind = SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
                else if (any("intervention", stems)) c.kind = SubEventType.PROTEST_WITH_INTERVENTION;
                else if (c.kind.type() != EventType.PROTESTS) c.kind = SubEventType.PEACEFUL_PROTEST;
            }
            // "police dispersed demonstrators": the protesters are actor1, the police actor2 (ACLED);
            // but excessive force is coded with the forces that used it first
            boolean response = t.kind() == SubEventType.PROTEST_WITH_INTERVENTION
                    && c.kind != SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
            if (c.agent != null && c.agent.kind() == ActorKind.STATE_FORCES
                    && (response || c.target != null && c.target.kind() == ActorKind.PROTESTERS)) {
                Actor a = c.agent;
                c.agent = c.target;
                c.target = a;
            }
            if (c.agent != null && c.agent.kind() == ActorKind.CIVILIANS) c.agent = asProtesters(c.agent);
            if (c.agent == null) c.agent = new Actor("protesters", "Protesters", ActorKind.PROTESTERS, "protesters", null,
                    List.of());
        }
        if (c.kind.type() == EventType.BATTLES && c.agent != null && c.agent.kind() == ActorKind.PROTESTERS) {
            c.kind = SubEventType.VIOLENT_DEMONSTRATION; // "protesters clashed with troops"
        }
        if (c.kind == SubEventType.LOOTING_PROPERTY_DESTRUCTION && c.agent != null
                && c.agent.kind() == ActorKind.PROTESTERS) { // "demonstrators set fire to party offices"
            c.kind = SubEventType.VIOLENT_DEMONSTRATION;
        }
        if (c.kind == SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS && c.agent != null
                && c.agent.kind() == ActorKind.PROTESTERS && c.target != null
                && c.target.kind() == ActorKind.STATE_FORCES) {
            Actor a = c.agent;
            c.agent = c.target;
            c.target = a;
        }
    }

    /** ACLED never codes civilians as the ones who fight or strike: they are the targets. */
    private static void civiliansAreNotAgents(Candidate c) {
        if (c.agent == null || c.agent.kind() != ActorKind.CIVILIANS) return;
        if (c.kind.type() == EventType.PROTESTS || c.kind.type() == EventType.RIOTS) return;
        if (c.target == null) c.target = c.agent;
        c.agent = null;
    }

    private static void reconsiderCivilians(Candidate c) {
        if (c.target == null || c.kind.type() != EventType.BATTLES) return;
        if (c.target.kind() == ActorKind.CIVILIANS) {
            c.kind = SubEventType.ATTACK;
        } else if (c.target.kind() == ActorKind.PROTESTERS) {
            c.kind = SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        }
    }

    /** ACLED names protesters as such: "Civilians (Iraq)" who demonstrate are "Protesters (Iraq)". */
    private static Actor asProtesters(Actor civilians) {
        String name = civilians.canonical().startsWith("Civilians")
                ? "Protesters" + civilians.canonical().substring("Civilians".length()) : civilians.canonical();
        return new Actor(civilians.name(), name, ActorKind.PROTESTERS, "protesters", civilians.country(),
                civilians.mentions());
    }

    // ---- roles -------------------------------------------------------------------------------

    /** [agent, target] for the trigger at tokens [i, end). */
    private ActorSpan[] roles(List<Tok> toks, String[] stems, int i, int end, List<ActorSpan> spans) {
        for (ActorSpan a : spans) {
            if (a.from() <= i && end <= a.to()) { // "Israeli strikes", "suicide bombers": the actor is the action
                return new ActorSpan[] {a, objectAfter(toks, stems, a.to(), spans, null)};
            }
        }
        ActorSpan[] between = between(toks, stems, end, spans);
        if (between != null) return between;
        ActorSpan by = byPhrase(toks, stems, end, spans);
        if (isPassive(toks, stems, i)) {
            return new ActorSpan[] {by, subjectBefore(toks, stems, i, spans)};
        }
        if (isNoun(toks, stems, i)) {
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
            boolean quantity = lex.inGroup("quantity", stems[k]) || NUMBER.matcher(stems[k]).matches();
            if (!quantity && !onlyModifiers(stems, k, k + 1) && !lex.inGroup("particle", stems[k])) return null;
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
    private boolean pronounSubject(List<Tok> toks, String[] stems, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (lex.inGroup("pronoun", stems[k]) && !toks.get(k).text().equals("IT")) return true;
            if (!lex.inGroup("be", stems[k]) && !ADVERB.matcher(toks.get(k).lower()).matches()) return false;
        }
        return false;
    }

    /** "… but were repelled", "… and was captured": a verb (with its auxiliaries) right after "but" or "and". */
    private boolean joinedVerb(List<Tok> toks, String[] stems, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            String w = toks.get(k).lower();
            if (w.equals("but") || w.equals("and") || w.equals("yet")) return true;
            if (!lex.inGroup("be", stems[k]) && !ADVERB.matcher(w).matches()) return false;
        }
        return false;
    }

    /** "its drones struck", "their fighters stormed": a possessive and one noun right before the verb. */
    private boolean possessiveSubject(List<Tok> toks, String[] stems, int i) {
        if (i < 2 || isNoun(toks, stems, i)) return false;
        String p = toks.get(i - 2).lower();
        return (p.equals("its") || p.equals("their")) && isNoun(toks, stems, i - 1);
    }

    /** "said they", "says it had": the pronoun reports what the speaker did. */
    private boolean reportedSpeech(String[] stems, int pronoun) {
        int k = pronoun - 1;
        if (k >= 0 && stems[k].equals("that")) k--;
        return k >= 0 && lex.inGroup("reporting", stems[k]);
    }

    private int pronounAt(List<Tok> toks, String[] stems, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) if (lex.inGroup("pronoun", stems[k])) return k;
        return i;
    }

    /** "to retake": an infinitive of purpose, unless after "managed to", "went on to". */
    private boolean purpose(List<Tok> toks, String[] stems, int i) {
        if (i < 2 || !toks.get(i - 1).lower().equals("to")) return false;
        if (lex.inGroup("realised", stems[i - 2])) return false;
        return lex.cueAt(stems, i - 2) == null && (i < 3 || lex.cueAt(stems, i - 3) == null); // hedges decide alone
    }

    /** Who holds a rally or a strike is nearly always the subject of the sentence. */
    private boolean protestWord(String[] stems, int i) {
        for (Trigger t : lex.triggersAt(stems, i)) if (t.has("protest") || t.has("riot")) return true;
        return false;
    }

    private static boolean same(ActorSpan a, ActorSpan b) {
        return a != null && b != null && a.actor().canonical().equals(b.actor().canonical());
    }

    private ActorSpan fromPhrase(List<Tok> toks, int end, List<ActorSpan> spans) {
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
        while (and < toks.size() && and < first.to() + 3 && !toks.get(and).lower().equals("and")) and++;
        ActorSpan second = and < toks.size() ? firstSpanFrom(spans, and + 1, and + 5) : null;
        return new ActorSpan[] {first, second};
    }

    private ActorSpan byPhrase(List<Tok> toks, String[] stems, int end, List<ActorSpan> spans) {
        for (int k = end; k < toks.size() && k < end + 10; k++) {
            if (lex.inGroup("boundary", stems[k]) || toks.get(k).lower().equals(",")) return null;
            if (toks.get(k).lower().equals("by")) {
                ActorSpan a = firstSpanFrom(spans, k + 1, k + 6);
                if (a != null && onlyModifiers(stems, k + 1, a.from())) return a;
            }
        }
        return null;
    }

    /** The nearest actor before the trigger that is not the object of a preposition ("in Syria"). */
    private ActorSpan subjectBefore(List<Tok> toks, String[] stems, int i, List<ActorSpan> spans) {
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
        if (best == null && clauseStart > 0 && RELATIVE.contains(toks.get(clauseStart - 1).lower())) {
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
        for (int skipped = 0; k >= 0 && skipped < 2 && !stems[k].equals("and") && LOWER_WORD.matcher(stems[k]).matches()
                && !lex.inGroup("oblique", stems[k]) && !lex.inGroup("be", stems[k])
                && !lex.inGroup("boundary", stems[k]); skipped++) {
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
            if (a.from() > first.to() && a.from() <= first.to() + 3 && onlyModifiers(stems, first.to() + 1, a.from())) {
                // "Russian and Syrian jets": allies named together act together; only opponents fight each other
                boolean allies = a.actor().side() != null && a.actor().side().equals(first.actor().side());
                return same(a, first) || allies ? null : a;
            }
        }
        return null;
    }

    /** "a regime airstrike", "the rebels' assault", "Hezbollah's attack". */
    private ActorSpan modifierBefore(List<Tok> toks, String[] stems, int i, List<ActorSpan> spans) {
        for (ActorSpan a : spans) {
            if (a.actor().canonical().startsWith("Government of")) continue; // "Iraq protests", "the Syria war"
            if (a.to() <= i && i - a.to() <= 3 && onlyModifiers(stems, a.to(), i)) return a;
        }
        return null;
    }

    private boolean onlyModifiers(String[] stems, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!lex.inGroup("determiner", stems[k]) || stems[k].equals("of")) {
                // adjectives we do not list ("two-day", "fierce") are fine when lower-case words
                if (!ADJECTIVE.matcher(stems[k]).matches() || lex.inGroup("oblique", stems[k])
                        || lex.inGroup("be", stems[k]) || lex.inGroup("boundary", stems[k])) return false;
            }
        }
        return true;
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
    private List<ActorSpan> withNames(String text, List<Tok> toks, String[] stems, List<ActorSpan> known,
                                      List<PlaceSpan> places) {
        List<ActorSpan> out = new ArrayList<>(known);
        boolean[] taken = new boolean[toks.size()];
        for (ActorSpan a : known) for (int k = a.from(); k < a.to(); k++) taken[k] = true;
        for (PlaceSpan p : places) for (int k = p.at(); k < p.to() && k < taken.length; k++) taken[k] = true;
        int k = 0;
        while (k < toks.size()) {
            if (!capitalised(toks.get(k)) || taken[k] || lex.inGroup("notname", stems[k])) { k++; continue; }
            int from = k;
            int to = k + 1;
            while (to < toks.size() && !taken[to] && (capitalised(toks.get(to)) && !lex.inGroup("notname", stems[to])
                    || (toks.get(to).lower().equals("of") || toks.get(to).lower().equals("for"))
                    && to + 1 < toks.size() && capitalised(toks.get(to + 1)))) {
                to++;
            }
            // one capitalised word is too often a place, a demonym or a brand; names need two words or an acronym
            boolean acronym = to - from == 1 && toks.get(from).text().length() >= 3
                    && toks.get(from).text().equals(toks.get(from).text().toUpperCase(Locale.ROOT));
            if (to - from < 2 && !acronym) { k = to; continue; }
            if (lex.triggersAt(stems, from).isEmpty()) {
                String name = text.substring(toks.get(from).start(), toks.get(to - 1).end());
                out.add(new ActorSpan(from, to, new Actor(name, name, ActorKind.OTHER, null, null,
                        List.of(new Span(toks.get(from).start(), toks.get(to - 1).end())))));
            }
            k = to;
        }
        out.sort(Comparator.comparingInt(ActorSpan::from));
        return out;
    }

    private static boolean properNoun(Tok t) {
        String w = t.text();
        return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT));
    }

    /** Headlines in Title Case capitalise every word, actions included. */
    private static boolean titleCase(List<Tok> toks) {
        int words = 0;
        int capitals = 0;
        for (Tok t : toks) {
            if (t.text().length() <= 3 || !Character.isLetter(t.text().charAt(0))) continue;
            words++;
            if (Character.isUpperCase(t.text().charAt(0))) capitals++;
        }
        return words >= 3 && capitals * 10 >= words * 7;
    }

    private static boolean capitalised(Tok t) {
        return !t.text().isEmpty() && Character.isUpperCase(t.text().charAt(0));
    }

    // ---- word classes without a parser ---------------------------------------------------------

    private boolean isNoun(List<Tok> toks, String[] stems, int i) {
        String tag = toks.get(i).tag();
        if (tag != null && !tag.isEmpty()) return tag.startsWith("NN");
        if (i == 0) return true; // headline style "Clashes in …", "Airstrike kills …"
        String prev = toks.get(i - 1).lower();
        if (prev.equals("to")) return false; // "attempted to storm"; "attack to" is rare
        if (lex.inGroup("determiner", stems[i - 1]) || prev.endsWith("'s") || prev.endsWith("\u2019s")
                || NUMBER.matcher(prev).matches()) return true;
        if (lex.inGroup("be", stems[i - 1])) return false;
        String w = toks.get(i).lower();
        if (w.endsWith("ed")) return false;
        if (prev.endsWith("ed") && prev.length() > 4) return true; // "reimposed blockades": the object of a verb
        if (i + 1 < toks.size()) {
            String next = toks.get(i + 1).lower();
            if (next.equals("on") || next.equals("against") || next.equals("between") || next.equals("by")) return true;
        }
        // after a preposition or a verb-like word, a word ending in -ion, -ment, -ing is a noun
        return w.endsWith("ion") || w.endsWith("ment") || lex.inGroup("oblique", stems[i - 1]);
    }

    private boolean isPassive(List<Tok> toks, String[] stems, int i) {
        String tag = toks.get(i).tag();
        String w = toks.get(i).lower();
        boolean participle = tag != null && !tag.isEmpty() ? tag.equals("VBN")
                : w.endsWith("ed") || w.endsWith("en") || w.equals("shot") || w.equals("hit") || w.equals("struck")
                        || w.equals("overrun") || w.equals("beaten") || w.equals("held");
        if (!participle) return false;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (lex.inGroup("be", stems[k]) && !toks.get(k).text().equals("IS")) return !isPerfect(toks, k);
            if (!ADVERB.matcher(toks.get(k).lower()).matches()) return false;
        }
        return false;
    }

    /** "has attacked" is active; "has been attacked" passive (the "been" is what counts). */
    private static boolean isPerfect(List<Tok> toks, int k) {
        String w = toks.get(k).lower();
        return w.equals("has") || w.equals("have") || w.equals("had");
    }

    private boolean any(String group, String[] stems) {
        for (String s : stems) if (lex.inGroup(group, s)) return true;
        return false;
    }

    private static String[] stems(ActorSpan a, List<Tok> toks) {
        String[] out = new String[a.to() - a.from()];
        for (int k = a.from(); k < a.to(); k++) out[k - a.from()] = toks.get(k).stem();
        return out;
    }

    // ---- modality ------------------------------------------------------------------------------

    private double sentenceWideFactor(String[] stems) {
        double f = 1.0;
        for (int k = 0; k < stems.length; k++) {
            Cue c = lex.cueAt(stems, k);
            if (c != null && c.sentenceWide()) f = Math.min(f, c.factor());
        }
        return f;
    }

    /** Cues in the few words before the trigger, within its clause. */
    private double cueFactor(List<Tok> toks, String[] stems, int i) {
        double f = 1.0;
        for (int k = i - 1; k >= 0; k--) {
            String w = toks.get(k).lower();
            if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("(") || w.equals("\u2014")
                    || (lex.inGroup("boundary", stems[k]) && !w.equals("if") && !w.equals("unless"))) break;
            boolean near = k >= i - CUE_WINDOW;
            if (near && (w.endsWith("n't") || w.endsWith("n\u2019t"))) return 0;
            Cue c = lex.cueAt(stems, k);
            if (c == null || c.sentenceWide() || k + c.stems().length > i) continue;
            if (near || c.wholeClause()) f = Math.min(f, c.factor());
        }
        return f;
    }

    // ---- place and date ------------------------------------------------------------------------

    /**
     * Where an action happened when its sentence names no place: "the town" or "the city" is the
     * last town named before; otherwise the dateline's place, else the place the article is about.
     */
    private Place fallbackPlace(List<Tok> toks, Sentence s, List<Mentioned<Place>> places, Place dateline, Place focus) {
        for (int k = 1; k < toks.size(); k++) {
            if (!toks.get(k - 1).lower().equals("the") || !lex.inGroup("settlement", toks.get(k).stem())) continue;
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
    private static Place focus(List<Place> places) {
        Place best = null;
        for (Precision level : new Precision[] {Precision.ADMIN2, Precision.ADMIN1, Precision.COUNTRY}) {
            for (Place p : places) {
                if (p.precision() != null && p.precision().compareTo(level) > 0 || p.mentions() == null) continue;
                if (best == null || p.mentions().size() > best.mentions().size()
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

    private Place place(List<PlaceSpan> spans, String[] stems, int i, int end, Place dateline) {
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
    private static DateRange dominantDate(List<Sentence> sentences, List<Mentioned<TimeExpression>> dates,
                                          LocalDate published) {
        int leadEnd = sentences.isEmpty() ? 0 : sentences.get(Math.min(2, sentences.size() - 1)).end();
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

    /** The most mentioned state or international force of the document, other than {@code not}. */
    private static Actor airPower(List<Actor> actors, Actor not) {
        Actor best = null;
        for (Actor a : actors) {
            if (a.kind() != ActorKind.STATE_FORCES && a.kind() != ActorKind.INTERNATIONAL_FORCES) continue;
            if (a.canonical().startsWith("Government of") || "neutral".equals(a.side()) || a.mentions() == null) continue;
            if (not != null && (a.canonical().equals(not.canonical()) || Objects.equals(a.side(), not.side()))) continue;
            if (best == null || a.mentions().size() > best.mentions().size()) best = a;
        }
        return best;
    }

    /** The most mentioned state force (or non-state armed group) of the document, other than {@code not}. */
    private static Actor mainForce(List<Actor> actors, boolean state, Actor not) {
        Actor best = null;
        for (Actor a : actors) {
            if (a.canonical().equals(not.canonical()) || a.canonical().startsWith("Government of")) continue;
            boolean isState = a.kind() == ActorKind.STATE_FORCES;
            boolean isArmedGroup = a.kind() == ActorKind.REBEL_GROUP || a.kind() == ActorKind.JIHADIST_GROUP
                    || a.kind() == ActorKind.MILITIA;
            if (state ? !isState : !isArmedGroup) continue;
            if (not.country() != null && a.country() != null && !not.country().equals(a.country()) && state) continue;
            if (best == null || a.mentions().size() > best.mentions().size()) best = a;
        }
        return best;
    }

    /** Only "the", "town", "of", "northern" … between an action and a place. */
    private boolean placeWordsOnly(String[] stems, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!lex.inGroup("determiner", stems[k]) && !PLACE_WORD.matcher(stems[k]).matches()) return false;
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

    private static DateRange date(List<Mentioned<TimeExpression>> dates, Sentence s, int triggerStart,
                                  DateRange fallback) {
        TimeExpression best = null;
        for (Mentioned<TimeExpression> m : within(dates, s.start(), s.end())) {
            TimeExpression t = m.value();
            if (t.span().start() < s.start() || t.span().end() > s.end()) continue;
            if (best == null || Math.abs(t.span().start() - triggerStart) < Math.abs(best.span().start() - triggerStart)) {
                best = t;
            }
        }
        if (best != null) return best.range();
        return fallback;
    }

    /** "BEIRUT (Reuters) -": a place at the start of a line followed by an agency or a dash. */
    private static Place dateline(String text, List<Place> places) {
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

    private static EventPlace eventPlace(Place p) {
        if (p == null) return null;
        return new EventPlace(p.name(), p.lat(), p.lon(), p.precision(), p.country(), p.admin1(), p.gazetteerId());
    }

    // ---- merging -------------------------------------------------------------------------------

    /** The same action named twice (headline and body, "the offensive … the assault") is one event. */
    private static List<Candidate> merge(List<Candidate> in) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : in) {
            Candidate into = null;
            for (int k = Math.max(0, out.size() - MERGE_REACH); k < out.size(); k++) {
                if (compatible(out.get(k), c)) {
                    into = out.get(k);
                    break;
                }
            }
            if (into == null) {
                out.add(c);
                continue;
            }
            boolean better = c.filled() > into.filled() || (c.filled() == into.filled() && c.confidence > into.confidence);
            if (better) {
                into.evidence = c.evidence;
                into.trigger = c.trigger;
                into.triggerStart = c.triggerStart;
            }
            boolean swapped = !(fits(into.agent, c.agent) && fits(into.target, c.target));
            Actor cAgent = swapped ? c.target : c.agent;
            Actor cTarget = swapped ? c.agent : c.target;
            if (into.agent == null) into.agent = cAgent;
            if (into.target == null) into.target = cTarget;
            if (into.place == null) into.place = c.place;
            if (into.date == null || into.date.text() == null && c.date != null && c.date.text() != null) into.date = c.date;
            boolean moreSpecific = generic(into.kind) && !generic(c.kind)
                    || into.evidence.start() == c.evidence.start() && words(c.trigger) > words(into.trigger);
            if (moreSpecific) {
                into.kind = c.kind;
                // "IS attacked the army … the army retook the villages from IS": who took the town is actor1
                if (swapped && territorial(c.kind)) {
                    Actor a = into.agent;
                    into.agent = into.target;
                    into.target = a;
                }
            }
            into.confidence = Math.min(1.0, Math.max(into.confidence, c.confidence) + 0.05);
        }
        out.sort(Comparator.comparingInt(c -> c.triggerStart));
        return out;
    }

    private static int words(String phrase) { return phrase.split("\\s+").length; }

    private static boolean generic(SubEventType kind) {
        return kind == SubEventType.ARMED_CLASH || kind == SubEventType.OTHER || kind == SubEventType.ATTACK
                || kind == SubEventType.PEACEFUL_PROTEST;
    }

    /** A town or area changing hands by force. */
    private static boolean territorial(SubEventType kind) {
        return kind == SubEventType.GOVERNMENT_REGAINS_TERRITORY || kind == SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
    }

    private static boolean compatible(Candidate a, Candidate b) {
        if (a.kind.type() != b.kind.type()) return false;
        boolean sameSentence = a.evidence.start() == b.evidence.start();
        if (!sameSentence && a.kind != b.kind && !generic(a.kind) && !generic(b.kind)) return false;
        // "troops recaptured Mukalla a year after AQAP overran it": a town changing hands twice is two actions
        if (territorial(a.kind) && territorial(b.kind) && a.kind != b.kind) return false;
        boolean sameSides = fits(a.agent, b.agent) && fits(a.target, b.target)
                && !crossed(a.agent, b.target) && !crossed(a.target, b.agent);
        // "militants attacked Samarra … were repelled by troops": one clash told from either side
        boolean swapped = a.kind.type() == EventType.BATTLES && fits(a.agent, b.target) && fits(a.target, b.agent)
                && (same(a.agent, b.target) || same(a.target, b.agent)); // one side at least named in both
        if (!sameSides && !swapped) return false;
        boolean sameSentence2 = a.evidence.start() == b.evidence.start();
        boolean anchored = same(a.agent, b.agent) || same(a.target, b.target) || swapped && same(a.agent, b.target)
                || a.place != null && b.place != null && samePlace(a.place, b.place);
        if (!sameSentence2 && !anchored) return false; // nothing shared but a type: two actions
        if (a.place != null && b.place != null && !samePlace(a.place, b.place)) return false;
        if (a.place == null && b.place == null && a.agent == null && b.agent == null && a.target == null
                && b.target == null && a.evidence.start() != b.evidence.start()) {
            return false; // nothing to tell two bare mentions apart: keep both
        }
        if (a.date != null && b.date != null && a.date.text() != null && b.date.text() != null) {
            return !a.date.latest().isBefore(b.date.earliest()) && !b.date.latest().isBefore(a.date.earliest());
        }
        return true;
    }

    private static boolean same(Actor x, Actor y) {
        return x != null && y != null && x.canonical().equals(y.canonical());
    }

    /** The agent of one is the target of the other: not the same action seen twice. */
    private static boolean crossed(Actor x, Actor y) { return same(x, y); }

    private static boolean fits(Actor x, Actor y) {
        return x == null || y == null || x.canonical().equals(y.canonical());
    }

    /** The same place, or a district and its town ("Baba Amr" and "Homs"): within a few kilometres. */
    private static boolean samePlace(Place a, Place b) {
        if (a.gazetteerId() == b.gazetteerId() && a.name().equals(b.name())) return true;
        boolean district = a.precision() == Precision.NEIGHBOURHOOD || b.precision() == Precision.NEIGHBOURHOOD;
        return district && org.sitrep.analysis.places.Geoparser.km(a.lat(), a.lon(), b.lat(), b.lon()) <= 10;
    }

    // ---- tokens, actors and places per sentence ---------------------------------------------------

    private static List<Sentence> sentences(CleanText clean) {
        if (clean.sentences() != null && !clean.sentences().isEmpty()) return clean.sentences();
        List<Sentence> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(clean.text());
        while (m.find()) {
            if (m.group().isBlank()) continue;
            out.add(new Sentence(out.size(), m.start(), m.end(), m.group(), null));
        }
        return out;
    }

    private static List<Tok> tokens(String text, Sentence s) {
        List<Tok> out = new ArrayList<>();
        if (s.tokens() != null && !s.tokens().isEmpty()) {
            for (Token t : s.tokens()) {
                String lower = t.text().toLowerCase(Locale.ROOT);
                String lemma = t.lemma() != null && !t.lemma().isBlank() && !t.lemma().equals("O") ? t.lemma() : null;
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
            out.add(new Tok(base + m.start(), base + m.start() + w.length(), w, w.toLowerCase(Locale.ROOT),
                    TriggerLexicon.stem(w), null));
        }
        return out;
    }

    /** A mention of something (actor, place) at [start, end). */
    private record Mentioned<T>(int start, int end, T value) {}

    private static <T> List<Mentioned<T>> index(List<T> things, Function<T, List<Span>> mentions) {
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
    private static <T> List<Mentioned<T>> within(List<Mentioned<T>> sorted, int first, int last) {
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

    private static List<ActorSpan> actorSpans(List<Tok> toks, List<Mentioned<Actor>> actors) {
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

    private List<PlaceSpan> placeSpans(List<Tok> toks, List<Mentioned<Place>> places) {
        List<PlaceSpan> out = new ArrayList<>();
        int first = toks.get(0).start();
        int last = toks.get(toks.size() - 1).end();
        Map<Integer, Boolean> seen = new HashMap<>();
        for (Mentioned<Place> pm : within(places, first, last)) {
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
                    if (lex.inGroup("locative", st)) { locative = true; break; }
                    if (!lex.inGroup("determiner", st) && !Character.isUpperCase(toks.get(k).text().charAt(0))
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
