package org.sitrep.newsroom;

import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class NewsroomH2Test extends NewsroomContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) { TestDatabases.h2(registry); }
}
