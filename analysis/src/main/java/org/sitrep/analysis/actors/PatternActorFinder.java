package org.sitrep.analysis.actors;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.actors.ActorDictionary.Entry;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.Token;
import org.sitrep.analysis.text.TokenisedText;

/**
 * Finds actors that no dictionary knows, from the way the text names them: "forces loyal to X",
 * "X supporters" / "supporters of X", "the X militia", "X tribesmen", "clan militias", "the X Front",
 * "the X Brigade", "X Operations Room", "M23 rebels". X is a person, a town, a people or a group's own
 * name; the kind and side come from the head noun and the words around it (the leader's office,
 * "government-backed", "rebel"). It is conservative: a pattern whose X is not a name ("forces loyal to
 * the constitution", "supporters said") gives nothing.
 *
 * <p>It sits in the {@link DictionaryActorFinder}'s second slot: the dictionary's named actors win over
 * a pattern on the same words, a pattern wins over a generic word inside it ("fighters" in "Zintan
 * fighters"), and "forces loyal to X" where X is a dictionary actor is that actor.
 *
 * <p>One pass over each sentence's tokens, with set look-ups only: no regular expression per token.
 */
public final class PatternActorFinder {

    /** What a pattern found: the words, the actor, and (for "loyal to X") the words naming X. */
    record Found(int start, int end, Entry entry, Span leader, boolean overridesNamed, boolean ownName) {
        Found(int start, int end, Entry entry, Span leader, boolean overridesNamed) {
            this(start, end, entry, leader, overridesNamed, false);
        }
    }

    /** Who is armed: "forces loyal to", "fighters allied to". */
    private static final Set<String> FORCE_NOUNS = Set.of(
            "forces",
            "fighters",
            "troops",
            "militiamen",
            "militias",
            "militia",
            "gunmen",
            "units",
            "soldiers",
            "men",
            "loyalists",
            "elements",
            "battalions",
            "brigades");
    /** Lower-case heads after a name: "the Zawiya militia", "Fano militiamen", "M23 rebels". */
    private static final Set<String> MILITIA_HEADS = Set.of(
            "militia",
            "militias",
            "militiamen",
            "tribesmen",
            "clansmen",
            "fighters",
            "gunmen",
            "vigilantes",
            "brigade",
            "brigades",
            "battalion");

    private static final Set<String> REBEL_HEADS =
            Set.of("rebels", "insurgents", "guerrillas", "guerillas", "separatists", "dissidents");
    private static final Set<String> JIHADIST_HEADS = Set.of("jihadists", "militants");
    /** Capitalised heads that end an armed group's own name: "the Levant Front", "the 444 Brigade". */
    private static final Set<String> FRONT_HEADS = Set.of("Front", "Alliance", "Coalition");

    private static final Set<String> UNIT_HEADS =
            Set.of("Brigade", "Brigades", "Battalion", "Battalions", "Regiment", "Division", "Corps");
    /** Lower-case words that make a militia an identity (communal) one: "clan militias", "self-defence groups". */
    private static final Set<String> IDENTITY_WORDS = Set.of(
            "clan",
            "tribal",
            "ethnic",
            "communal",
            "village",
            "community",
            "self-defence",
            "self-defense",
            "vigilante",
            "neighbourhood",
            "neighborhood",
            "local");

    private static final Set<String> IDENTITY_HEADS =
            Set.of("militia", "militias", "militiamen", "groups", "group", "brigades", "vigilantes");
    private static final Set<String> COALITION_MEMBERS_KIND = Set.of(
            "rebel",
            "armed",
            "opposition",
            "insurgent",
            "jihadist",
            "islamist",
            "militant",
            "militia",
            "separatist",
            "ethnic");
    private static final Set<String> COALITION_MEMBERS = Set.of(
            "groups", "factions", "movements", "militias", "organisations", "organizations", "forces", "brigades");
    private static final Set<String> FAITHS = Set.of(
            "Sunni",
            "Shia",
            "Shiite",
            "Shi'ite",
            "Shi'a",
            "Alawite",
            "Druze",
            "Christian",
            "Muslim",
            "Catholic",
            "Protestant",
            "Orthodox",
            "Hindu",
            "Buddhist",
            "Sikh",
            "Jewish",
            "Islamic");
    /** Verbs of armed violence in the past tense: an acronym as their subject is an armed group. */
    private static final Set<String> VIOLENT_ACTS = Set.of(
            "attacked",
            "killed",
            "shelled",
            "seized",
            "captured",
            "stormed",
            "ambushed",
            "abducted",
            "kidnapped",
            "fired",
            "bombed",
            "raided",
            "clashed",
            "overran",
            "claimed",
            "launched",
            "retook",
            "recaptured",
            "struck",
            "targeted",
            "besieged",
            "executed",
            "burned",
            "torched",
            "looted",
            "shot",
            "massacred",
            "took",
            "fought",
            "attacks",
            "kills",
            "seizes",
            "captures",
            "controls",
            "controlled",
            "occupied",
            "advanced",
            "repelled",
            "shoots",
            "abducts",
            "detained",
            "entered");
    /** Words before "the X" that make X a party to fighting. */
    private static final Set<String> OPPOSING =
            Set.of("against", "with", "by", "between", "and", "from", "fighting", "versus", "vs");

