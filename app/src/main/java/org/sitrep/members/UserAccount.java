package org.sitrep.members;

import java.time.Instant;

/** A person who can sign in. The password hash never leaves {@link UserAccounts}. */
public record UserAccount(long id, String email, String displayName, Role role, boolean enabled, Instant createdAt) {}
