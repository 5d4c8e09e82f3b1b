package org.sitrep.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test's Spring context runs on a fresh in-memory H2 database (and data directory) of its own. Unlike a
 * {@code @DynamicPropertySource} method in each test class, this is part of the context's configuration by value,
 * so test classes whose configuration is otherwise the same share one context, and one database, in a run
 * (see {@link TestDatabaseCustomizers}). Such classes must not assume an empty database: they assert on the rows
 * they wrote, or empty what they count first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface H2Database {}
