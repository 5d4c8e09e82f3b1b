package org.sitrep.site;

import org.sitrep.common.ReturnPath;
import org.sitrep.web.SignedInReader;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the masthead and footer offer the reader: sign in, join and subscribe (each returning to
 * {@code next}) when signed out; the account, the desk for staff, subscribe for free members and
 * sign out when signed in.
 *
 * @param reader null when signed out
 * @param csrf   the token for the sign-out form; null when signed out
 */
public record ReaderNav(SignedInReader reader, String signIn, String join, String subscribe, CsrfToken csrf) {
    static ReaderNav of(SignedInReader reader, String next, CsrfToken csrf) {
        return new ReaderNav(
                reader,
                ReturnPath.link("/signin", next),
                ReturnPath.link("/join", next),
                ReturnPath.link("/subscribe", next),
                reader == null ? null : csrf);
    }

    public boolean signedIn() {
        return reader != null;
    }
}
