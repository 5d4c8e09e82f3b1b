package org.sitrep.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test's Spring context runs on a fresh schema of the PostgreSQL test server, shared by every test class whose
 * configuration is otherwise the same (see {@link H2Database} and {@link TestDatabaseCustomizers}). Skips, or
 * fails in CI, where the server does not answer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@RequiresPostgres
public @interface PostgresDatabase {}
