package org.sitrep.members;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sitrep.common.ReturnPath;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** A wrong password goes back to the form, keeping where the reader was going ({@code next}, if safe). */
public class SignInFailure implements AuthenticationFailureHandler {
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.sendRedirect(request.getContextPath() + ReturnPath.link("/signin?error", request.getParameter("next")));
    }
}
