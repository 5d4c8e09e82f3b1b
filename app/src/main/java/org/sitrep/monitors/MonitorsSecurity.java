package org.sitrep.monitors;

import org.sitrep.common.SecurityRules;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Monitors are for those who read the tracker (the tracker's own rule: staff, and subscribers whose plan includes
 * data access). The one-click unsubscribe is open: its signed token is the authorisation, and mail clients POST it
 * without a CSRF token.
 */
@Component
class MonitorsSecurity implements SecurityRules {
    private final AuthorizationManager<RequestAuthorizationContext> trackerReaders;

    MonitorsSecurity(@Qualifier("trackerReaders") AuthorizationManager<RequestAuthorizationContext> trackerReaders) {
        this.trackerReaders = trackerReaders;
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/monitors/unsubscribe").permitAll();
        urls.requestMatchers("/monitors", "/monitors/**").access(trackerReaders);
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/monitors/unsubscribe"));
    }
}
