package org.sitrep.analysis.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.EventType;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.SubEventType;

/** One action told several times (headline and body, "the offensive … the assault") becomes one event. */
final class EventMerger {
    /** Merging compares an action with this many earlier ones at most. */
    private static final int MERGE_REACH = 300;

    private EventMerger() {}

    // ---- merging -------------------------------------------------------------------------------

    /** The same action named twice (headline and body, "the offensive … the assault") is one event. */
    static List<Candidate> merge(List<Candidate> in) {
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
            boolean better =
                    c.filled() > into.filled() || (c.filled() == into.filled() && c.confidence > into.confidence);
            // the body's telling is the evidence, never the headline's or the caption's
            if (into.furniture != c.furniture) better = into.furniture;
            if (better) {
                into.evidence = c.evidence;
                into.trigger = c.trigger;
                into.triggerStart = c.triggerStart;
                into.toks = c.toks;
                into.actors = c.actors;
                into.triggerToken = c.triggerToken;
                into.triggerEnd = c.triggerEnd;
            }
            boolean swapped = !(fits(into.agent, c.agent) && fits(into.target, c.target));
            Actor cAgent = swapped ? c.target : c.agent;
            Actor cTarget = swapped ? c.agent : c.target;
            if (into.agent == null) into.agent = cAgent;
            if (into.target == null) into.target = cTarget;
            if (into.place == null) into.place = c.place;
            if (into.date == null || into.date.text() == null && c.date != null && c.date.text() != null)
                into.date = c.date;
            boolean moreSpecific = generic(into.kind) && !generic(c.kind)
                    || into.evidence.start() == c.evidence.start() && words(c.trigger) > words(into.trigger);
            if (moreSpecific) {
                into.kind = c.kind;
                // "IS attacked the army … the army retook the villages from IS": who took the town is actor1
                if (swapped && SubTypeRules.territorial(c.kind)) {
                    Actor a = into.agent;
                    into.agent = into.target;
                    into.target = a;
                }
            }
            into.confidence = Math.min(1.0, Math.max(into.confidence, c.confidence) + 0.05);
            into.furniture &= c.furniture; // the body tells what the headline or caption told
        }
        out.sort(Comparator.comparingInt(c -> c.triggerStart));
        return out;
    }

    private static int words(String phrase) {
        return phrase.split("\\s+").length;
    }

    private static boolean generic(SubEventType kind) {
        return kind == SubEventType.ARMED_CLASH
                || kind == SubEventType.OTHER
                || kind == SubEventType.ATTACK
                || kind == SubEventType.PEACEFUL_PROTEST;
    }

    private static boolean compatible(Candidate a, Candidate b) {
        if (a.kind.type() != b.kind.type()) return false;
        boolean sameSentence = a.evidence.start() == b.evidence.start();
        if (!sameSentence && a.kind != b.kind && !generic(a.kind) && !generic(b.kind)) return false;
        // "troops recaptured Mukalla a year after AQAP overran it": a town changing hands twice is two actions
        if (SubTypeRules.territorial(a.kind) && SubTypeRules.territorial(b.kind) && a.kind != b.kind) return false;
        boolean sameSides = fits(a.agent, b.agent)
                && fits(a.target, b.target)
                && !crossed(a.agent, b.target)
                && !crossed(a.target, b.agent);
        // "militants attacked Samarra … were repelled by troops": one clash told from either side
        boolean swapped = a.kind.type() == EventType.BATTLES
                && fits(a.agent, b.target)
                && fits(a.target, b.agent)
                && (same(a.agent, b.target) || same(a.target, b.agent)); // one side at least named in both
        if (!sameSides && !swapped) return false;
        boolean sameSentence2 = a.evidence.start() == b.evidence.start();
        boolean anchored = same(a.agent, b.agent)
                || same(a.target, b.target)
                || swapped && same(a.agent, b.target)
                || a.place != null && b.place != null && samePlace(a.place, b.place);
        if (!sameSentence2 && !anchored) return false; // nothing shared but a type: two actions
        if (a.place != null && b.place != null && !samePlace(a.place, b.place)) return false;
        if (a.place == null
                && b.place == null
                && a.agent == null
                && b.agent == null
                && a.target == null
                && b.target == null
                && a.evidence.start() != b.evidence.start()) {
            return false; // nothing to tell two bare mentions apart: keep both
        }
        if (a.date != null && b.date != null && a.date.text() != null && b.date.text() != null) {
            return !a.date.latest().isBefore(b.date.earliest())
                    && !b.date.latest().isBefore(a.date.earliest());
        }
        return true;
    }

    static boolean same(Actor x, Actor y) {
        return x != null && y != null && x.canonical().equals(y.canonical());
    }

    /** The agent of one is the target of the other: not the same action seen twice. */
    private static boolean crossed(Actor x, Actor y) {
        return same(x, y);
    }

    private static boolean fits(Actor x, Actor y) {
        return x == null || y == null || x.canonical().equals(y.canonical());
    }

    /** The same place, or a district and its town ("Baba Amr" and "Homs"): within a few kilometres. */
    private static boolean samePlace(Place a, Place b) {
        if (a.gazetteerId() == b.gazetteerId() && a.name().equals(b.name())) return true;
        boolean district = a.precision() == Precision.NEIGHBOURHOOD || b.precision() == Precision.NEIGHBOURHOOD;
        return district && org.sitrep.analysis.places.Geoparser.km(a.lat(), a.lon(), b.lat(), b.lon()) <= 10;
    }
}
