package org.sitrep.payments;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server in Stripe's place (the real API is not reachable here): it records what
 * stripe-java sends and answers with Stripe-shaped JSON, so the requests our code builds are
 * checked on the wire.
 */
final class StripeStandIn {
    record Request(String method, String path, String authorization, String body) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Subscriptions as "Stripe" has them now, by id: what GET /v1/subscriptions/{id} answers. */
    final java.util.Map<String, String> subscriptions = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpServer server;

    StripeStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    URLDecoder.decode(body, StandardCharsets.UTF_8)));
            String json =
                    switch (path) {
                        case "/v1/checkout/sessions" ->
                            "{\"id\":\"cs_test_standin\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                                    + "\"url\":\"https://checkout.stripe.com/c/pay/cs_test_standin\"}";
                        case "/v1/billing_portal/sessions" ->
                            "{\"id\":\"bps_standin\",\"object\":\"billing_portal.session\","
                                    + "\"url\":\"https://billing.stripe.com/p/session/test_standin\"}";
                        default ->
                            path.startsWith("/v1/subscriptions/")
                                    ? subscriptions.get(path.substring("/v1/subscriptions/".length()))
                                    : null;
                    };
            byte[] out = (json == null
                            ? "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no such path\"}}"
                            : json)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Request-Id", "req_standin");
            exchange.sendResponseHeaders(json == null ? 404 : 200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
