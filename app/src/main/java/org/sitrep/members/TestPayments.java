package org.sitrep.members;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether offline "test payments" are on ({@code sitrep.payments.test-mode}: auto, true or false).
 * "auto" (the default) turns them on only for the embedded default — an H2 database in a file, as
 * {@code ./sitrep run} starts — and only while no Stripe secret key is configured, so a person can
 * try subscribing on a laptop and a production server never gives subscriptions away. Asking for
 * test payments together with a Stripe key is refused at startup: the two cannot both be true.
 */
@Component
public class TestPayments {
    private final boolean enabled;

    public TestPayments(
            @Value("${sitrep.payments.test-mode:auto}") String mode,
            @Value("${sitrep.stripe.secret-key:}") String stripeKey,
            @Value("${spring.datasource.url:}") String datasource) {
        boolean stripe = stripeKey != null && !stripeKey.isBlank();
        String m = mode == null ? "auto" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        this.enabled = switch (m) {
            case "true" -> {
                if (stripe) {
                    throw new IllegalStateException(
                            "sitrep.payments.test-mode=true cannot be used with a Stripe secret key "
                                    + "(sitrep.stripe.secret-key): test payments give subscriptions away. Remove one of them.");
                }
                yield true;
            }
            case "false" -> false;
            case "auto", "" -> !stripe && datasource != null && datasource.startsWith("jdbc:h2:file:");
            default -> throw new IllegalStateException("sitrep.payments.test-mode is auto, true or false, not " + mode);
        };
    }

    public boolean enabled() {
        return enabled;
    }
}
