package org.sitrep.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API call by its key ({@code Authorization: Bearer <key>} or {@code X-API-Key}) for
 * that request only: nothing is stored in a session. A call without a key passes on, and the
 * authorisation rules then want a staff session.
 */
class ApiKeyFilter extends OncePerRequestFilter {
    static final String API_CLIENT = "ROLE_API_CLIENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiKeys keys;
    private final DataAccess access;
    private final ApiRateLimit rateLimit;

    ApiKeyFilter(ApiKeys keys, DataAccess access, ApiRateLimit rateLimit) {
        this.keys = keys;
        this.access = access;
        this.rateLimit = rateLimit;
    }

    /** The key authenticated for this call; its name is "api-key:ID". */
    static final class KeyAuthentication extends AbstractAuthenticationToken {
        private final ApiKeys.Holder holder;

        KeyAuthentication(ApiKeys.Holder holder) {
            super(List.of(new SimpleGrantedAuthority(API_CLIENT)));
            this.holder = holder;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "api-key:" + holder.keyId();
        }

        ApiKeys.Holder holder() {
            return holder;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Holder> holder = keys.authenticate(token.get());
        if (holder.isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "unknown or revoked API key");
            return;
        }
        ApiKeys.Holder h = holder.get();
        if (h.ownerEmail() != null && !access.allowedCached(h.ownerEmail())) {
            refuse(response, HttpStatus.FORBIDDEN, "this key's account has no plan with data access");
            return;
        }
        if (!rateLimit.allow(h.keyId())) {
            response.setHeader("Retry-After", "60");
            refuse(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "more than " + rateLimit.perMinute() + " requests a minute with this key");
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new KeyAuthentication(h));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static Optional<String> token(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7))
            return Optional.of(auth.substring(7).trim());
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) return Optional.of(header.trim());
        return Optional.empty();
    }

    static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) response.setHeader("WWW-Authenticate", "Bearer realm=\"sitrep-api\"");
        JSON.writeValue(response.getOutputStream(), ApiErrors.body(status, message));
    }
}
