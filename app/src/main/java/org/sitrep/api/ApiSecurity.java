package org.sitrep.api;

import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.SessionEpochFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The API's own filter chain, ahead of the site's: a key per call or a staff session, never a new
 * session, JSON 401/403 instead of the sign-in page. No CSRF tokens: the API only answers GET, and a
 * bearer key is not sent by browsers on their own.
 */
@Configuration
class ApiSecurity {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(
            HttpSecurity http, ApiKeys keys, DataAccess access, ApiRateLimit rateLimit, ReaderAccounts readers)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/openapi.json")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(ApiKeyFilter.API_CLIENT, "ROLE_ANALYST", "ROLE_EDITOR", "ROLE_ADMIN"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .anonymous(a -> {})
                .addFilterAfter(new SessionEpochFilter(readers), SecurityContextHolderFilter.class)
                .addFilterAfter(new ApiKeyFilter(keys, access, rateLimit), SessionEpochFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> ApiKeyFilter.refuse(
                                res, HttpStatus.UNAUTHORIZED, "send an API key: Authorization: Bearer <key>"))
                        .accessDeniedHandler((req, res, ex) -> ApiKeyFilter.refuse(
                                res, HttpStatus.FORBIDDEN, "this account may not use the data API")));
        return http.build();
    }
}
