package org.sitrep.intel;

import org.sitrep.testsupport.PostgresDatabase;

@PostgresDatabase
class DirectoriesPostgresTest extends DirectoriesContract {}
