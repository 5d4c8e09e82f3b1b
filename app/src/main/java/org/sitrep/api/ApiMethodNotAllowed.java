package org.sitrep.api;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request whose method no API route takes (a POST to a GET-only route) matches no controller, and Spring applies
 * {@link ApiErrors}, an advice limited to this package, only to this package's controllers: without this resolver the
 * refusal came back with the site's error page or no body at all. Under {@code /api/} it answers with the API's JSON
 * error and the {@code Allow} header; anywhere else it steps aside for the site's own handling.
 */
@Configuration
class ApiMethodNotAllowed implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        // First in the list: Spring's default resolver would otherwise answer the 405 with an empty body.
        resolvers.add(0, (request, response, handler, e) -> {
            if (!(e instanceof HttpRequestMethodNotSupportedException refused)
                    || !request.getRequestURI().startsWith("/api/")) {
                return null;
            }
            try {
                if (refused.getSupportedHttpMethods() != null) {
                    response.setHeader(
                            "Allow",
                            refused.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", ")));
                }
                ApiKeyFilter.refuse(response, HttpStatus.METHOD_NOT_ALLOWED, "the API only answers GET");
                return new ModelAndView();
            } catch (IOException gone) {
                return null; // the client went away: let Spring's resolvers deal with the broken response
            }
        });
    }
}
