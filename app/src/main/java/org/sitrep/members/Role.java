package org.sitrep.members;

/** What a signed-in person may do; stored as text in {@code users.role}. */
public enum Role {
    MEMBER,
    SUBSCRIBER,
    EDITOR,
    ANALYST,
    ADMIN;

    /** May write and publish in the newsroom. */
    public boolean isStaff() {
        return this == EDITOR || this == ADMIN;
    }
}
