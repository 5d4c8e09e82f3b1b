package org.sitrep.analysis.events;

import java.util.ArrayList;
import java.util.List;
import org.sitrep.analysis.Actor;

/**
 * What the role model reads about each actor that could fill an event's roles: its kind with the event's
 * sub-type, where it stands against the trigger (before or after, how far, in a passive or not), the words
 * around it ("by X", "from X", "between X and Y", "against X"), its order among the actors named, and what
 * the rules made of it. Built once per event (a few actors each), never per token, so it costs little.
 */
final class RoleFeatures {
    /** Most actors read for one event; sentences naming more are lists the roles seldom come from. */
    private static final int MAX_CANDIDATES = 8;

    private final WordClasses words;

    RoleFeatures(WordClasses words) {
        this.words = words;
    }

    RoleCandidates of(Candidate c) {
        List<ActorSpan> named = new ArrayList<>();
        if (c.actors != null) {
            for (ActorSpan a : c.actors) {
                boolean seen = false;
                for (ActorSpan b : named)
                    seen |= b.actor().canonical().equals(a.actor().canonical());
                if (!seen && named.size() < MAX_CANDIDATES) named.add(a);
            }
        }
        List<Actor> outside = new ArrayList<>();
        for (Actor chosen : new Actor[] {c.agent, c.target}) {
            if (chosen == null) continue;
            boolean seen = false;
            for (ActorSpan b : named) seen |= b.actor().canonical().equals(chosen.canonical());
            if (!seen && !outside.contains(chosen)) outside.add(chosen);
        }
        int n = named.size() + outside.size();
        List<RoleCandidates.Named> out = new ArrayList<>(n);
        String sub = c.kind.name();
        String type = c.kind.type().name();
        String[] stems = null;
        boolean passive = false;
        boolean noun = false;
        String trigger = "?";
        boolean located = c.toks != null && c.triggerToken >= 0 && c.triggerToken < c.toks.size();
        if (located) {
            stems = new String[c.toks.size()];
            for (int k = 0; k < stems.length; k++) stems[k] = c.toks.get(k).stem();
            passive = words.isPassive(c.toks, stems, c.triggerToken);
            noun = words.isNoun(c.toks, stems, c.triggerToken);
            trigger = stems[c.triggerToken];
        }
        String voice = noun ? "noun" : passive ? "passive" : "active";
        for (int order = 0; order < n; order++) {
            ActorSpan span = order < named.size() ? named.get(order) : null;
            Actor a = span != null ? span.actor() : outside.get(order - named.size());
            String rule = sameActor(a, c.agent) ? "actor1" : sameActor(a, c.target) ? "actor2" : "none";
            List<String> f = new ArrayList<>(32);
            String kind = a.kind() == null ? "OTHER" : a.kind().name();
            f.add("k=" + kind);
            f.add("ks=" + kind + "_" + sub);
            f.add("kt=" + kind + "_" + type);
            f.add("s=" + sub);
            f.add("r=" + rule);
            f.add("rs=" + rule + "_" + sub);
            f.add("rk=" + rule + "_" + kind);
            f.add("rv=" + rule + "_" + voice);
            f.add("n=" + Math.min(n, 4));
            if (span == null || !located) {
                f.add("side=none");
            } else {
                String side = span.from() >= c.triggerEnd ? "after" : span.to() <= c.triggerToken ? "before" : "on";
                int distance = side.equals("after")
                        ? span.from() - c.triggerEnd
                        : side.equals("before") ? c.triggerToken - span.to() : 0;
                String far = distance <= 1 ? "0" : distance <= 4 ? "1" : distance <= 10 ? "2" : "3";
                f.add("side=" + side);
                f.add("sv=" + side + "_" + voice);
                f.add("svs=" + side + "_" + voice + "_" + type);
                f.add("sk=" + side + "_" + kind);
                f.add("sd=" + side + "_" + far);
                f.add("st=" + side + "_" + trigger);
                f.add("o=" + Math.min(order, 3));
                f.add("ok=" + Math.min(order, 3) + "_" + kind);
                String prev = span.from() > 0 ? c.toks.get(span.from() - 1).lower() : "^";
                String prev2 = span.from() > 1 ? c.toks.get(span.from() - 2).lower() : "^";
                String next = span.to() < c.toks.size() ? c.toks.get(span.to()).lower() : "$";
                f.add("p=" + prev);
                f.add("pp=" + prev2 + "_" + prev);
                f.add("x=" + next);
                f.add("ps=" + prev + "_" + side);
                for (int k = Math.max(0, span.from() - 4); k < span.from(); k++) {
                    String w = c.toks.get(k).lower();
                    if (w.equals("between")
                            || w.equals("from")
                            || w.equals("by")
                            || w.equals("against")
                            || w.equals("on")
                            || w.equals("with")
                            || w.equals("and")) {
                        f.add("near=" + w);
                        f.add("nears=" + w + "_" + side);
                    }
                }
            }
            out.add(new RoleCandidates.Named(a, rule, f.toArray(String[]::new)));
        }
        return new RoleCandidates(c.kind, out);
    }

    private static boolean sameActor(Actor a, Actor b) {
        return a != null && b != null && a.canonical().equals(b.canonical());
    }
}
