package org.sitrep.members;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back the password sign-in form (POST /signin) when {@link Throttle} says so: an account
 * with recent wrong passwords is slowed, an address with many is stopped for a while. The
 * failures themselves are counted by {@link FailedSignIn}, so a right password costs nothing.
 */
public class PasswordThrottleFilter extends OncePerRequestFilter {
    private final Throttle throttle;
    private final ClientAddress clients;

    public PasswordThrottleFilter(Throttle throttle, ClientAddress clients) {
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/signin".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = UserAccounts.normalise(request.getParameter("username"));
        Optional<Duration> wait = throttle.passwordRefusal(email, clients.of(request));
        if (wait.isPresent()) {
            TooManyAttempts.write(response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The friendly 429 page (plain HTML: this answer is written before Spring MVC is reached). */
    static final class TooManyAttempts {
        static void write(HttpServletResponse response, Duration wait) throws IOException {
            long seconds = Math.max(1, wait.toSeconds());
            String when = seconds < 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream()
                    .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                    + "<title>Too many attempts</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>"
                                    + "<main id=\"main\" class=\"page\"><h1>Too many attempts</h1><p>There have been too many wrong "
                                    + "passwords for this account or from this network. Please try again in " + when
                                    + ", or "
                                    + "<a href=\"/signin\">sign in with a link sent by email</a> instead.</p>"
                                    + "<p><a href=\"/\">Back to the site</a></p></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
        }
    }
}
