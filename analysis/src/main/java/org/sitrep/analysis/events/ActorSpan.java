package org.sitrep.analysis.events;

import org.sitrep.analysis.Actor;

/** An actor mentioned on tokens [from, to) of a sentence. */
record ActorSpan(int from, int to, Actor actor) {}
