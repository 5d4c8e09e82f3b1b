package org.sitrep.members;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sitrep.common.ReturnPath;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After the password form: back to the page that asked for sign-in; else to where the reader was
 * (the form's safe {@code next}); else staff to their desk (editors and admins the newsroom,
 * analysts the tracker) and readers to their account.
 */
public class SignedInLanding extends SavedRequestAwareAuthenticationSuccessHandler {
    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        return landing(request.getParameter("next"), auth == null ? null : Desk.ofAuthorities(auth.getAuthorities()));
    }

    /** {@code next} if it is a safe path on this site, else the desk, else the account page. */
    static String landing(String next, String desk) {
        return ReturnPath.of(next).orElse(desk != null ? desk : "/account");
    }
}
