package org.sitrep.analysis;

import java.util.List;

/**
 * An armed group, force or population named in the text.
 *
 * @param name      the surface form as first written ("regime fighters", "ISIL")
 * @param canonical the dictionary's canonical name ("Syrian Arab Army", "Islamic State")
 * @param side      the side it fights on in this conflict, e.g. "government", "opposition"
 * @param country   ISO 3166-1 alpha-2 code of the conflict it belongs to, if any
 */
public record Actor(String name, String canonical, ActorKind kind, String side, String country, List<Span> mentions) {}
