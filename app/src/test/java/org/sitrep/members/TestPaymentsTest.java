package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Test payments switch themselves on only for the embedded default, and never beside a Stripe key. */
class TestPaymentsTest {
    static final String EMBEDDED = "jdbc:h2:file:./data/db/sitrep;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";
    static final String POSTGRES = "jdbc:postgresql://db.example/sitrep";

    @Test
    void autoIsOnForTheEmbeddedDefaultWithoutStripe() {
        assertThat(new TestPayments("auto", "", EMBEDDED).enabled()).isTrue();
        assertThat(new TestPayments(null, null, EMBEDDED).enabled()).isTrue();
    }

    @Test
    void autoIsOffForAServerDatabaseOrWithAStripeKey() {
        assertThat(new TestPayments("auto", "", POSTGRES).enabled()).isFalse();
        assertThat(new TestPayments("auto", "", "jdbc:h2:mem:test").enabled()).isFalse();
        assertThat(new TestPayments("auto", "sk_live_123", EMBEDDED).enabled()).isFalse();
    }

    @Test
    void explicitSettingsWinButNeverBesideStripe() {
        assertThat(new TestPayments("true", "", POSTGRES).enabled()).isTrue();
        assertThat(new TestPayments("false", "", EMBEDDED).enabled()).isFalse();
        assertThatThrownBy(() -> new TestPayments("true", "sk_test_abc", EMBEDDED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be used with a Stripe secret key");
        assertThatThrownBy(() -> new TestPayments("yes please", "", EMBEDDED))
                .isInstanceOf(IllegalStateException.class);
    }
}
