package org.sitrep.common;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public site open to all; each feature guards its own addresses ({@link SecurityRules}: the newsroom,
 * intel, the tracker, members' accounts and sign-in, ingest's admin pages…); every other {@code /admin}
 * page needs the ADMIN role.
 */
@Configuration
class SecurityConfig {

    @Bean
    @ConditionalOnWebApplication // command-line runs (create-admin) have no web layer to secure
    SecurityFilterChain web(HttpSecurity http, List<SecurityRules> features) throws Exception {
        http.authorizeHttpRequests(urls -> {
            features.forEach(f -> f.authorize(urls));
            urls.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().permitAll();
        });
        for (SecurityRules f : features) f.configure(http);
        http.headers(h -> h.contentSecurityPolicy(csp ->
                csp.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
