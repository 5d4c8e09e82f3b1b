package org.sitrep.licences;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Team licences are bought and managed by signed-in readers (each page checks the reader manages
 * the organisation); invitation and gift links open for anyone, who is then asked to sign in;
 * buying a gift needs no account. {@code /admin/licences} is the administrators' (the closing rule).
 */
@Component
class LicencesSecurity implements SecurityRules {
    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/licences/team", "/licences/team/**")
                .authenticated()
                .requestMatchers("/licences/invitation", "/gift", "/gift/**")
                .permitAll();
    }
}
