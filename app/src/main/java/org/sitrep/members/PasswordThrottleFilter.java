package org.sitrep.members;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/** Rate-limits the password sign-in form (POST /signin) per email and per client address. */
public class PasswordThrottleFilter extends OncePerRequestFilter {
    private final Throttle throttle;

    public PasswordThrottleFilter(Throttle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/signin".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = UserAccounts.normalise(request.getParameter("username"));
        if (!throttle.allow("password:" + email, "password-ip:" + request.getRemoteAddr())) {
            TooManyAttempts.write(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The friendly 429 page (plain HTML: this answer is written before Spring MVC is reached). */
    static final class TooManyAttempts {
        static void write(HttpServletResponse response) throws IOException {
            response.setStatus(429);
            response.setHeader("Retry-After", "900");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Too many attempts</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>"
                    + "<main id=\"main\" class=\"page\"><h1>Too many attempts</h1><p>There have been too many sign-in "
                    + "attempts for this address or from this network. Please wait a quarter of an hour and try again.</p>"
                    + "<p><a href=\"/\">Back to the site</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8));
        }
    }
}
