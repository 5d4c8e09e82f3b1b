package org.sitrep.members;

/**
 * What one feature keeps about a member, for the member's "export my data" and "delete my account".
 * Each feature that keeps member data in its own tables implements it, and {@link ReaderAccounts}
 * assembles the export and the deletion from all of them, so members never reads or deletes
 * another feature's tables (and a new feature's data cannot be forgotten by the export).
 * Beans are asked in their {@link org.springframework.core.annotation.Order}, which is the order of
 * the export's sections.
 */
public interface AccountData {
    /** The export's key for this data, e.g. {@code "newsletters"}. */
    String section();

    /** The member's data, as it appears in the export (maps, lists, strings, ISO-8601 times). */
    Object export(long userId);

    /** Deletes the member's data; called in the deletion's transaction, before the account itself goes. */
    void delete(long userId);
}
