package org.sitrep.tracker;

import java.util.Set;
import java.util.function.Supplier;
import org.sitrep.api.DataAccess;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read the tracker ({@code /tracker/**}): staff, and subscribers whose plan includes data access, the
 * same rule as the data API ({@link DataAccess}). Subscribers read only: reviewing is {@code /intel/**}, staff
 * only, and the pages leave its links out for them.
 */
@Component("trackerReaders")
class TrackerReaders implements AuthorizationManager<RequestAuthorizationContext> {
    static final Set<String> STAFF = Set.of("ROLE_ANALYST", "ROLE_EDITOR", "ROLE_ADMIN");

    private final DataAccess access;

    TrackerReaders(DataAccess access) {
        this.access = access;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        Authentication who = authentication.get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken)
            return new AuthorizationDecision(false);
        if (isStaff(who)) return new AuthorizationDecision(true);
        return new AuthorizationDecision(access.allowedCached(who.getName()));
    }

    static boolean isStaff(Authentication who) {
        return who != null
                && who.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(STAFF::contains);
    }
}
