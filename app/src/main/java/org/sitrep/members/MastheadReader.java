package org.sitrep.members;

import java.util.Optional;
import org.sitrep.web.ReaderLookup;
import org.sitrep.web.SignedInReader;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Tells the site's masthead who is signed in: name, free member / subscriber / staff, and staff's desk. */
@Component
class MastheadReader implements ReaderLookup {
    private final ReaderAccounts readers;

    MastheadReader(ReaderAccounts readers) {
        this.readers = readers;
    }

    @Override
    public Optional<SignedInReader> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken)
            return Optional.empty();
        return readers.find(auth.getName()).map(MastheadReader::shown);
    }

    static SignedInReader shown(ReaderAccounts.Reader r) {
        String name = r.displayName() == null || r.displayName().isBlank() ? r.email() : r.displayName();
        String desk = Desk.of(r.role());
        if (desk != null) return new SignedInReader(name, SignedInReader.Standing.STAFF, desk, Desk.name(r.role()));
        return new SignedInReader(
                name, r.subscriber() ? SignedInReader.Standing.SUBSCRIBER : SignedInReader.Standing.MEMBER, null, null);
    }
}
