package org.sitrep.analysis;

import java.util.Locale;

/** Kinds of actor, close to ACLED's actor types. */
public enum ActorKind {
    STATE_FORCES,
    REBEL_GROUP,
    JIHADIST_GROUP,
    MILITIA,
    FOREIGN_FIGHTERS,
    INTERNATIONAL_FORCES,
    CIVILIANS,
    PROTESTERS,
    OTHER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