    private static final Set<String> SPEECH = Set.of(
            "said",
            "says",
            "reported",
            "reports",
            "told",
            "added",
            "quoted",
            "cited",
            "stated",
            "announced",
            "tweeted",
            "posted",
            "wrote",
            "according",
            "correspondent",
            "reporter",
            "news",
            "agency",
            "spokesman",
            "spokesperson",
            "statement",
            "report");

    /** Nouns after an acronym that make it an armed group's: "FARDC soldiers", "RSF positions". */
    private static final Set<String> FORCE_AFTER_ACRONYM = Set.of(
            "soldiers",
            "troops",
            "forces",
            "members",
            "positions",
            "units",
            "commanders",
            "combatants",
            "operatives",
            "elements",
            "paramilitaries",
            "convoy");
    /** Capitals that name no armed actor: agencies, media, weapons, countries, times, wire slugs. */
    static final Set<String> NOT_ACTOR_ACRONYMS = Set.of(
            "UN",
            "EU",
            "AU",
            "NATO",
            "WHO",
            "ICRC",
            "MSF",
            "IMF",
            "ICC",
            "ICJ",
            "OCHA",
            "UNHCR",
            "UNICEF",
            "WFP",
            "IOM",
            "OHCHR",
            "HRW",
            "AFP",
            "AP",
            "BBC",
            "CNN",
            "ACLED",
            "NGO",
            "NGOs",
            "IED",
            "IEDs",
            "RPG",
            "RPGs",
            "SUV",
            "SUVs",
            "UAV",
            "UAVs",
            "VBIED",
            "CCTV",
            "GPS",
            "TV",
            "HQ",
            "ID",
            "MP",
            "MPs",
            "PM",
            "AM",
            "GMT",
            "UTC",
            "CEO",
            "US",
            "USA",
            "UK",
            "UAE",
            "DRC",
            "CAR",
            "OK",
            "COVID",
            "AIDS",
            "HIV",
            "GDP",
            "ECOWAS",
            "SADC",
            "IGAD",
            "ASEAN",
            "OAS",
            "OPEC",
            "LIVE",
            "UPDATE",
            "BREAKING",
            "PHOTO",
            "VIDEO",
            "NEW",
            "FILE",
            "EXCLUSIVE",
            "WATCH",
            "READ",
            "MORE",
            "ALSO",
            "EU's",
            "UNSC",
            "OSCE",
            "IAEA",
            "OPCW",
            "SOHR",
            "UNIFIL",
            "MONUSCO",
            "MINUSMA",
            "UNMISS",
            "AMISOM",
            "ATMIS",
            "KFOR",
            "IDP",
            "IDPs",
            "RFI",
            "VOA",
            "DW",
            "NPR",
            "ABC",
            "NBC",
            "CBS",
            "ANI",
            "PTI",
            "IRNA",
            "SANA",
            "WAFA",
            "KCNA",
            "TASS",
            "NHK",
            "EFE",
            "ANSA",
            "DPA",
            "OPINION",
            "ANALYSIS",
            "EDITORIAL",
            "km",
            "KM",
            "AK",
            "MRAP",
            "APC",
            "APCs");
    /** Titles and offices before a leader's name; the office tells the side when the story does not. */
    private static final Set<String> SITTING_OFFICES = Set.of(
            "president",
            "prime",
            "minister",
            "premier",
            "king",
            "emir",
            "general",
            "gen",
            "field",
            "marshal",
            "army",
            "chief",
            "colonel",
            "col",
            "lieutenant",
            "governor");

