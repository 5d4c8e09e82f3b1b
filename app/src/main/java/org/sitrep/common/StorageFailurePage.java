package org.sitrep.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request that failed because the data volume is full or read-only gets 503 and the page
 * {@code error/503} ("not saved: the server's disk is full"), not "something went wrong" and a stack
 * trace in the log per request: the person knows nothing was saved and to try again later. On the
 * embedded database it also lets the pool start afresh, so the server recovers once space returns.
 */
@Component
class StorageFailurePage implements HandlerExceptionResolver, Ordered {
    private static final Logger log = LoggerFactory.getLogger(StorageFailurePage.class);

    private final H2Recovery recovery;

    StorageFailurePage(H2Recovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!storageFailed(e)) return null;
        if (H2StoreFailure.storeFailed(e)) recovery.startAfresh();
        if (response.isCommitted()) return null;
        log.warn(
                "{} {} not done: the data volume cannot be written ({})",
                request.getMethod(),
                request.getRequestURI(),
                rootMessage(e));
        try {
            response.setHeader("Retry-After", "60");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException gone) {
            return null;
        }
        return new ModelAndView();
    }

    static boolean storageFailed(Throwable e) {
        if (H2StoreFailure.storeFailed(e)) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof IOException
                    && (m.contains("No space left on device") || m.contains("Read-only file system"))) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
