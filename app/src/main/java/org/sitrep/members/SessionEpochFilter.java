package org.sitrep.members;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Sign out everywhere": each signed-in session remembers the account's session epoch; when the
 * account's epoch has moved on (or the account is gone or disabled) the session ends here, before
 * any page is authorised with it.
 */
public class SessionEpochFilter extends OncePerRequestFilter {
    static final String ATTRIBUTE = SessionEpochFilter.class.getName() + ".epoch";

    private final ReaderAccounts readers;

    public SessionEpochFilter(ReaderAccounts readers) {
        this.readers = readers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth =
                session == null ? null : SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            int current = readers.sessionEpoch(auth.getName());
            Object seen = session.getAttribute(ATTRIBUTE);
            if (seen instanceof Integer s && s != current) { // moved on, or the account is gone (-1)
                session.invalidate();
                SecurityContextHolder.clearContext();
            } else if (seen == null && current >= 0) {
                // Both sign-in paths (password form, magic link) stamp the epoch at sign-in, so a session
                // that never made a request still ends. Only a session authenticated some other way (a
                // test harness) arrives here unstamped: it takes up the current epoch.
                session.setAttribute(ATTRIBUTE, current);
            }
        }
        chain.doFilter(request, response);
    }
}