    private static final Set<String> OPPOSED_OFFICES = Set.of(
            "former",
            "ousted",
            "deposed",
            "renegade",
            "rebel",
            "opposition",
            "dissident",
            "warlord",
            "self-declared",
            "self-proclaimed",
            "breakaway",
            "late");
    private static final Set<String> OTHER_TITLES = Set.of(
            "the",
            "mr",
            "mrs",
            "ms",
            "dr",
            "sheikh",
            "shaykh",
            "cleric",
            "imam",
            "commander",
            "leader",
            "strongman",
            "politician",
            "militia",
            "tribal",
            "chief",
            "sultan",
            "major",
            "captain",
            "brig",
            "brigadier",
            "mayor",
            "senator",
            "lawmaker",
            "mp",
            "vice",
            "interim",
            "acting",
            "transitional",
            "military",
            "de",
            "facto",
            "his",
            "her",
            "exiled",
            "elected",
            "self-styled");
    /** "supporters of the opposition": the lower-case words X may be. */
    private static final Set<String> SUPPORTED_WORDS = Set.of(
            "opposition",
            "government",
            "junta",
            "coup",
            "transition",
            "president",
            "regime",
            "party",
            "ruling",
            "military",
            "army",
            "prime",
            "minister",
            "movement",
            "independence",
            "separatist",
            "monarchy",
            "king",
            "former",
            "ousted",
            "jailed",
            "detained");
    /** "forces loyal to the government": lower-case Xs that stand for the state. */
    private static final Set<String> STATE_WORDS = Set.of(
            "government",
            "regime",
            "junta",
            "state",
            "army",
            "military",
            "president",
            "presidency",
            "authorities",
            "crown",
            "king");
    /** Capitalised words that start a sentence or a headline but name nobody. */
    private static final Set<String> NOT_NAMES = Set.of(
            "The",
            "A",
            "An",
            "Some",
            "Several",
            "Many",
            "Armed",
            "Rival",
            "Local",
            "Unidentified",
            "Unknown",
            "Suspected",
            "Two",
            "Three",
            "Four",
            "Dozens",
            "Hundreds",
            "Other",
            "Pro",
            "Anti",
            "Government",
            "Rebel",
            "Opposition",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Northern",
            "Southern",
            "Eastern",
            "Western",
            "Central",
            "North",
            "South",
            "East",
            "West",
            "Islamist",
            "Jihadist",
            "Allied",
            "Their",
            "His",
            "Her",
            "Its",
            "Our",
            "Militia",
            "Militias",
            "Tribal",
            "Clan",
            "Police",
            "Army",
            "State",
            "National",
            "Federal",
            "Regional",
            "Security",
            "Special",
            "New",
            "Former",
            "All",
            "Both",
            "These",
            "Those",
            "This",
            "That",
            "Such",
            "Most",
            "Heavily",
            "Masked",
            "Hooded",
            "Live",
            "Breaking",
            "Update",
            "Photo",
            "Video",
            "Watch",
            "Sources",
            "Foreign",
            "Heavy",
            "Hostile",
            "Enemy",
            "Young",
            "Veteran",
            "Female",
            "Male",
            "Fellow",
            "Retreating",
            "Fleeing",
            "Captured",
            "Wounded",
            "Dead",
            "Killed",
            "Few",
            "Around",
            "About",
            "Nearly",
            "Over",
            "Government-backed",
            "Pro-government",
            "Elite",
            "Irregular",
            "Ethnic",
            "Communal");

    private static final Set<String> COMPASS = Set.of(
            "eastern",
            "western",
            "northern",
            "southern",
            "central",
            "north",
            "south",
            "east",
            "west",
            "home",
            "domestic",
            "economic",
            "political",
            "diplomatic");

    private final ActorDictionary dictionary;
    private final Set<ActorPattern> on;

    PatternActorFinder(ActorDictionary dictionary) {
        this(dictionary, ActorPattern.all());
    }

    /** Only the patterns named (each has its own switch, see {@link ActorPattern}). */
    PatternActorFinder(ActorDictionary dictionary, Set<ActorPattern> on) {
        this.dictionary = dictionary;
        this.on = on.isEmpty() ? EnumSet.noneOf(ActorPattern.class) : EnumSet.copyOf(on);
    }

    /**
     * The actors the patterns find in the text, at most one per span, left to right.
     *
     * @param focus the document's country (ISO code) or null, for actors whose country the words do not say
     */
    List<Found> find(TokenisedText document, List<Place> places, String focus) {
        String text = document.text();
        List<Found> out = new ArrayList<>();
        if (text == null) return out;
        for (Sentence s : document.sentences()) {
            List<Token> toks = s.tokens();
            if (toks == null || toks.isEmpty() || titleCase(toks)) continue;
            boolean shouting = shouting(toks);
            int lastEnd = -1;
            for (int i = 0; i < toks.size(); i++) {
                Found f = at(text, toks, i, places, focus, shouting);
                if (f != null && f.start() >= lastEnd) {
                    out.add(f);
                    lastEnd = f.end();
                }
            }
        }
        return out;
    }

