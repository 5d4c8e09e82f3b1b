package org.sitrep.intel;

import org.sitrep.testsupport.PostgresDatabase;

@PostgresDatabase
class EventSearchPostgresTest extends EventSearchContract {}
