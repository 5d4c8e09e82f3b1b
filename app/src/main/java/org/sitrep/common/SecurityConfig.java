package org.sitrep.common;

import org.sitrep.members.ClientAddress;
import org.sitrep.members.FailedSignIn;
import org.sitrep.members.PasswordThrottleFilter;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.SessionEpochFilter;
import org.sitrep.members.SignedInLanding;
import org.sitrep.members.Throttle;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/** Public site open to all; the newsroom and admin behind sign-in with a role. */
@Configuration
class SecurityConfig {

    @Bean
    @ConditionalOnWebApplication // command-line runs (create-admin) have no web layer to secure
    SecurityFilterChain web(HttpSecurity http, ReaderAccounts readers, Throttle throttle, ClientAddress clients,
                            @Qualifier("trackerReaders") AuthorizationManager<RequestAuthorizationContext> trackerReaders)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/newsroom/**").hasAnyRole("EDITOR", "ADMIN")
                        // staff, and subscribers whose plan includes data access (read-only: reviewing is /intel/**)
                        .requestMatchers("/tracker", "/tracker/**").access(trackerReaders)
                        .requestMatchers("/intel/**").hasAnyRole("ANALYST", "EDITOR", "ADMIN")
                        .requestMatchers("/account/deleted").permitAll()
                        .requestMatchers("/account/**").authenticated()
                        .requestMatchers("/admin/ingest/**").hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/signin").successHandler(new SignedInLanding(readers, throttle))
                        .failureHandler(new FailedSignIn(throttle, clients)).permitAll())
                // Stripe signs its webhooks; a CSRF token cannot apply to a server-to-server call. Newsletter
                // one-click unsubscribe (RFC 8058) is POSTed by mail clients, authorised by its signed token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/stripe", "/newsletters/unsubscribe"))
                // Members: "sign out everywhere" ends old sessions; the password form is rate-limited.
                .addFilterAfter(new SessionEpochFilter(readers), SecurityContextHolderFilter.class)
                .addFilterBefore(new PasswordThrottleFilter(throttle, clients), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