    private Found at(String text, List<Token> toks, int i, List<Place> places, String focus, boolean shouting) {
        String w = toks.get(i).text();
        String lower = w.toLowerCase(Locale.ROOT);
        if (on.contains(ActorPattern.LOYAL_TO)
                && (lower.equals("loyal") || lower.equals("allied"))
                && i > 0
                && i + 2 < toks.size()
                && toks.get(i + 1).text().equalsIgnoreCase("to")) {
            return loyalTo(text, toks, i, places, focus);
        }
        if (on.contains(ActorPattern.SUPPORTERS)
                && (lower.equals("supporters") || lower.equals("loyalists") || lower.equals("partisans"))) {
            Found f = supportersOf(text, toks, i, focus);
            return f != null ? f : supportersBefore(text, toks, i, focus);
        }
        if (on.contains(ActorPattern.COALITION)
                && (lower.equals("alliance") || lower.equals("coalition"))
                && i + 3 < toks.size()
                && toks.get(i + 1).text().equals("of")) {
            return coalitionOf(toks, i, focus);
        }
        boolean formations = on.contains(ActorPattern.FORMATION);
        if (formations && (FRONT_HEADS.contains(w) || UNIT_HEADS.contains(w)))
            return namedFormation(text, toks, i, focus);
        if (formations && w.equals("Room") && i > 0 && toks.get(i - 1).text().equals("Operations")) {
            return namedFormation(text, toks, i, focus);
        }
        if (on.contains(ActorPattern.ACRONYM) && acronym(w) && !shouting) {
            Found f = namedByModifier(text, toks, i + 1 < toks.size() ? i + 1 : i, places, focus);
            if (f == null || f.start() > toks.get(i).start()) return acronymActor(toks, i, focus);
            return null; // the head noun after it will find it
        }
        if (MILITIA_HEADS.contains(lower)
                || REBEL_HEADS.contains(lower)
                || JIHADIST_HEADS.contains(lower)
                || IDENTITY_HEADS.contains(lower)) {
            return namedByModifier(text, toks, i, places, focus);
        }
        return null;
    }

    /** "forces loyal to Khalifa Haftar", "fighters allied to the government", "gunmen loyal to a local commander". */
    private Found loyalTo(String text, List<Token> toks, int loyal, List<Place> places, String focus) {
        int head = loyal - 1;
        if (!FORCE_NOUNS.contains(toks.get(head).text().toLowerCase(Locale.ROOT))) return null;
        int start = toks.get(head).start();
        int k = loyal + 2;
        boolean sitting = false;
        boolean opposed = false;
        while (k < toks.size()) {
            String t = toks.get(k).text().toLowerCase(Locale.ROOT).replace(".", "");
            if (OPPOSED_OFFICES.contains(t)) opposed = true;
            else if (SITTING_OFFICES.contains(t)) sitting = true;
            else if (!OTHER_TITLES.contains(t)) break;
            k++;
        }
        // "loyal to the government", "loyal to the junta": the state's own side
        if (k < toks.size()
                && STATE_WORDS.contains(toks.get(k).text().toLowerCase(Locale.ROOT))
                && !opposed
                && toks.get(k).text().chars().allMatch(c -> Character.isLowerCase(c))) {
            Entry gov = dictionary.forRole(focus, "government");
            if (gov == null) return null;
            return new Found(
                    start,
                    toks.get(k).end(),
                    new Entry("Pro-government forces" + suffix(focus), ActorKind.MILITIA, "government", focus),
                    null,
                    true);
        }
        int nameEnd = nameRun(toks, k);
        if (nameEnd == k) return null; // "loyal to the constitution", "loyal to their commander"
        // "loyal to the UN-backed government": the government, whoever backs it
        for (int j = nameEnd; j < Math.min(toks.size(), nameEnd + 3); j++) {
            String t = toks.get(j).text().toLowerCase(Locale.ROOT);
            if (!t.equals("-")
                    && !t.equals("backed")
                    && !t.equals("-backed")
                    && !t.equals("recognised")
                    && !t.equals("recognized")
                    && !STATE_WORDS.contains(t)) break;
            if (STATE_WORDS.contains(t)) {
                return new Found(
                        start,
                        toks.get(j).end(),
                        new Entry("Pro-government forces" + suffix(focus), ActorKind.MILITIA, "government", focus),
                        null,
                        true);
            }
        }
        Span leader = new Span(toks.get(k).start(), toks.get(nameEnd - 1).end());
        String name = text.substring(leader.start(), leader.end());
        int end = leader.end();
        // "Ahmed al-Sharaa's government": the leader heads the state
        if (nameEnd + 1 < toks.size() && toks.get(nameEnd).text().equals("'s")) {
            String what = toks.get(nameEnd + 1).text().toLowerCase(Locale.ROOT);
            if (STATE_WORDS.contains(what) || what.equals("administration") || what.equals("cabinet")) {
                sitting = !opposed;
                end = toks.get(nameEnd + 1).end();
            }
        }
        String side;
        ActorKind kind;
        if (isPlace(leader, places, focus)) {
            kind = ActorKind.MILITIA;
            side = "local";
        } else if (opposed || contextSays(toks, "rebel", "opposition", "insurgent")) {
            kind = ActorKind.MILITIA;
            side = "opposition";
        } else if (sitting || contextSays(toks, "pro-government", "government-backed", "army-backed")) {
            kind = sitting ? ActorKind.STATE_FORCES : ActorKind.MILITIA;
            side = "government";
        } else {
            kind = ActorKind.MILITIA;
            side = surname(name);
        }
        return new Found(start, end, new Entry("Forces loyal to " + name, kind, side, focus), leader, true);
    }

