package org.sitrep.newsletters;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** One-click unsubscribe (RFC 8058) is POSTed by mail clients, authorised by its signed token, not a CSRF token. */
@Component
class NewslettersSecurity implements SecurityRules {
    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/newsletters/unsubscribe"));
    }
}
