package org.sitrep.licences;

import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestMail;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class LicencesH2Test extends LicencesContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        TestMail.properties(registry, MAIL);
    }
}
