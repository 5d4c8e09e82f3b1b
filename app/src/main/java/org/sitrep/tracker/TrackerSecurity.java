package org.sitrep.tracker;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The tracker: staff, and subscribers whose plan includes data access ({@link TrackerReaders}). */
@Component
class TrackerSecurity implements SecurityRules {
    private final TrackerReaders readers;

    TrackerSecurity(TrackerReaders readers) {
        this.readers = readers;
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/tracker", "/tracker/**").access(readers);
    }
}
