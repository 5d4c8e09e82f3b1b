package org.sitrep.newsroom;

/** Who may read the whole piece: everyone, signed-in members, or paying subscribers. */
public enum AccessLevel {
    PUBLIC,
    MEMBERS,
    PAID
}
