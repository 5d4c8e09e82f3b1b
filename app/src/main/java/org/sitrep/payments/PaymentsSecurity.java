package org.sitrep.payments;

import org.sitrep.common.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** Stripe signs its webhooks; a CSRF token cannot apply to a server-to-server call. */
@Component
class PaymentsSecurity implements SecurityRules {
    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/stripe"));
    }
}