    /** "supporters of Imran Khan", "supporters of the opposition", "Supporters of former president Evo Morales". */
    private Found supportersOf(String text, List<Token> toks, int i, String focus) {
        if (i + 2 >= toks.size() || !toks.get(i + 1).text().equals("of")) return null;
        int k = i + 2;
        boolean opposed = false;
        boolean sitting = false;
        while (k < toks.size()) {
            String t = toks.get(k).text().toLowerCase(Locale.ROOT).replace(".", "");
            if (OPPOSED_OFFICES.contains(t) || t.equals("jailed") || t.equals("detained")) opposed = true;
            else if (SITTING_OFFICES.contains(t)) sitting = true;
            else if (!OTHER_TITLES.contains(t)) break;
            k++;
        }
        int nameEnd = nameRun(toks, k);
        int end;
        String name;
        if (nameEnd > k) {
            end = toks.get(nameEnd - 1).end();
            name = text.substring(toks.get(k).start(), end);
        } else if (k < toks.size()
                && SUPPORTED_WORDS.contains(toks.get(k).text().toLowerCase(Locale.ROOT))
                && toks.get(k - 1).text().equalsIgnoreCase("the")) {
            end = toks.get(k).end();
            name = toks.get(k).text().toLowerCase(Locale.ROOT);
        } else {
            return null; // "supporters of the bill", "supporters of his"
        }
        return supporters(toks.get(i).start(), end, name, opposed, sitting, focus, false);
    }

    /** "Imran Khan supporters", "Milorad Dodik's supporters", "opposition supporters", "Hezbollah supporters". */
    private Found supportersBefore(String text, List<Token> toks, int i, String focus) {
        int k = i - 1;
        if (k >= 0 && (toks.get(k).text().equals("'s") || toks.get(k).text().equals("\u2019s"))) k--;
        if (k < 0) return null;
        String prev = toks.get(k).text();
        String lower = prev.toLowerCase(Locale.ROOT);
        if (SUPPORTED_WORDS.contains(lower) || lower.equals("ruling-party") || lower.equals("pro-government")) {
            int from = k;
            if (from > 0
                    && Set.of("ruling", "independence", "separatist")
                            .contains(toks.get(from - 1).text().toLowerCase(Locale.ROOT))) from--;
            // "Kanak independence supporters": a people's name before the cause
            if (from > 0 && name(toks.get(from - 1))) from--;
            String name = text.substring(toks.get(from).start(), toks.get(k).end());
            return supporters(toks.get(from).start(), toks.get(i).end(), name, false, false, focus, false);
        }
        int from = k;
        while (from >= 0 && name(toks.get(from), from == 0) && k - from < 4) from--;
        from++;
        if (from > k) return null;
        String name = text.substring(toks.get(from).start(), toks.get(k).end());
        // "Hezbollah supporters" are not Hezbollah: the supporters' span wins over the group's
        return supporters(toks.get(from).start(), toks.get(i).end(), name, false, false, focus, true);
    }

    private Found supporters(
            int start, int end, String name, boolean opposed, boolean sitting, String focus, boolean overridesNamed) {
        String lower = name.toLowerCase(Locale.ROOT);
        String side = opposed || lower.contains("opposition")
                ? "opposition"
                : sitting || lower.contains("government") || lower.contains("ruling") || lower.equals("junta")
                        ? "government"
                        : "protesters";
        // ACLED codes them as the country's protesters (whose supporters they are is an associated actor,
        // which schema 1 has no field for), and so does the corpus: one canonical with the crowd's other names
        Entry protesters = dictionary.forRole(focus, "protesters");
        String canonical = protesters != null ? protesters.canonical() : "Protesters";
        return new Found(start, end, new Entry(canonical, ActorKind.PROTESTERS, side, focus), null, overridesNamed);
    }

