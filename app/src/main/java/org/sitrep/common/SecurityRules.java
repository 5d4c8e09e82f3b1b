package org.sitrep.common;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's part of the site's web security, declared beside its controllers: who may open its
 * addresses, and what else it adds to the filter chain (sign-in, filters, CSRF exceptions for calls
 * signed another way). {@link SecurityConfig} assembles every feature's part, then closes with the
 * rules that belong to nobody ({@code /admin/**} for administrators, everything else public), so
 * common needs to know no feature.
 */
public interface SecurityRules {

    /**
     * This feature's URL rules. Each feature's addresses are its own (no two features match the same
     * address), so the order between features does not matter; within one, put the narrower first.
     */
    default void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {}

    /** Anything else this feature adds to the filter chain. */
    default void configure(HttpSecurity http) throws Exception {}
}
