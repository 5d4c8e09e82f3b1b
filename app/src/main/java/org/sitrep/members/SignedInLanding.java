package org.sitrep.members;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After the password form: the new session takes the account's session epoch at once (so "sign out
 * everywhere" ends it even if it has not made a request since), the account's failed attempts are
 * forgotten, and the reader lands back on the page that asked for sign-in, else the newsroom for
 * staff and the account page for readers.
 */
public class SignedInLanding extends SavedRequestAwareAuthenticationSuccessHandler {
    private final ReaderAccounts readers;
    private final Throttle throttle;

    public SignedInLanding(ReaderAccounts readers, Throttle throttle) {
        this.readers = readers;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        request.getSession().setAttribute(SessionEpochFilter.ATTRIBUTE, readers.sessionEpoch(auth.getName()));
        throttle.signedIn(auth.getName());
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        boolean staff = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_EDITOR") || a.getAuthority().equals("ROLE_ADMIN"));
        return staff ? "/newsroom" : "/account";
    }
}
