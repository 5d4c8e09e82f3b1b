package org.sitrep.monitors;

import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MonitorsH2Test extends MonitorsContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        mail(registry);
    }
}
