package org.sitrep.members;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sitrep.common.ReturnPath;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After the password form: the new session takes the account's session epoch at once (so "sign out
 * everywhere" ends it even if it has not made a request since) and the account's failed attempts are
 * forgotten. Then back to the page that asked for sign-in; else to where the reader was (the form's
 * safe {@code next}); else staff to their desk (editors and admins the newsroom, analysts the
 * tracker) and readers to their account.
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
        return landing(request.getParameter("next"), auth == null ? null : Desk.ofAuthorities(auth.getAuthorities()));
    }

    /** {@code next} if it is a safe path on this site, else the desk, else the account page. */
    static String landing(String next, String desk) {
        return ReturnPath.of(next).orElse(desk != null ? desk : "/account");
    }
}
