package org.sitrep.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with a message safe to show the client (answered as JSON by {@link ApiErrors}). */
class ApiProblem extends RuntimeException {
    final HttpStatus status;

    ApiProblem(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, message);
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(HttpStatus.NOT_FOUND, message);
    }
}