    /**
     * "The RSF shelled…", "clashes with the ELN", "JNIM claimed…": an acronym no dictionary knows, as the
     * subject of a verb of armed violence, before "fighters" or "soldiers", or as the other side in
     * "clashes with the X", is an armed group's name (an agency, a weapon or a
     * country written in capitals is left out by {@link #NOT_ACTOR_ACRONYMS}). Its kind is unknown, so a
     * militia of no known side.
     */
    private Found acronymActor(List<Token> toks, int i, String focus) {
        Token t = toks.get(i);
        // "clashes with the ELN", "attacked by the RSF": a party to the fighting
        boolean opposite = i > 1
                && toks.get(i - 1).text().equalsIgnoreCase("the")
                && OPPOSING.contains(toks.get(i - 2).text().toLowerCase(Locale.ROOT));
        Token next = i + 1 < toks.size() ? toks.get(i + 1) : null;
        // "The RSF shelled…", "JNIM claimed…": the subject of a violent act
        boolean subject = next != null
                && VIOLENT_ACTS.contains(next.text().toLowerCase(Locale.ROOT))
                && (i == 0 || !toks.get(i - 1).text().equalsIgnoreCase("of"));
        boolean force = next != null && FORCE_AFTER_ACRONYM.contains(next.text().toLowerCase(Locale.ROOT));
        // Alone ("the RSF shelled…", "clashes with the ELN") an acronym is too often an office, a party or
        // a force the dictionary spells out (the corpus writes "PMF" for the Popular Mobilization Forces):
        // only a force noun after it makes it an armed group of its own. The other cues are kept, and
        // tested, for a dictionary of acronyms to come.
        if (!force || !(opposite || subject || force)) return null;
        // "NNA reported", "the SOHR said": who tells the news is no actor in it
        if (next != null && SPEECH.contains(next.text().toLowerCase(Locale.ROOT))) return null;
        int end = force ? next.end() : t.end();
        boolean state = force
                && (next.text().equalsIgnoreCase("soldiers") || next.text().equalsIgnoreCase("troops"));
        return new Found(
                t.start(),
                end,
                new Entry(
                        t.text(),
                        state ? ActorKind.STATE_FORCES : ActorKind.MILITIA,
                        state ? "government" : "unknown",
                        focus),
                null,
                false,
                true);
    }

    /** "an alliance of rebel groups", "a coalition of armed factions": a rebel coalition with no name given. */
    private Found coalitionOf(List<Token> toks, int i, String focus) {
        int k = i + 2;
        boolean armed = false;
        while (k < toks.size()
                && k < i + 5
                && COALITION_MEMBERS_KIND.contains(toks.get(k).text().toLowerCase(Locale.ROOT))) {
            armed = true;
            k++;
        }
        if (!armed
                || k >= toks.size()
                || !COALITION_MEMBERS.contains(toks.get(k).text().toLowerCase(Locale.ROOT))) return null;
        int start = i > 0
                        && Set.of("an", "a", "the")
                                .contains(toks.get(i - 1).text().toLowerCase(Locale.ROOT))
                ? toks.get(i - 1).start()
                : toks.get(i).start();
        return new Found(
                start,
                toks.get(k).end(),
                new Entry("Rebel coalition" + suffix(focus), ActorKind.REBEL_GROUP, "opposition", focus),
                null,
                false);
    }

    /** "the Levant Front", "the 47th Mechanised Brigade", "the Fatah Mubin Operations Room", "an alliance of rebel groups". */
    private Found namedFormation(String text, List<Token> toks, int i, String focus) {
        int from = i - 1;
        if (toks.get(i).text().equals("Room")) from--; // "Operations Room"
        int k = from;
        while (k >= 0 && (capitalised(toks.get(k)) || number(toks.get(k)) || connector(toks, k)) && from - k < 6) k--;
        k++;
        while (k <= from && connector(toks, k)) k++;
        if (k > from) return null; // "the Front", "a Brigade"
        String head = toks.get(i).text();
        if (COMPASS.contains(toks.get(from).text().toLowerCase(Locale.ROOT)) && k == from)
            return null; // "the Eastern Front"
        boolean numbered = false;
        for (int j = k; j <= from; j++) numbered |= number(toks.get(j));
        // "Light Infantry Battalion 99": a number after the unit
        int end = toks.get(i).end();
        if (i + 1 < toks.size() && number(toks.get(i + 1))) {
            numbered = true;
            end = toks.get(i + 1).end();
        }
        String canonical = text.substring(toks.get(k).start(), end);
        ActorKind kind;
        String side;
        if (UNIT_HEADS.contains(head)) {
            // numbered units are an army's; named brigades are most often militias
            kind = numbered ? ActorKind.STATE_FORCES : ActorKind.MILITIA;
            side = numbered || contextSays(toks, "government-backed", "pro-government", "army-backed")
                    ? "government"
                    : "unknown";
        } else {
            kind = ActorKind.REBEL_GROUP;
            side = contextSays(toks, "government-backed", "pro-government", "army-backed")
                    ? "government"
                    : "opposition";
        }
        // a longer proper name is another organisation: "the Fatah Mubin Operations Room" is not Fatah
        return new Found(toks.get(k).start(), end, new Entry(canonical, kind, side, focus), null, true, true);
    }

