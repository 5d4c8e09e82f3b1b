package org.sitrep.payments;

import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StripeSalesH2Test extends StripeSalesContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        stripeAndMail(registry);
    }
}
