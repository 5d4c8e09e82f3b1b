package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sitrep.intel.InvalidEventFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web slice of the API's error answers ({@link ApiErrors}) and its description ({@link OpenApiController}): only
 * Spring MVC, these two and a controller that fails on purpose, no database, no application start. Every way a
 * request can go wrong must come back as the small JSON object, never a stack trace or an HTML page.
 *
 * <p>The other features' web beans (page models, filters) need their stores, so the slice leaves out everything
 * outside {@code org.sitrep.api}; servlet filters are off, so the API key check and the security chain are not
 * here: {@code ApiContract} covers them end to end on H2 and PostgreSQL.
 */
@WebMvcTest(
        controllers = {OpenApiController.class, ApiErrorsSliceTest.Faults.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.sitrep\\.(?!api\\.).*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiErrorsSliceTest.Faults.class)
class ApiErrorsSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    /** Endpoints that fail in each of the ways a real API controller can. */
    @RestController
    static class Faults {
        @GetMapping("/api/v1/faults/problem")
        String problem() {
            throw ApiProblem.notFound("no such event");
        }

        @GetMapping("/api/v1/faults/filter")
        String filter() {
            throw new InvalidEventFilter("minConfidence must be between 0 and 1");
        }

        @GetMapping("/api/v1/faults/typed")
        String typed(@RequestParam("limit") int limit) {
            return "limit " + limit;
        }

        @GetMapping("/faults/page")
        String page() {
            return "not the API";
        }

        @GetMapping("/api/v1/faults/unexpected")
        String unexpected() {
            throw new IllegalStateException("connection to jdbc:postgresql://db.internal/sitrep refused");
        }
    }

    @Test
    void aProblemKeepsItsStatusAndMessage() throws Exception {
        assertError(get("/api/v1/faults/problem"), HttpStatus.NOT_FOUND, "no such event");
    }

    @Test
    void aBadFilterIsABadRequestThatSaysWhy() throws Exception {
        assertError(get("/api/v1/faults/filter"), HttpStatus.BAD_REQUEST, "minConfidence must be between 0 and 1");
    }

    @Test
    void wronglyTypedOrMissingParametersAreNamed() throws Exception {
        assertError(
                get("/api/v1/faults/typed").param("limit", "ten<script>"),
                HttpStatus.BAD_REQUEST,
                "limit is not valid");
        assertError(get("/api/v1/faults/typed"), HttpStatus.BAD_REQUEST, "limit is required");
        assertThat(mvc.perform(get("/api/v1/faults/typed").param("limit", "10"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("the same endpoint answers a good request")
                .isEqualTo("limit 10");
    }

    /**
     * No handler matches a POST to a GET-only route, and Spring applies an advice limited to a package
     * ({@code basePackageClasses}) only to that package's handlers, so {@code ApiErrors} never sees it:
     * {@link ApiMethodNotAllowed} answers it with the same JSON object (found by this slice, which first saw no body).
     */
    @Test
    void otherMethodsThanGetAreRefusedWithTheJsonError() throws Exception {
        for (RequestBuilder refused : new RequestBuilder[] {
            post("/api/v1/openapi.json"),
            delete("/api/v1/faults/problem"),
            put("/api/v1/faults/typed").param("limit", "1")
        }) {
            MockHttpServletResponse r = mvc.perform(refused).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED.value());
            assertThat(r.getHeader("Allow")).isEqualTo("GET");
            assertThat(r.getContentType()).startsWith("application/json");
            JsonNode body = JSON.readTree(r.getContentAsString());
            assertThat(body.path("status").asInt()).isEqualTo(405);
            assertThat(body.path("error").asText()).isEqualTo("the API only answers GET");
            assertThat(body.size()).as("status and error, nothing else").isEqualTo(2);
        }
    }

    /** Outside {@code /api/} a refused method is left to the site's own error handling, not given the API's JSON. */
    @Test
    void aRefusedMethodOutsideTheApiIsNotAnsweredAsTheApi() throws Exception {
        MockHttpServletResponse r =
                mvc.perform(post("/faults/page")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED.value());
        assertThat(r.getContentAsString()).doesNotContain("the API only answers GET");
        assertThat(r.getContentType()).isNull();
    }

    @Test
    void anUnexpectedFailureTellsTheClientNothingOfTheServer() throws Exception {
        MockHttpServletResponse r = assertError(
                get("/api/v1/faults/unexpected"),
                HttpStatus.INTERNAL_SERVER_ERROR,
                "the server could not answer; the error is logged");
        assertThat(r.getContentAsString()).doesNotContain("jdbc", "db.internal", "IllegalStateException", "at org.");
    }

    @Test
    void theDescriptionIsServedAsJsonAndNamesTheEventsEndpoint() throws Exception {
        MockHttpServletResponse r =
                mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/json");
        assertThat(r.getHeader("Cache-Control")).isEqualTo("no-cache");
        JsonNode doc = JSON.readTree(r.getContentAsByteArray());
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(doc.path("paths").has("/api/v1/events")).isTrue();
    }

    private MockHttpServletResponse assertError(RequestBuilder request, HttpStatus status, String message)
            throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(status.value());
        assertThat(r.getContentType()).isEqualTo("application/json");
        JsonNode body = JSON.readTree(r.getContentAsString());
        assertThat(body.path("status").asInt()).isEqualTo(status.value());
        assertThat(body.path("error").asText()).isEqualTo(message);
        assertThat(body.size()).as("status and error, nothing else").isEqualTo(2);
        return r;
    }
}
