package org.sitrep.licences;

import org.sitrep.testsupport.RequiresPostgres;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestMail;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class LicencesPostgresTest extends LicencesContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        TestMail.properties(registry, MAIL);
    }
}
