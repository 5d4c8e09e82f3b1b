package org.sitrep.licences;

import java.util.Optional;
import org.sitrep.members.ReaderAccounts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The signed-in reader of a request, if any. */
final class Readers {
    private Readers() {}

    static Optional<ReaderAccounts.Reader> of(Authentication auth, ReaderAccounts readers) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken)
            return Optional.empty();
        return readers.find(auth.getName());
    }
}
