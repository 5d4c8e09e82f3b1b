package org.sitrep.ingest;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Ingest's desk ({@code /admin/ingest}) is open to editors as well as admins, unlike the rest of /admin. */
@Component
class IngestSecurity implements SecurityRules {
    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/admin/ingest/**").hasAnyRole("EDITOR", "ADMIN");
    }
}
