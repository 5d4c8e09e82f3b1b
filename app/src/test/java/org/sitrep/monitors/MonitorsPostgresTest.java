package org.sitrep.monitors;

import org.sitrep.testsupport.RequiresPostgres;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class MonitorsPostgresTest extends MonitorsContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        mail(registry);
    }
}
