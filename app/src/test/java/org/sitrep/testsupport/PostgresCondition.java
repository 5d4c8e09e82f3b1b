package org.sitrep.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

class PostgresCondition implements ExecutionCondition {
    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available == null) available = TestDatabases.postgresAvailable();
        if (available) return ConditionEvaluationResult.enabled("PostgreSQL test server answers");
        if ("true".equals(System.getenv("SITREP_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException("SITREP_REQUIRE_POSTGRES=true but no PostgreSQL at "
                    + TestDatabases.postgresUrl().replaceAll("password=[^&]*", "password=***"));
        }
        return ConditionEvaluationResult.disabled(
                "no PostgreSQL test server (set " + TestDatabases.POSTGRES_URL_ENV + ")");
    }
}
