package org.sitrep.api;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.1 description, kept by hand in {@code api/openapi.json} next to the controllers and
 * checked against them by {@code OpenApiDescriptionTest} (why not generated: see docs/api.md).
 */
@RestController
class OpenApiController {
    private final byte[] description;

    OpenApiController() throws IOException {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) throw new IllegalStateException("api/openapi.json is missing from the classpath");
            description = in.readAllBytes();
        }
    }

    @GetMapping("/api/v1/openapi.json")
    ResponseEntity<byte[]> openapi() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .body(description);
    }
}
