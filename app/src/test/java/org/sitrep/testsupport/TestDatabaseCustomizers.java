package org.sitrep.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a context marked {@link H2Database} or {@link PostgresDatabase} its database when the context is built.
 *
 * <p>Why not {@code @DynamicPropertySource}: Spring's context cache tells configurations apart by the property
 * source <em>methods</em>, and each test class declares its own, so no two classes could ever share a context.
 * This customizer is equal for every class that names the same database kind, so Spring's cache reuses one
 * context (one start, one Flyway run, one analysis engine) for all classes whose configuration is otherwise the
 * same. The database is still fresh for each context built (also after the cache evicted one), never shared by
 * two live contexts. Registered in {@code META-INF/spring.factories}.
 */
public final class TestDatabaseCustomizers implements ContextCustomizerFactory {

    enum Kind {
        H2,
        POSTGRES
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean h2 = TestContextAnnotationUtils.hasAnnotation(testClass, H2Database.class);
        boolean postgres = TestContextAnnotationUtils.hasAnnotation(testClass, PostgresDatabase.class);
        if (h2 && postgres) {
            throw new IllegalStateException(testClass.getName() + " names both @H2Database and @PostgresDatabase");
        }
        return h2 ? new Database(Kind.H2) : postgres ? new Database(Kind.POSTGRES) : null;
    }

    /** Equal by kind: that equality is what lets the context cache share the context. */
    record Database(Kind kind) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (kind == Kind.H2) {
                TestDatabases.h2((name, value) -> properties.put(name, value.get()));
            } else {
                TestDatabases.postgres((name, value) -> properties.put(name, value.get()));
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("sitrep test database", properties));
        }
    }
}
