package org.sitrep.newsroom;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The newsroom (and the site's preview of a piece, served at its address) is for editors and admins. */
@Component
class NewsroomSecurity implements SecurityRules {
    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/newsroom/**").hasAnyRole("EDITOR", "ADMIN");
    }
}
