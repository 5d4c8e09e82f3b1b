package org.sitrep.payments;

import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@org.sitrep.testsupport.RequiresPostgres
class StripeSalesPostgresTest extends StripeSalesContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        stripeAndMail(registry);
    }
}
