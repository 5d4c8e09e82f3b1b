package org.sitrep.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.sitrep.analysis.actors.ActorFinder;
import org.sitrep.analysis.actors.DictionaryActorFinder;
import org.sitrep.analysis.dates.DateFinder;
import org.sitrep.analysis.dates.NewsDateFinder;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.events.ActorRolePicker;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.events.EventExtractor;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.sitrep.analysis.events.RuleBasedEventExtractor;
import org.sitrep.analysis.fatalities.FatalityReader;
import org.sitrep.analysis.fatalities.ReportedDeaths;
import org.sitrep.analysis.places.Geoparser;
import org.sitrep.analysis.places.PlaceFinder;
import org.sitrep.analysis.places.PlacesInText;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.TextCleaner;
import org.sitrep.analysis.text.TokenisedText;

/**
 * The engine's one entry point: a news text in, its places, actors and dated events out, each with
 * the offsets of the words it came from.
 *
 * <pre>{@code
 * Analyzer analyzer = Analyzer.create();            // build once: loads models and dictionaries
 * Analysis a = analyzer.analyze(Document.html(page, null));
 * }</pre>
 *
 * <p>The pipeline: {@link TextCleaner} (clean text, sentences, tokens) → {@link PlaceFinder} →
 * {@link ActorFinder} → {@link DateFinder} → {@link EventExtractor} → {@link FatalityReader}. An Analyzer is immutable and
 * thread-safe; share one. Empty input gives an empty analysis; binary input throws
 * {@link UnreadableDocumentException} with a message fit for a user.
 */
public final class Analyzer {
    /** Bumped whenever the rules or dictionaries change what the engine finds in the same text. */
    public static final int ENGINE_REVISION = 7;

    private final TextCleaner cleaner;
    private final PlaceFinder places;
    private final ActorFinder actors;
    private final DateFinder dates;
    private final EventExtractor events;
    private final FatalityReader fatalities;
    private final String engineVersion;

    private Analyzer(Builder b) {
        this.cleaner = b.cleaner != null ? b.cleaner : new TextCleaner(b.clock, b.tagging);
        this.places = b.places != null ? b.places : Geoparser.worldwide();
        this.actors = b.actors != null ? b.actors : new DictionaryActorFinder();
        this.dates = b.dates != null ? b.dates : new NewsDateFinder();
        EventClassifier classifier = b.classifier != null
                ? b.classifier
                : LearnedEventClassifier.bundled().<EventClassifier>map(c -> c).orElse(EventClassifier.NONE);
        // "the rules alone" (no event classifier) means no learned role picker either, unless one is named
        ActorRolePicker roles = b.rolePicker != null
                ? b.rolePicker
                : classifier == EventClassifier.NONE
                        ? ActorRolePicker.NONE
                        : LearnedActorRolePicker.bundled()
                                .<ActorRolePicker>map(r -> r)
                                .orElse(ActorRolePicker.NONE);
        this.events = b.events != null ? b.events : new RuleBasedEventExtractor(classifier, roles);
        this.fatalities = b.fatalities != null ? b.fatalities : new ReportedDeaths();
        this.engineVersion = version(events.model());
    }

    /**
     * An analyzer with the default parts: the worldwide GeoNames gazetteer ({@link Geoparser}), the
     * built-in actor dictionary, {@link NewsDateFinder} and the rule-based event extractor with the
     * learned classifier the build trained from the shipped corpus in its slot. The gazetteer loads
     * once per JVM and is shared by every analyzer.
     */
    public static Analyzer create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Analysis analyze(Document document) {
        Objects.requireNonNull(document, "document");
        // Tokenised once here; every stage reads this one document, none splits the text again.
        TokenisedText doc = TokenisedText.of(cleaner.clean(document));
        if (doc.text().isBlank()) {
            return new Analysis(
                    Analysis.SCHEMA,
                    engineVersion,
                    doc.published(),
                    doc.title(),
                    doc.text(),
                    List.of(),
                    List.of(),
                    List.of());
        }
        PlacesInText read = places.find(doc);
        List<Place> foundPlaces = read.places();
        List<Actor> foundActors = List.copyOf(actors.find(doc, foundPlaces));
        foundPlaces = outsideNames(foundPlaces, foundActors);
        // "Damascus said", "the X-Y highway": places of the text, but no event happens there
        List<Place> eventPlaces = without(foundPlaces, read.notEventPlaces());
        List<TimeExpression> foundDates = List.copyOf(dates.find(doc));
        List<Event> foundEvents = List.copyOf(
                fatalities.read(doc, List.copyOf(events.extract(doc, eventPlaces, foundActors, foundDates))));
        return new Analysis(
                Analysis.SCHEMA,
                engineVersion,
                doc.published(),
                doc.title(),
                doc.text(),
                foundPlaces,
                foundActors,
                foundEvents,
                read.adjectival());
    }

    /**
     * Places named only inside an actor's name are not places of the story: "the Levant" in "Islamic
     * State of Iraq and the Levant", "Arabian Peninsula" in "al-Qaeda in the Arabian Peninsula". A
     * place that opens the name is kept.
     */
    static List<Place> outsideNames(List<Place> places, List<Actor> actors) {
        List<Span> names = new ArrayList<>();
        for (Actor a : actors) {
            if (a.mentions() != null) names.addAll(a.mentions());
        }
        if (names.isEmpty()) return places;
        return keeping(places, m -> !insideName(m, names));
    }