    /** "the Zawiya militia", "Fano militiamen", "Nuer militias", "clan militias", "M23 rebels", "Iran-backed militias". */
    private Found namedByModifier(String text, List<Token> toks, int i, List<Place> places, String focus) {
        String head = toks.get(i).text().toLowerCase(Locale.ROOT);
        if (i == 0) return null;
        Token prev = toks.get(i - 1);
        String prevLower = prev.text().toLowerCase(Locale.ROOT);
        int from = i - 1;
        // "self-defence groups", however the tokeniser cut the hyphen
        if ((prevLower.equals("defence") || prevLower.equals("defense")) && i >= 2) {
            from = toks.get(i - 2).text().equals("-") && i >= 3 ? i - 3 : i - 2;
            prevLower = toks.get(from).text().toLowerCase(Locale.ROOT).equals("self") ? "self-defence" : prevLower;
        }
        if (on.contains(ActorPattern.IDENTITY_MILITIA)
                && IDENTITY_HEADS.contains(head)
                && IDENTITY_WORDS.contains(prevLower)) {
            String name = text.substring(toks.get(from).start(), toks.get(i).end());
            String canonical =
                    Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
            return new Found(
                    toks.get(from).start(),
                    toks.get(i).end(),
                    new Entry(singularMilitia(canonical) + suffix(focus), ActorKind.MILITIA, "local", focus),
                    null,
                    false);
        }
        if (on.contains(ActorPattern.BACKED_MILITIA)
                && prevLower.endsWith("-backed")
                && (MILITIA_HEADS.contains(head) || head.equals("forces"))) {
            String backer = prevLower.substring(0, prevLower.length() - "-backed".length());
            boolean state = STATE_WORDS.contains(backer);
            String canonical =
                    Character.toUpperCase(prev.text().charAt(0)) + prev.text().substring(1) + " militia";
            return new Found(
                    prev.start(),
                    toks.get(i).end(),
                    new Entry(
                            state ? canonical + suffix(focus) : canonical,
                            ActorKind.MILITIA,
                            state ? "government" : "pro-" + backer,
                            focus),
                    null,
                    false);
        }
        if (!on.contains(ActorPattern.NAMED_MILITIA)) return null;
        if (!MILITIA_HEADS.contains(head) && !REBEL_HEADS.contains(head) && !JIHADIST_HEADS.contains(head)) return null;
        int k = i - 1;
        while (k >= 0 && name(toks.get(k), k == 0) && i - 1 - k < 4) k--;
        k++;
        if (k > i - 1) return null;
        // "Shi'ite fighters", "Alawite gunmen": a faith or a people's adjective before the dictionary's
        // generic words says too little; the dictionary lends those words to the group named nearby
        if ((head.equals("fighters") || head.equals("gunmen"))
                && (!properNoun(toks.get(i - 1))
                        || FAITHS.contains(toks.get(i - 1).text()))) return null;
        Span x = new Span(toks.get(k).start(), toks.get(i - 1).end());
        String name = text.substring(x.start(), x.end());
        if (dictionary.countryOfDemonym(name) != null) return null; // "Syrian fighters": a nationality
        ActorKind kind;
        String side;
        String canonical;
        if (isPlace(x, places, focus)) {
            // a town's or a region's militia is a local (identity) militia
            kind = ActorKind.MILITIA;
            side = "local";
            canonical = name + " militia";
        } else if (REBEL_HEADS.contains(head)) {
            kind = ActorKind.REBEL_GROUP;
            side = "opposition";
            canonical = name;
        } else if (head.equals("jihadists")) {
            kind = ActorKind.JIHADIST_GROUP;
            side = "jihadist";
            canonical = name;
        } else {
            kind = ActorKind.MILITIA;
            side = contextSays(toks, "pro-government", "government-backed", "army-backed") ? "government" : "unknown";
            canonical = head.startsWith("tribes") || head.startsWith("clans") ? name + " tribesmen" : name;
        }
        return new Found(
                x.start(),
                toks.get(i).end(),
                new Entry(canonical, kind, side, focus),
                null,
                false,
                canonical.equals(name) && ownName(name));
    }

    /**
     * The tokens from {@code k} that make one proper name: capitalised words with "al", "bin" inside.
     * After "loyal to" or "supporters of" a capital is a name whatever the tagger says ("Omar" is no verb).
     */
    private static int nameRun(List<Token> toks, int k) {
        int j = k;
        while (j < toks.size()
                && (capitalised(toks.get(j))
                        || j > k && connector(toks, j) && j + 1 < toks.size() && capitalised(toks.get(j + 1)))) j++;
        return j;
    }

    /** A word of a proper name: capitalised (tagged a proper noun when tags are there), or an acronym like M23. */
    private static boolean name(Token t) {
        return name(t, false);
    }

