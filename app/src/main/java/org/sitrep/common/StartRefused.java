package org.sitrep.common;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Sitrep will not start, for a reason a person can fix: said in one line (by {@link Reporter}, in
 * place of Spring's stack trace), and the process exits with {@link #status}.
 */
public class StartRefused extends RuntimeException implements ExitCodeGenerator {
    private final int status;

    public StartRefused(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public int getExitCode() {
        return status;
    }

    /** Prints the one line instead of Spring's "Application run failed" and its trace (registered in spring.factories). */
    public static class Reporter implements SpringBootExceptionReporter {
        @Override
        public boolean reportException(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof StartRefused refused) {
                    System.err.println("sitrep: " + refused.getMessage());
                    return true;
                }
                if (t.getCause() == t) break;
            }
            return false;
        }
    }
}
