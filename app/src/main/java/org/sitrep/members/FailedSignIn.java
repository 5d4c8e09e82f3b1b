package org.sitrep.members;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sitrep.common.ReturnPath;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A wrong password on the sign-in form: counted by {@link Throttle} (only failures count), then back
 * to the form, keeping where the reader was going ({@code next}, if safe).
 */
public class FailedSignIn implements AuthenticationFailureHandler {
    private final Throttle throttle;
    private final ClientAddress clients;

    public FailedSignIn(Throttle throttle, ClientAddress clients) {
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        throttle.passwordFailed(UserAccounts.normalise(request.getParameter("username")), clients.of(request));
        response.sendRedirect(
                request.getContextPath() + ReturnPath.link("/signin?error", request.getParameter("next")));
    }
}