    /** At a sentence's first word a capital says nothing: only a proper-noun tag or an acronym counts there. */
    private static boolean name(Token t, boolean first) {
        String w = t.text();
        if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || NOT_NAMES.contains(w)) return false;
        if (w.length() > 1 && w.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '-'))
            return true;
        if (t.tag() == null) return !first && w.chars().anyMatch(Character::isLowerCase);
        if (first) return t.tag().startsWith("NNP") || t.tag().equals("NN");
        return t.tag().startsWith("NNP")
                || t.tag().equals("NN")
                || t.tag().equals("NNS")
                || t.tag().equals("JJ");
    }

    /**
     * Whether a name found before a head noun names the group wherever it stands: an acronym ("M23",
     * "CODECO") or several words ("Boko Haram"); one plain word ("Nuer") may name a people, not a group.
     */
    private static boolean ownName(String name) {
        return name.indexOf(' ') > 0 || ActorDictionary.isAcronym(name) && name.length() >= 2;
    }

    private static boolean properNoun(Token t) {
        return t.tag() == null || t.tag().startsWith("NNP") || acronym(t.text());
    }

    /** In a formation's name ("47th Mechanised Brigade") any capitalised word counts, whatever its tag. */
    private static boolean capitalised(Token t) {
        String w = t.text();
        return !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !NOT_NAMES.contains(w) || name(t);
    }

    private static boolean number(Token t) {
        String w = t.text();
        if (w.isEmpty() || !Character.isDigit(w.charAt(0))) return false;
        return w.chars().allMatch(Character::isDigit)
                || w.endsWith("th")
                || w.endsWith("st")
                || w.endsWith("nd")
                || w.endsWith("rd");
    }

    /** "Tariq bin Ziyad", "Ansar al-Sharia", "Al-Aqsa Martyrs' Brigades": small words inside a name. */
    private static boolean connector(List<Token> toks, int k) {
        String w = toks.get(k).text();
        return w.equals("bin")
                || w.equals("ibn")
                || w.equals("al")
                || w.equals("of")
                || w.equals("'")
                || w.equals("de")
                || w.equals("del")
                || w.equals("la");
    }

    /**
     * Whether the words name a place the gazetteer found (the geoparser's mentions) in the story's own
     * country: "Fano" in a story about Ethiopia is a group that shares an Italian town's name.
     */
    private static boolean isPlace(Span x, List<Place> places, String focus) {
        if (places == null) return false;
        for (Place p : places) {
            if (p.mentions() == null || focus != null && !focus.equalsIgnoreCase(p.country())) continue;
            for (Span m : p.mentions()) if (m.start() == x.start() && m.end() == x.end()) return true;
        }
        return false;
    }

    private static boolean contextSays(List<Token> toks, String... words) {
        for (Token t : toks) {
            String w = t.text().toLowerCase(Locale.ROOT);
            for (String c : words) if (w.equals(c)) return true;
        }
        return false;
    }

    /** An acronym no dictionary word: two to ten capitals or digits, at least two letters ("M23", "JNIM", "SPLM-N"). */
    private static boolean acronym(String w) {
        if (w.length() < 2 || w.length() > 10 || NOT_ACTOR_ACRONYMS.contains(w) || !Character.isUpperCase(w.charAt(0)))
            return false;
        int letters = 0;
        for (int c = 0; c < w.length(); c++) {
            char ch = w.charAt(c);
            if (Character.isUpperCase(ch)) letters++;
            else if (!Character.isDigit(ch) && ch != '-') return false;
        }
        return letters >= 2;
    }

    /** A wire slug or a shouted headline: capitals say nothing there. */
    private static boolean shouting(List<Token> toks) {
        int words = 0;
        int capitals = 0;
        for (Token t : toks) {
            String w = t.text();
            if (w.length() < 2 || !Character.isLetter(w.charAt(0))) continue;
            words++;
            if (w.chars().noneMatch(Character::isLowerCase)) capitals++;
        }
        return words >= 3 && capitals * 2 >= words;
    }

    /** A headline in Title Case: every word capitalised, so capitals say nothing about names. */
    private static boolean titleCase(List<Token> toks) {
        int words = 0;
        int capitals = 0;
        for (Token t : toks) {
            String w = t.text();
            if (w.length() < 4 || !Character.isLetter(w.charAt(0))) continue;
            words++;
            if (Character.isUpperCase(w.charAt(0))) capitals++;
        }
        return words >= 4 && capitals * 10 >= words * 8;
    }

    private static String surname(String name) {
        String[] parts = name.split("\\s+");
        return parts[parts.length - 1].toLowerCase(Locale.ROOT);
    }

    private static String singularMilitia(String phrase) {
        return phrase.endsWith("militias") ? phrase.substring(0, phrase.length() - 1) : phrase;
    }

    private String suffix(String focus) {
        ActorDictionary.Country c = dictionary.country(focus);
        return c == null ? "" : " (" + c.name() + ")";
    }
}
