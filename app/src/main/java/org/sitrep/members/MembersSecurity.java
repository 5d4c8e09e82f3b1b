package org.sitrep.members;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;

/** Accounts need a signed-in reader; sign-in by password (rate-limited), sign-out, and "sign out everywhere". */
@Component
class MembersSecurity implements SecurityRules {
    private final ReaderAccounts readers;
    private final Throttle throttle;
    private final ClientAddress clients;

    MembersSecurity(ReaderAccounts readers, Throttle throttle, ClientAddress clients) {
        this.readers = readers;
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/account/deleted")
                .permitAll()
                .requestMatchers("/account/**")
                .authenticated();
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage("/signin")
                        .successHandler(new SignedInLanding(readers, throttle))
                        .failureHandler(new FailedSignIn(throttle, clients))
                        .permitAll())
                // "Sign out everywhere" ends old sessions; the password form is rate-limited.
                .addFilterAfter(new SessionEpochFilter(readers), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new PasswordThrottleFilter(throttle, clients), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/"));
    }
}
