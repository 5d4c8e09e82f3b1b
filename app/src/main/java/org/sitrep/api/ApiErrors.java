package org.sitrep.api;

import java.util.Map;
import org.sitrep.intel.InvalidEventFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every API error is a small JSON object {"status": 400, "error": "..."}; never a stack trace or an HTML page. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    static Map<String, Object> body(HttpStatus status, String message) {
        return Map.of("status", status.value(), "error", message);
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(status, message));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem e) {
        return answer(e.status, e.getMessage());
    }

    @ExceptionHandler(InvalidEventFilter.class)
    ResponseEntity<Map<String, Object>> invalidFilter(InvalidEventFilter e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getName() + " is not valid");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "the API only answers GET");
    }

    /** The client went away mid-answer (a timeout, a closed tab): nothing to answer, nothing wrong here. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("API client went away: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("API request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "the server could not answer; the error is logged");
    }
}
