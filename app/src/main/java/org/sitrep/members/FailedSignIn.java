package org.sitrep.members;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** A wrong password on the sign-in form: counted by {@link Throttle} (only failures count), then back to the form. */
public class FailedSignIn extends SimpleUrlAuthenticationFailureHandler {
    private final Throttle throttle;
    private final ClientAddress clients;

    public FailedSignIn(Throttle throttle, ClientAddress clients) {
        super("/signin?error");
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        throttle.passwordFailed(UserAccounts.normalise(request.getParameter("username")), clients.of(request));
        super.onAuthenticationFailure(request, response, e);
    }
}
