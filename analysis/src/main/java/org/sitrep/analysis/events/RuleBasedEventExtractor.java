package org.sitrep.analysis.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventType;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.SubEventType;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.events.TriggerLexicon.Trigger;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.TokenisedText;

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
    /** Longest stretch of tokens read as one unit; keeps every look-around bounded. */
    private static final int MAX_TOKENS = 150;

    private static final Pattern PEOPLE_OF = Pattern.compile("(?:Civilians|Protesters)( \\(.+\\))");

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
    /**
     * The role model's choice of actor1 (or actor2) replaces the rules' when it is at least this likely (set by
     * cross-validation on the training split: lower lets it fill an actor2 the rules missed, higher keeps more
     * of the rules' wrong choices).
     */
    static final double PICK = 0.3;

    private final TriggerLexicon lex;
    private final EventClassifier classifier;
    private final ActorRolePicker rolePicker;
    private final RoleFeatures roleFeatures;
    private final WordClasses words;
    private final Modality modality;
    private final RoleLabeller labeller;
    private final SubTypeRules subTypes;
    private final PlaceAndDate whereWhen;

    /** The rules alone. */
    public RuleBasedEventExtractor() {
        this(TriggerLexicon.load(), EventClassifier.NONE);
    }

    public RuleBasedEventExtractor(TriggerLexicon lex) {
        this(lex, EventClassifier.NONE);
    }

    /** The rules with a learned classifier in the slot where it decides the sub-type and whether there is an event. */
    public RuleBasedEventExtractor(EventClassifier classifier) {
        this(TriggerLexicon.load(), classifier);
    }

    public RuleBasedEventExtractor(TriggerLexicon lex, EventClassifier classifier) {
        this(lex, classifier, ActorRolePicker.NONE);
    }

    /** The rules with learned models in both slots: the event classifier and the actor-role picker. */
    public RuleBasedEventExtractor(EventClassifier classifier, ActorRolePicker rolePicker) {
        this(TriggerLexicon.load(), classifier, rolePicker);
    }

    public RuleBasedEventExtractor(TriggerLexicon lex, EventClassifier classifier, ActorRolePicker rolePicker) {
        this.rolePicker = Objects.requireNonNull(rolePicker);
        this.lex = Objects.requireNonNull(lex);
        this.classifier = Objects.requireNonNull(classifier);
        this.words = new WordClasses(lex);
        this.modality = new Modality(lex);
        this.labeller = new RoleLabeller(lex, words);
        this.subTypes = new SubTypeRules(words);
        this.whereWhen = new PlaceAndDate(lex);
        this.roleFeatures = new RoleFeatures(words);
    }

    /** The classifier in the learned slot ({@link EventClassifier#NONE} for rules alone). */
    public EventClassifier classifier() {
        return classifier;
    }

    @Override
    public String model() {
        String roles = rolePicker.version();
        if (roles.isEmpty()) return classifier.version();
        return classifier.version().isEmpty() ? roles : classifier.version() + "+" + roles;
    }

    /** The actor-role picker in its learned slot ({@link ActorRolePicker#NONE} for the rules' roles). */
    public ActorRolePicker rolePicker() {
        return rolePicker;
    }

    @Override
    public List<Event> extract(
            TokenisedText document, List<Place> places, List<Actor> actors, List<TimeExpression> dates) {
        if (document == null || document.text() == null || document.text().isBlank()) return List.of();
        String text = document.text();
        List<Place> ps = places == null ? List.of() : places;
        List<Actor> as = actors == null ? List.of() : actors;
        List<TimeExpression> ds = dates == null ? List.of() : dates;
        Place dateline = PlaceAndDate.dateline(text, ps);
        List<Candidate> candidates = new ArrayList<>();
        Actor[] lastAgent = new Actor[1]; // the agent of the latest action, for "they" in the next one
        List<Mentioned<Actor>> actorIndex = SentenceText.index(as, Actor::mentions);
        List<Mentioned<Place>> placeIndex = SentenceText.index(ps, Place::mentions);
        List<Mentioned<TimeExpression>> dateIndex = SentenceText.index(
                ds.stream().filter(d -> d.span() != null && d.range() != null).toList(), d -> List.of(d.span()));
        List<Sentence> sentences = SentenceText.sentences(document);
        DateRange fallbackDate = PlaceAndDate.dominantDate(sentences, dateIndex, document.published());
        Place focus = PlaceAndDate.focus(ps);
        boolean[] furniture = PageFurniture.of(text, sentences);
        for (int k = 0; k < sentences.size(); k++) {
            Sentence s = sentences.get(k);
            int before = candidates.size();
            List<Tok> all = SentenceText.tokens(text, s);
            Place fallbackPlace = whereWhen.fallbackPlace(all, s, placeIndex, dateline, focus);
            // very long "sentences" (lists, text without punctuation) are read in bounded pieces
            for (int from = 0; from < all.size(); from += MAX_TOKENS) {
                List<Tok> toks = all.subList(from, Math.min(all.size(), from + MAX_TOKENS));
                candidates.addAll(sentenceEvents(
                        text,
                        s,
                        toks,
                        placeIndex,
                        actorIndex,
                        dateIndex,
                        fallbackDate,
                        dateline,
                        fallbackPlace,
                        lastAgent));
            }
            for (int c = before; c < candidates.size(); c++) candidates.get(c).furniture = furniture[k];
        }
        List<Candidate> merged = EventMerger.merge(candidates);
        // roles are re-read once per event, from the sentence that is its evidence, after merging: the
        // picker may not split or join what the rules told apart or together
        if (rolePicker != ActorRolePicker.NONE) for (Candidate c : merged) learnedRoles(c);
        // a headline, caption, tag line or watch list the body does not bear out is no event
        merged.removeIf(c -> c.furniture);
        // a town changes hands between two sides: when the text names only the taker, the other side is
        // the document's main force of the other kind (ACLED codes both)
        for (Candidate c : merged) {
            if (c.target != null || c.agent == null || !SubTypeRules.territorial(c.kind)) continue;
            boolean governmentTook = c.kind == SubEventType.GOVERNMENT_REGAINS_TERRITORY;
            c.target = DocumentSides.mainForce(as, !governmentTook, c.agent);
        }
        // "Warplanes struck …", "an air strike killed …": in these wars only states and the coalitions they
        // lead strike from the air, so an air strike with no one named is the document's main air power's
        for (Candidate c : merged) {
            if (c.agent != null || !DocumentSides.REMOTE_BY_STATES.contains(c.kind)) continue;
            c.agent = DocumentSides.airPower(as, c.target);
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
            if (c.agent != null
                    && c.agent.canonical().equals("Protesters")
                    && c.place != null
                    && countrySuffix.containsKey(c.place.country())) {
                c.agent = new Actor(
                        c.agent.name(),
                        "Protesters" + countrySuffix.get(c.place.country()),
                        ActorKind.PROTESTERS,
                        "protesters",
                        c.place.country(),
                        c.agent.mentions());
            }
            if (c.confidence < MIN_CONFIDENCE) continue;
            if (c.agent != null && c.target != null && c.agent.canonical().equals(c.target.canonical()))
                c.target = null;
            events.add(new Event(
                    c.kind.type().label(),
                    c.kind.label(),
                    c.agent == null ? null : c.agent.canonical(),
                    c.target == null ? null : c.target.canonical(),
                    PlaceAndDate.eventPlace(c.place),
                    c.date,
                    c.trigger,
                    c.evidence,
                    Math.round(c.confidence * 100) / 100.0));
        }
        return events;
    }

    private List<Candidate> sentenceEvents(
            String text,
            Sentence s,
            List<Tok> toks,
            List<Mentioned<Place>> places,
            List<Mentioned<Actor>> actors,
            List<Mentioned<TimeExpression>> dates,
            DateRange fallbackDate,
            Place dateline,
            Place fallbackPlace,
            Actor[] lastAgent) {
        int n = toks.size();
        if (n == 0) return List.of();
        String[] stems = toks.stream().map(Tok::stem).toArray(String[]::new);
        List<ActorSpan> actorSpans = SentenceText.actorSpans(toks, actors);
        List<PlaceSpan> placeSpans = whereWhen.placeSpans(toks, places);
        // "struck", "hit", "bombed" are air strikes with an aircraft in view, or when a state's forces are
        // the ones acting: in these conflicts states strike from the air
        boolean air = words.any("air", stems)
                || actorSpans.stream()
                        .anyMatch(a -> words.any("air", WordClasses.stems(a, toks))
                                || a.actor().kind() == ActorKind.STATE_FORCES
                                || a.actor().kind() == ActorKind.INTERNATIONAL_FORCES);

        List<Candidate> strong = new ArrayList<>();
        List<Candidate> weak = new ArrayList<>();
        List<int[]> weakRoles = new ArrayList<>();
        double sentenceFactor = modality.sentenceWideFactor(stems);
        boolean titleCase = WordClasses.titleCase(toks);
        boolean blockedStrong = false;
        java.util.Set<SubEventType> triggerKinds = new java.util.LinkedHashSet<>();
        boolean cancelled = false;
        boolean hedged = false;
        String firstTrigger = null;
        int firstTriggerToken = 0;
        int firstTriggerEnd = 1;
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
            if (i > 0 && !titleCase && WordClasses.properNoun(toks.get(i))) continue;
            // "intercepted the missile", "defused an IED": the object names the weapon of the action before it
            if (lastEnd >= 0 && lastEnd < i && words.isNoun(toks, stems, i) && words.onlyModifiers(stems, lastEnd, i)) {
                i = end - 1;
                continue;
            }
            double factor = sentenceFactor * modality.cueFactor(toks, stems, i);
            if (modality.purpose(toks, stems, i))
                factor *= strong.isEmpty() ? 0.5 : 0; // "an offensive to retake the city"
            if (factor <= 0 && !t.has("weak")) blockedStrong = true;
            triggerKinds.add(t.kind());
            cancelled |= factor <= 0;
            hedged |= factor > 0 && factor < 1;
            if (firstTrigger == null) {
                firstTrigger =
                        text.substring(toks.get(i).start(), toks.get(end - 1).end());
                firstTriggerToken = i;
                firstTriggerEnd = end;
            }
            if (!t.has("weak")) lastEnd = end;
            Candidate c = new Candidate();
            c.kind = t.kind();
            c.trigger = text.substring(toks.get(i).start(), toks.get(end - 1).end());
            c.triggerStart = toks.get(i).start();
            c.toks = toks;
            c.actors = actorSpans;
            c.triggerToken = i;
            c.triggerEnd = end;
            c.evidence =
                    new Evidence(s.text() != null ? s.text() : text.substring(s.start(), s.end()), s.start(), s.end());
            ActorSpan[] roles = labeller.roles(toks, stems, i, end, actorSpans);
            if (roles[0] == null && roles[1] == null) {
                // nobody from the dictionary: try names the dictionary does not know ("the APEC forum")
                roles = labeller.roles(
                        toks, stems, i, end, labeller.withNames(text, toks, stems, actorSpans, placeSpans));
            }
            c.agent = roles[0] == null ? null : roles[0].actor();
            c.target = roles[1] == null ? null : roles[1].actor();
            boolean possessive = c.agent == null && labeller.possessiveSubject(toks, stems, i);
            if (labeller.pronounSubject(toks, stems, i) || possessive) {
                // "Police said they had arrested …": the subject of the reporting verb; "militants overran
                // Mosul …, and on Wednesday they seized Tikrit": the agent of the clause before; else the
                // last agent ("its drones struck …" likewise)
                int pronoun = possessive ? i - 2 : labeller.pronounAt(toks, stems, i);
                Actor antecedent;
                if (!labeller.reportedSpeech(stems, pronoun)
                        && !strong.isEmpty()
                        && strong.get(strong.size() - 1).agent != null) {
                    antecedent = strong.get(strong.size() - 1).agent;
                } else {
                    ActorSpan inSentence = labeller.subjectBefore(toks, stems, pronoun, actorSpans);
                    antecedent = inSentence != null ? inSentence.actor() : lastAgent[0];
                }
                if (antecedent != null && !antecedent.equals(c.target)) c.agent = antecedent;
            }
            // "militants attacked Samarra but were repelled by troops": the shared subject of a joined passive is its
            // target
            if (c.target == null
                    && !strong.isEmpty()
                    && words.isPassive(toks, stems, i)
                    && labeller.joinedVerb(toks, stems, i)) {
                Actor first = strong.get(strong.size() - 1).agent;
                if (first != null && !first.equals(c.agent)) c.target = first;
            }
            // "abducted women … and executed men": a verb joined by "and" shares the first one's subject
            if (i > 0 && toks.get(i - 1).lower().equals("and") && !strong.isEmpty() && !words.isNoun(toks, stems, i)) {
                Actor first = strong.get(strong.size() - 1).agent;
                if (first != null && !first.equals(c.target)) c.agent = first;
            }
            if (c.agent != null && factor > 0 && !t.has("weak")) lastAgent[0] = c.agent;
            c.place = whereWhen.place(placeSpans, stems, i, end, dateline);
            c.fallbackPlace = fallbackPlace;
            c.placeInSentence = !placeSpans.isEmpty();
            c.definiteNoun = i > 0 && toks.get(i - 1).lower().equals("the") && words.isNoun(toks, stems, i);
            c.date = PlaceAndDate.date(dates, s, toks.get(i).start(), fallbackDate);
            c.confidence = (t.has("weak") ? 0.6 : 0.8) + (c.agent != null ? 0.1 : 0) + (c.place != null ? 0.05 : 0);
            if (c.date != null && c.date.text() == null) c.confidence -= 0.1;
            c.confidence = Math.min(1.0, c.confidence) * factor;
            if (c.confidence <= 0) {
                i = end - 1;
                continue;
            }
            if (t.has("protesteragent")
                    && (c.agent == null
                            || c.agent.kind() != ActorKind.PROTESTERS && c.agent.kind() != ActorKind.CIVILIANS)) {
                i = end - 1; // "troops gathered": not a protest
                continue;
            }
            if (t.has("agentafter")) { // "Saraqib fell to government forces"
                c.agent = roles[1] == null ? null : roles[1].actor();
                c.target = null;
            }
            if (t.has("territory")) {
                ActorSpan from = labeller.fromPhrase(toks, end, actorSpans); // "retook the villages from IS"
                if (from != null && !from.actor().equals(c.agent)) c.target = from.actor();
            }
            subTypes.refine(c, t, stems);
            SubTypeRules.civiliansAreNotAgents(c);
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
            for (Candidate c : strong) SubTypeRules.reconsiderCivilians(c);
        }
        // an action with nobody and nowhere attached ("fighting was quiet") is too thin to code
        strong.removeIf(c -> c.agent == null && c.target == null && c.place == null);
        // "Day seven of the fighting", "since the fighting began": the war itself, not an action of the day
        strong.removeIf(c -> c.agent == null && c.target == null && c.definiteNoun);
        // "setting fire to cars" in a riot, "intercepted" the rockets that were fired: part of the
        // violent event of the same sentence, not a development of its own
        boolean riot =
                strong.stream().anyMatch(c -> c.kind.type() == EventType.RIOTS || c.kind.type() == EventType.PROTESTS);
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
        SentenceSignals signals = new SentenceSignals(
                java.util.Arrays.asList(stems),
                ruleKinds,
                triggerKinds,
                cancelled,
                hedged,
                actorSpans.stream().map(a -> a.actor().kind()).toList(),
                !placeSpans.isEmpty(),
                SentenceText.caption(s, toks));
        EventClassifier.Verdict v = classifier.classify(signals);
        if (v == null) return strong;
        SubEventType label = v.bestEvent();
        if (!strong.isEmpty()) {
            if (v.noEvent() >= VETO) return List.of(); // a flood, a visit, a robbery, a threat
            if (strong.size() == 1
                    && label != strong.get(0).kind
                    && v.of(label) >= RELABEL_FLOOR
                    && v.of(label) >= RELABEL_RATIO * v.of(strong.get(0).kind)) {
                SubTypeRules.relabel(strong.get(0), label);
            }
            return strong;
        }
        if (blockedStrong || 1 - v.noEvent() < ADD || v.of(label) < ADD_FLOOR) return strong;
        Candidate c = new Candidate();
        c.kind = label;
        ActorSpan[] roles = NamedActorRoles.pickRoles(label, actorSpans);
        c.agent = roles[0] == null ? null : roles[0].actor();
        c.target = roles[1] == null ? null : roles[1].actor();
        if (SubTypeRules.territorial(c.kind) && c.agent != null) SubTypeRules.relabel(c, c.kind);
        c.trigger = firstTrigger != null ? firstTrigger : SentenceText.firstVerb(text, toks);
        c.triggerStart = toks.get(0).start();
        c.toks = toks;
        c.actors = actorSpans;
        c.triggerToken = firstTriggerToken;
        c.triggerEnd = firstTriggerEnd;
        c.evidence = new Evidence(s.text() != null ? s.text() : text.substring(s.start(), s.end()), s.start(), s.end());
        c.place = placeSpans.stream()
                .filter(PlaceSpan::locative)
                .map(PlaceSpan::place)
                .findFirst()
                .orElse(placeSpans.isEmpty() ? null : placeSpans.get(0).place());
        c.fallbackPlace = fallbackPlace;
        c.placeInSentence = !placeSpans.isEmpty();
        c.date = PlaceAndDate.date(dates, s, toks.get(0).start(), fallbackDate);
        c.confidence = Math.min(0.9, 1 - v.noEvent()) * (hedged ? 0.8 : 1.0);
        SubTypeRules.civiliansAreNotAgents(c);
        return List.of(c);
    }

    /**
     * The role model's reading of who is actor1 and actor2, where it is likely enough ({@link #PICK}); the rules'
     * reading stands for a role it is not sure of. Who took a town and civilians as targets stay ACLED's rules.
     */
    private void learnedRoles(Candidate c) {
        RoleCandidates event = roleFeatures.of(c);
        if (event.size() == 0) return;
        double[][] p = rolePicker.score(event);
        if (p == null) return;
        Actor agent = c.agent;
        int first = likeliest(p, 0, -1);
        if (first >= 0 && p[first][0] >= PICK)
            agent = event.candidates().get(first).actor();
        // who took a town decides its sub-type; a new actor1 of the other kind would contradict the rules' reading
        if (SubTypeRules.territorial(c.kind) && agent != null && c.agent != null && state(agent) != state(c.agent)) {
            agent = c.agent;
        }
        int agentAt = -1;
        for (int k = 0; k < event.size(); k++) if (event.candidates().get(k).actor() == agent) agentAt = k;
        Actor target = c.target;
        int second = likeliest(p, 1, agentAt);
        if (second >= 0 && p[second][1] >= PICK)
            target = event.candidates().get(second).actor();
        if (target != null && agent != null && target.canonical().equals(agent.canonical())) target = null;
        boolean changed = agent != c.agent;
        c.agent = agent;
        c.target = target;
        if (changed && SubTypeRules.territorial(c.kind)) SubTypeRules.relabel(c, c.kind);
        SubTypeRules.civiliansAreNotAgents(c);
    }

    private static boolean state(Actor a) {
        return a.kind() == ActorKind.STATE_FORCES || a.kind() == ActorKind.INTERNATIONAL_FORCES;
    }

    private static int likeliest(double[][] p, int role, int except) {
        int best = -1;
        for (int k = 0; k < p.length; k++) if (k != except && (best < 0 || p[k][role] > p[best][role])) best = k;
        return best;
    }

    /** The first trigger at i whose part-of-speech and cue conditions hold. */
    private Trigger pick(List<Trigger> options, List<Tok> toks, String[] stems, int i, boolean air) {
        for (Trigger t : options) {
            boolean noun = words.isNoun(toks, stems, i);
            if (t.has("noun") && !noun) continue;
            if (t.has("verb") && noun) continue;
            if (t.has("air") && !air) continue;
            if (t.has("strikecue") && !words.any("labour", stems)) continue;
            if (t.has("weapon") && !words.any("weapon", stems)) continue;
            if (t.has("setup") && !words.setUpBefore(toks, stems, i)) continue;
            return t;
        }
        return null;
    }
}