    /** The places without the given mentions (a place left with no mention is dropped). */
    static List<Place> without(List<Place> places, List<Span> mentions) {
        if (mentions.isEmpty()) return places;
        java.util.Set<Span> drop = new java.util.HashSet<>(mentions);
        return keeping(places, m -> !drop.contains(m));
    }

    private static List<Place> keeping(List<Place> places, java.util.function.Predicate<Span> keep) {
        List<Place> out = new ArrayList<>(places.size());
        for (Place p : places) {
            List<Span> kept = new ArrayList<>();
            for (Span m : p.mentions()) if (keep.test(m)) kept.add(m);
            if (kept.size() == p.mentions().size()) out.add(p);
            else if (!kept.isEmpty())
                out.add(new Place(
                        p.text(),
                        p.name(),
                        p.lat(),
                        p.lon(),
                        p.country(),
                        p.admin1(),
                        p.featureCode(),
                        p.gazetteerId(),
                        p.precision(),
                        List.copyOf(kept)));
        }
        return List.copyOf(out);
    }

    private static boolean insideName(Span place, List<Span> names) {
        for (Span n : names) {
            // a place opening the name ("Israel Defense Forces", "Misrata militias") still says where they are from
            if (n.start() < place.start() && place.end() <= n.end()) return true;
        }
        return false;
    }

    /** Cleans a document without analysing it: the text, sentences and tokens every offset refers to. */
    public CleanText clean(Document document) {
        return cleaner.clean(document);
    }

    /** The time expressions in a cleaned text, resolved against its publication date. */
    public List<TimeExpression> dates(CleanText text) {
        return dates.find(text);
    }

    /**
     * "0.1.0-SNAPSHOT+r4+ev-3f2a9c01de+ar-51c0e2d9a7": the library's version, the {@link #ENGINE_REVISION}
     * of the rules and dictionaries, and the versions of the learned models in the event stage's slots (the
     * event classifier, the actor-role picker) when there are any. Stored with every event, so each event
     * says which engine and which models coded it.
     */
    public String engineVersion() {
        return engineVersion;
    }

    private static String version(String model) {
        String v = Analyzer.class.getPackage().getImplementationVersion();
        if (v == null) {
            try (InputStream in =
                    Analyzer.class.getResourceAsStream("/META-INF/maven/org.sitrep/sitrep-analysis/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    v = p.getProperty("version");
                }
            } catch (IOException unreadable) {
                v = null;
            }
        }
        return (v == null ? "dev" : v) + "+r" + ENGINE_REVISION + (model == null || model.isEmpty() ? "" : "+" + model);
    }

    /**
     * Chooses the parts; anything not set gets the default (see {@link #create()}), loaded only then.
     * {@link PlaceFinder#NONE}, {@link ActorFinder#NONE} and {@link EventExtractor#NONE} switch a
     * stage off.
     */
    public static final class Builder {
        private TextCleaner cleaner;
        private Clock clock = Clock.systemUTC();
        private boolean tagging = true;
        private PlaceFinder places;
        private ActorFinder actors;
        private DateFinder dates;
        private EventExtractor events;
        private EventClassifier classifier;
        private ActorRolePicker rolePicker;
        private FatalityReader fatalities;

        private Builder() {}

        /** The fatalities stage (default {@link ReportedDeaths}); {@link FatalityReader#NONE} switches it off. */
        public Builder fatalityReader(FatalityReader reader) {
            this.fatalities = Objects.requireNonNull(reader);
            return this;
        }

        /**
         * The classifier in the rule extractor's learned slot (default: the bundled model);
         * {@link EventClassifier#NONE} for the rules alone. Ignored when an event extractor is set.
         */
        public Builder eventClassifier(EventClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier);
            return this;
        }

        /**
         * The actor-role picker in the rule extractor's second learned slot (default: the bundled model, or
         * none when the event classifier is {@link EventClassifier#NONE}); {@link ActorRolePicker#NONE} for
         * the rules' roles. Ignored when an event extractor is set.
         */
        public Builder actorRolePicker(ActorRolePicker picker) {
            this.rolePicker = Objects.requireNonNull(picker);
            return this;
        }

        public Builder textCleaner(TextCleaner cleaner) {
            this.cleaner = Objects.requireNonNull(cleaner);
            return this;
        }

        /** The clock that says "today" for documents with no publication date. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Whether tokens get part-of-speech tags and lemmas (default true). Tagging is about a fifth of
         * the engine's time; without it the event extractor reads word forms only, with lower accuracy
         * (see bench/results/analysis.md).
         */
        public Builder tagging(boolean tagging) {
            this.tagging = tagging;
            return this;
        }

        public Builder placeFinder(PlaceFinder places) {
            this.places = Objects.requireNonNull(places);
            return this;
        }

        public Builder actorFinder(ActorFinder actors) {
            this.actors = Objects.requireNonNull(actors);
            return this;
        }

        public Builder dateFinder(DateFinder dates) {
            this.dates = Objects.requireNonNull(dates);
            return this;
        }

        public Builder eventExtractor(EventExtractor events) {
            this.events = Objects.requireNonNull(events);
            return this;
        }

        public Analyzer build() {
            return new Analyzer(this);
        }
    }
}
