package org.sitrep.intel;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Reviewing events ({@code /intel/**}) is staff work: analysts, editors and admins. */
@Component
class IntelSecurity implements SecurityRules {
    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/intel/**").hasAnyRole("ANALYST", "EDITOR", "ADMIN");
    }
}
